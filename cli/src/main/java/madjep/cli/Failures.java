package madjep.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import madjep.history.DataError;

/**
 * The one place that turns what a command threw, an exception or an {@link Error}, into one line on stderr and an
 * exit code (DESIGN.md's contract): bad data 65, usage 64, anything else 70. Out of memory outside a checker exits 70
 * with a line naming memory and the heap limit the JVM ran with; a checker that runs out of memory answers unknown
 * instead ({@link Limits}). No stack trace without {@code --debug}.
 */
final class Failures {
  private Failures() {}

  /**
   * Prints what {@code thrown} means for the user and returns the exit code. While the JVM is going down (Ctrl-C,
   * SIGTERM) it prints nothing without {@code --debug}: the interruption's own report says what finished, and what
   * fails then is work cut short under it (a store directory removed while a writer was still in it), which is no
   * error of the run's. The process then exits with the signal's status, not this code.
   */
  static int report(Throwable thrown, PrintWriter err, boolean debug) {
    if (!debug && shuttingDown()) {
      return ExitCode.INTERRUPTED;
    }
    Throwable t = thrown instanceof UncheckedIOException u ? u.getCause() : thrown;
    // Work done on another thread (a simulation's check) fails wrapped: describe what it threw.
    while ((t instanceof java.util.concurrent.CompletionException
        || t instanceof java.util.concurrent.ExecutionException) && t.getCause() != null) {
      t = t.getCause();
    }
    int code;
    try {
      code = describe(t, err, debug);
    } catch (VirtualMachineError again) {
      // Too little memory even to describe the failure: say the least that is still true.
      err.println("madjep: out of memory");
      code = ExitCode.INTERNAL;
    }
    if (debug) {
      t.printStackTrace(err);
    }
    err.flush();
    return code;
  }

  private static int describe(Throwable t, PrintWriter err, boolean debug) {
    if (t instanceof DataError d) {
      err.println(d.getMessage());
      return ExitCode.DATA;
    }
    if (t instanceof UsageError u) {
      err.println("madjep: " + u.getMessage());
      return ExitCode.USAGE;
    }
    if (t instanceof NoSuchFileException n) {
      err.println(n.getFile() + ": no such file");
      return ExitCode.DATA;
    }
    if (t instanceof AccessDeniedException a) {
      err.println(a.getFile() + ": permission denied");
      return ExitCode.DATA;
    }
    if (t instanceof IOException io) {
      err.println("madjep: I/O error: " + io.getMessage());
      return ExitCode.DATA;
    }
    if (t instanceof OutOfMemoryError) {
      err.println("madjep: out of memory: " + heapLimit() + " was not enough; give the JVM more, e.g. JAVA_OPTS=-Xmx8g,"
          + " or check fewer ops at a time");
      return ExitCode.INTERNAL;
    }
    String what = t instanceof StackOverflowError ? "stack overflow" : t.toString();
    err.println("madjep: internal error: " + what + (debug ? "" : " (run with --debug for the stack trace)"));
    return ExitCode.INTERNAL;
  }

  /** True once the JVM has begun to shut down: it takes no more shutdown hooks from then on. */
  static boolean shuttingDown() {
    Thread probe = new Thread(() -> {});
    try {
      Runtime.getRuntime().addShutdownHook(probe);
    } catch (IllegalStateException goingDown) {
      return true;
    }
    Runtime.getRuntime().removeShutdownHook(probe);
    return false;
  }

  /** "-Xmx512m" as given on the command line, else the JVM's default limit in the same form. */
  static String heapLimit() {
    for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (arg.startsWith("-Xmx")) {
        return arg;
      }
    }
    return "the default heap limit (-Xmx" + (Runtime.getRuntime().maxMemory() >> 20) + "m)";
  }
}
