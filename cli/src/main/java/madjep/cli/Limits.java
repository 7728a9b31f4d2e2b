package madjep.cli;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import madjep.history.DataError;
import madjep.history.Verdict;
import madjep.history.edn.Keyword;

/**
 * The time and memory limits of the check commands, in one place.
 *
 * <p>{@code --timeout D} bounds the whole command as a user times it: from the command line the clock starts when the
 * JVM starts (called in-process, when {@link Main#run} starts), reading the file counts (a stream past the deadline
 * fails with {@link ReadTimeout}), and the checker gets what is left.
 * Past the limit the answer is unknown with cause {@code timeout}. A checker that runs out of memory answers unknown
 * with cause {@code memory}: out of memory is never a verdict, and never a stack trace.
 */
final class Limits {
  /** No deadline. */
  static final long NONE = Long.MAX_VALUE;

  /**
   * How long past the deadline a checker may take to return its own unknown answer (which says what it found)
   * before the watchdog answers for it.
   */
  static final long GRACE_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

  /** When the command's clock started, on the {@link System#nanoTime()} clock. */
  private static volatile long clockStart = System.nanoTime();

  private Limits() {}

  /** Starts the clock that {@code --timeout} counts from. */
  static void startClock(long nanoTime) {
    clockStart = nanoTime;
  }

  /** When the command's clock started. */
  static long clockStart() {
    return clockStart;
  }

  /** The {@link System#nanoTime()} at which {@code timeout} after the clock's start has passed. */
  static long deadline(Duration timeout) {
    return clockStart + timeout.toNanos();
  }

  /** The JVM's start on the {@link System#nanoTime()} clock (now, when the OS does not say). */
  static long jvmStartNanos() {
    long now = System.nanoTime();
    return ProcessHandle.current().info().startInstant()
        .map(start -> now - Math.max(0, Duration.between(start, Instant.now()).toNanos()))
        .orElse(now);
  }

  /** Nanoseconds left before {@code deadline}; 0 or less once it passed. */
  static long remaining(long deadline) {
    return deadline == NONE ? Long.MAX_VALUE : deadline - System.nanoTime();
  }

  /** Opens a history file for reading under a deadline; a missing file or a directory is a data error. */
  static InputStream open(Path file, long deadline) throws IOException {
    if (Files.isDirectory(file)) {
      throw new DataError(file.toString(), 0, 0, -1, "expected a history file, found a directory");
    }
    InputStream in;
    try {
      in = Files.newInputStream(file);
    } catch (NoSuchFileException e) {
      throw new DataError(file.toString(), 0, 0, -1, "expected a history file, found no such file");
    }
    return deadline == NONE ? in : new DeadlineInputStream(in, deadline);
  }

  /** Reading went past the deadline. */
  static final class ReadTimeout extends IOException {
    private static final long serialVersionUID = 1L;

    ReadTimeout() {
      super("the time limit passed while reading");
    }
  }

  /** Fails every read once the deadline has passed: readers take 64 KiB at a time, so they stop promptly. */
  private static final class DeadlineInputStream extends FilterInputStream {
    private final long deadline;

    DeadlineInputStream(InputStream in, long deadline) {
      super(in);
      this.deadline = deadline;
    }

    private void check() throws ReadTimeout {
      if (System.nanoTime() - deadline > 0 || Thread.currentThread().isInterrupted()) {
        throw new ReadTimeout();
      }
    }

    @Override
    public int read() throws IOException {
      check();
      return super.read();
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      check();
      return super.read(b, off, len);
    }
  }

  /**
   * Runs {@code work} and returns its value, or null when the deadline (plus {@link #GRACE_NANOS}) passes first: the
   * work's thread is then interrupted and left behind (a daemon; the command exits). Errors and exceptions of the
   * work propagate as they are.
   */
  static <T> T within(long deadline, Callable<T> work) throws IOException {
    if (deadline == NONE) {
      return call(work);
    }
    FutureTask<T> task = new FutureTask<>(work);
    Thread t = new Thread(task, "madjep-check");
    t.setDaemon(true);
    t.start();
    try {
      return task.get(Math.max(0, remaining(deadline) + GRACE_NANOS), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      task.cancel(true);
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      task.cancel(true);
      return null;
    } catch (ExecutionException e) {
      throw causeOf(e);
    }
  }

  /**
   * What a task threw, as it was: an {@link IOException} returned to be thrown, an unchecked exception or an
   * {@link Error} thrown from here, so that {@link Failures} reports the real failure.
   */
  static IOException causeOf(ExecutionException e) {
    Throwable cause = e.getCause();
    if (cause instanceof IOException io) {
      return io;
    }
    if (cause instanceof RuntimeException re) {
      throw re;
    }
    if (cause instanceof Error err) {
      throw err;
    }
    throw new IllegalStateException(cause);
  }

  private static <T> T call(Callable<T> work) throws IOException {
    try {
      return work.call();
    } catch (IOException | RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * What a check came to: the checker's result, or the cause of an unknown answer for a limit hit outside the
   * checker's own accounting ({@code "timeout"} while reading, {@code "memory"}).
   */
  record Outcome<R>(R result, String cause) {
    static <R> Outcome<R> of(R result) {
      return new Outcome<>(result, null);
    }

    static <R> Outcome<R> unknown(String cause) {
      return new Outcome<>(null, cause);
    }

    /** The unknown answer as data: {@code {:valid? :unknown, :cause :memory}}. */
    Map<Keyword, Object> unknownData() {
      Map<Keyword, Object> m = new LinkedHashMap<>();
      m.put(Keyword.of("valid?"), Verdict.UNKNOWN.toData());
      m.put(Keyword.of("cause"), Keyword.of(cause));
      return m;
    }
  }

  /**
   * Runs a checker: its result, or unknown with cause {@code memory} when it runs out of memory (whatever it had
   * built is garbage by then, so the answer can still be printed).
   */
  static <R> Outcome<R> check(java.util.function.Supplier<R> checker) {
    try {
      return Outcome.of(checker.get());
    } catch (OutOfMemoryError e) {
      return Outcome.unknown("memory");
    }
  }
}
