package madjep.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code madjep check ...}: one subcommand per checker. */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = "Check histories for consistency violations. Exit 0 valid, 1 invalid, 2 unknown, 64 usage, 65 bad data.",
    subcommands = {
      CheckLinearCommand.class,
      CheckTxnCommand.class,
      CheckJepsenCommands.Bank.class,
      CheckJepsenCommands.Counter.class,
      CheckJepsenCommands.Set.class,
      CheckJepsenCommands.SetFull.class,
      CheckJepsenCommands.LongFork.class,
      CheckJepsenCommands.UniqueIds.class,
      CheckJepsenCommands.TotalQueue.class
    })
final class CheckCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "expected a checker, such as 'check linear'");
  }
}
