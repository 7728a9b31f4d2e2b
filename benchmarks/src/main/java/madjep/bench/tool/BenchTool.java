package madjep.bench.tool;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code madjep bench run|compare|trend}. Exit codes: 0 fine, 1 a regression (compare), 64 usage, 70 failure. */
@Command(
    name = "madjep bench",
    mixinStandardHelpOptions = true,
    description = "The benchmark history: record runs, compare two, draw the trend.",
    subcommands = {RunCommand.class, CompareCommand.class, TrendCommand.class, CommandLine.HelpCommand.class})
public final class BenchTool implements Runnable {
  /** A usage error. */
  static final int USAGE = 64;
  /** A benchmark process or a file that failed. */
  static final int FAILED = 70;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "expected run, compare or trend");
  }

  /**
   * Runs {@code madjep bench}.
   *
   * @param args the arguments after {@code bench}
   */
  public static void main(String[] args) {
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cl = new CommandLine(new BenchTool());
    cl.setOut(out);
    cl.setErr(err);
    cl.getCommandSpec().exitCodeOnInvalidInput(USAGE);
    for (CommandLine sub : cl.getSubcommands().values()) {
      sub.getCommandSpec().exitCodeOnInvalidInput(USAGE);
    }
    cl.setExecutionExceptionHandler((ex, c, parsed) -> {
      err.println("madjep bench: " + ex.getMessage());
      return FAILED;
    });
    int code = cl.execute(args);
    out.flush();
    err.flush();
    return code;
  }
}
