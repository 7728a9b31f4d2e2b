package madjep.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code madjep} command. Only this module prints or chooses exit codes. */
@Command(
    name = "madjep",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Deterministic chaos simulation and fast consistency checkers for Jepsen-style histories.",
    subcommands = {HistoryCommand.class, CheckCommand.class, SimCommand.class, DemoCommand.class, ReportCommand.class,
        CommandLine.HelpCommand.class})
public final class Main implements Runnable {
  @CommandLine.Mixin GlobalOptions global;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "expected a command");
  }

  static {
    // Start-up work that picocli does for features we do not use, skipped unless a user asks for it: looking for
    // Groovy's Closure class (a failed class-path search), and registering converters, by reflection, for java.sql
    // and java.time types that no option takes (every Duration option names its converter).
    if (System.getProperty("picocli.disable.closures") == null) {
      System.setProperty("picocli.disable.closures", "true");
    }
    if (System.getProperty("picocli.converters.excludes") == null) {
      System.setProperty("picocli.converters.excludes", "java\\.sql\\..*|java\\.time\\..*");
    }
  }

  public static void main(String[] args) {
    // A user times the whole process: --timeout counts from the JVM's start.
    Limits.startClock(Limits.jvmStartNanos());
    System.exit(run(CommandTree.forArgs(args), args, new PrintWriter(System.out, true),
        new PrintWriter(System.err, true)));
  }

  /** Runs the command line with the given streams and returns the exit code; tests call this. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    Limits.startClock(System.nanoTime());
    return run(CommandTree.forArgs(args), args, out, err);
  }

  /** Runs a tree built for {@code args}; CommandTreeTest holds the whole tree and the pruned one to the same. */
  static int run(CommandTree.Parsed parsed, String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cl = parsed.commandLine();
    cl.setOut(out);
    cl.setErr(err);
    boolean debug = java.util.Arrays.asList(args).contains("--debug");
    cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> Failures.report(ex, err, debug));
    int code;
    try {
      code = cl.execute(parsed.args());
    } catch (Error e) {
      // picocli hands only Exceptions to the handler above; Errors (out of memory, stack overflow) come here.
      code = Failures.report(e, err, debug);
    }
    out.flush();
    err.flush();
    return code;
  }

  /** The configured command line, with exit codes mapped to DESIGN.md's. */
  static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Main());
    cl.getCommandSpec().exitCodeOnInvalidInput(ExitCode.USAGE);
    cl.getCommandSpec().exitCodeOnExecutionException(ExitCode.INTERNAL);
    setUsageExitCodes(cl);
    return cl;
  }

  static void setUsageExitCodes(CommandLine cl) {
    cl.getCommandSpec().exitCodeOnInvalidInput(ExitCode.USAGE);
    cl.getCommandSpec().exitCodeOnExecutionException(ExitCode.INTERNAL);
    for (CommandLine sub : cl.getSubcommands().values()) {
      setUsageExitCodes(sub);
    }
  }

  /** Reads the version that the build wrote into the jar. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      Properties p = new Properties();
      try (InputStream in = Main.class.getResourceAsStream("version.properties")) {
        if (in != null) {
          p.load(in);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return new String[] {"madjep " + p.getProperty("version", "unknown"), "Java " + Runtime.version()};
    }
  }
}
