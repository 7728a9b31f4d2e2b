package madjep.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code madjep sim list|run|sweep}: the deterministic simulator. */
@Command(
    name = "sim",
    mixinStandardHelpOptions = true,
    description = {
      "Run chaos tests inside a deterministic simulation: one seed fixes every message, fault and client op,",
      "so any failure replays exactly. Exit 0 valid, 1 invalid, 2 unknown, 64 usage, 65 bad scenario file."
    },
    subcommands = {SimListCommand.class, SimRunCommand.class, SimSweepCommand.class, SimShrinkCommand.class})
final class SimCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "expected 'sim list', 'sim run', 'sim sweep' or 'sim shrink'");
  }
}
