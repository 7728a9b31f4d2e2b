package madjep.cli;

import java.io.PrintWriter;
import java.lang.reflect.Method;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * One line on the terminal that a long command rewrites in place (on standard error, so standard output stays what
 * scripts read): seeds or simulated time done, failures so far, rate, time left. Shown only when standard output is
 * an interactive terminal; {@link #stop()} erases it.
 */
final class ProgressLine {
  private static final long PERIOD_MS = 500;

  private final PrintWriter err;
  private final Supplier<String> status;
  private Thread thread;
  private volatile boolean running;
  private int width;

  private ProgressLine(PrintWriter err, Supplier<String> status) {
    this.err = err;
    this.status = status;
  }

  /** Starts rewriting {@code status()} every half second, if this is a terminal; else does nothing. */
  static ProgressLine start(PrintWriter err, Supplier<String> status) {
    ProgressLine p = new ProgressLine(err, status);
    if (interactive()) {
      p.running = true;
      p.thread = new Thread(p::loop, "madjep-progress");
      p.thread.setDaemon(true);
      p.thread.start();
    }
    return p;
  }

  private void loop() {
    while (running) {
      try {
        Thread.sleep(PERIOD_MS);
      } catch (InterruptedException e) {
        return;
      }
      if (running) {
        draw(status.get());
      }
    }
  }

  private synchronized void draw(String line) {
    String padded = line.length() < width ? line + " ".repeat(width - line.length()) : line;
    width = line.length();
    err.print("\r" + padded);
    err.flush();
  }

  /** Erases the line before the command prints its own lines. */
  synchronized void stop() {
    if (!running) {
      return;
    }
    running = false;
    if (thread != null) {
      thread.interrupt();
      err.print("\r" + " ".repeat(width) + "\r");
      err.flush();
      width = 0;
    }
  }

  /** Standard output is a terminal a person watches (System.console() alone says so before JDK 22). */
  static boolean interactive() {
    java.io.Console c = System.console();
    if (c == null) {
      return false;
    }
    try {
      Method isTerminal = java.io.Console.class.getMethod("isTerminal");
      return (Boolean) isTerminal.invoke(c);
    } catch (ReflectiveOperationException e) {
      return true;
    }
  }

  /** Removes an interruption report once the work is done; while the process is going down, the report stays. */
  static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // The hook is running: it says what finished.
    }
  }

  /** {@code 1h 02m}, {@code 4m 10s}, {@code 12s}: a time left, rounded for reading. */
  static String eta(double seconds) {
    if (!(seconds >= 0) || Double.isInfinite(seconds)) {
      return "?";
    }
    long s = Math.round(seconds);
    if (s >= 86_400) {
      return String.format(Locale.ROOT, "%dd %02dh", s / 86_400, s % 86_400 / 3600);
    }
    if (s >= 3600) {
      return String.format(Locale.ROOT, "%dh %02dm", s / 3600, s % 3600 / 60);
    }
    return s >= 60 ? String.format(Locale.ROOT, "%dm %02ds", s / 60, s % 60) : s + "s";
  }
}
