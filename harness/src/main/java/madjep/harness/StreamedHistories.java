package madjep.harness;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import madjep.history.History;
import madjep.history.io.HistoryFormat;
import madjep.history.io.HistoryWriter;
import madjep.sim.HistoryRecorder;

/**
 * A run's {@code history.edn} and {@code history.jsonl}, written into its hidden store directory while the
 * simulation records them. Each file has a thread of its own that follows the history so far (handed over by the
 * simulation's thread every {@link #EVERY} ops, {@link #soFar}) and writes the ops it has not written yet, so a long
 * run's histories are mostly on disk when the simulation ends, written by the core it leaves idle. {@link #finish}
 * hands over the whole history; both threads write the rest at once. The files bypass the page cache where the file
 * system allows it ({@link UncachedFileOutput}).
 */
final class StreamedHistories implements HistoryRecorder.Follower {
  /** Ops between hand-overs: about 7 MB of each file for a simulated register workload. */
  static final int EVERY = 1 << 16;

  private final FileWriter edn;
  private final FileWriter json;

  StreamedHistories(Path dir) throws IOException {
    edn = new FileWriter(dir.resolve("history.edn"), HistoryFormat.EDN);
    FileWriter j;
    try {
      j = new FileWriter(dir.resolve("history.jsonl"), HistoryFormat.JSON);
    } catch (IOException | RuntimeException e) {
      edn.cancel();
      throw e;
    }
    json = j;
  }

  @Override
  public void soFar(History prefix) {
    edn.offer(prefix);
    json.offer(prefix);
  }

  /** Hands over the whole history and returns at once; {@link #await} waits until both files are complete. */
  void finish(History whole) {
    edn.finish(whole);
    json.finish(whole);
  }

  /** Waits for both files; throws what writing either one threw. */
  void await() throws IOException {
    try {
      edn.await();
    } finally {
      json.await();
    }
  }

  /** Stops both writers without completing the files (the run is not stored), and waits for them. */
  void cancel() {
    edn.cancel();
    json.cancel();
  }

  /** One file and the thread that writes it. */
  private static final class FileWriter implements Runnable {
    private final AtomicReference<History> next = new AtomicReference<>();
    private volatile History whole;
    private volatile boolean cancelled;
    private volatile Throwable failure;
    private final OutputStream out;
    private final HistoryWriter.Stream stream;
    private final Thread thread;

    FileWriter(Path file, HistoryFormat format) throws IOException {
      out = UncachedFileOutput.create(file);
      stream = new HistoryWriter.Stream(format, out);
      thread = new Thread(this, "madjep-" + file.getFileName());
      thread.setDaemon(true);
      thread.start();
    }

    void offer(History soFar) {
      next.set(soFar);
      LockSupport.unpark(thread);
    }

    void finish(History all) {
      whole = all;
      LockSupport.unpark(thread);
    }

    void cancel() {
      cancelled = true;
      LockSupport.unpark(thread);
      join();
    }

    void await() throws IOException {
      join();
      Throwable t = failure;
      if (t instanceof IOException e) {
        throw e;
      } else if (t instanceof RuntimeException e) {
        throw e;
      } else if (t instanceof Error e) {
        throw e;
      }
    }

    private void join() {
      boolean interrupted = false;
      while (thread.isAlive()) {
        try {
          thread.join();
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }

    @Override
    public void run() {
      try (out) {
        while (!cancelled) {
          History all = whole;
          History h = all != null ? all : next.getAndSet(null);
          if (h == null) {
            // Every hand-over, the end and a cancellation unpark this thread after setting what it reads, and an
            // unpark before the park makes it return at once: nothing is missed.
            LockSupport.park(this);
            continue;
          }
          stream.append(h);
          if (all != null) {
            stream.finish();
            return;
          }
        }
        failure = new InterruptedIOException("cancelled: the history was not completed");
      } catch (IOException | RuntimeException | Error e) {
        failure = e instanceof UncheckedIOException u ? u.getCause() : e;
      }
    }
  }
}
