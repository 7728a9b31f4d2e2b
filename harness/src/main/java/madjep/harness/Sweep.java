package madjep.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongFunction;
import madjep.history.Verdict;
import madjep.sim.scenario.Scenario;

/**
 * Runs and checks one scenario for many seeds on a pool of threads, reporting each seed in seed order as soon as it
 * and every seed before it are done. At most a few seeds per thread are in flight, so memory does not grow with the
 * range; only the seeds that are not valid are kept (their store directory written by the worker that ran them).
 */
public final class Sweep {
  /** The most failures a sweep keeps to list at the end; the counts are always whole. */
  static final int KEPT_FAILURES = 1_000;

  /** A seed that is not valid: what it said, the command that replays it, and its store directory (or null). */
  public record Failure(long seed, Verdict verdict, String summary, String replay, Path dir) {}

  /** Sees a sweep as it goes, on the thread that called {@link #run}. */
  public interface Listener {
    /** Seed {@code seed} finished; {@code failure} is null when it was valid. */
    void seedDone(long seed, Failure failure, Progress progress);
  }

  /**
   * The sweep so far; safe to read from any thread (a Ctrl-C handler prints it).
   */
  public static final class Progress {
    private final long total;
    private final long startNanos = System.nanoTime();
    private volatile long done;
    private volatile long invalid;
    private volatile long unknown;
    private final List<Failure> failures = Collections.synchronizedList(new ArrayList<>());
    /** Each sometimes or reachable assertion reached so far: in how many seeds it was reached, and seen true. */
    private final java.util.TreeMap<String, long[]> sometimes = new java.util.TreeMap<>();

    Progress(long total) {
      this.total = total;
    }

    public long total() {
      return total;
    }

    public long done() {
      return done;
    }

    public long invalid() {
      return invalid;
    }

    public long unknown() {
      return unknown;
    }

    public long valid() {
      return done - invalid - unknown;
    }

    public long elapsedNanos() {
      return System.nanoTime() - startNanos;
    }

    /** The first {@value Sweep#KEPT_FAILURES} seeds that were not valid, in seed order. */
    public List<Failure> failures() {
      synchronized (failures) {
        return List.copyOf(failures);
      }
    }

    /**
     * The {@code sometimes} assertions reached in some seed but never true in any (Antithesis's "never seen"), with
     * how many seeds reached them, by name.
     */
    public java.util.Map<String, Long> neverSeen() {
      java.util.Map<String, Long> out = new java.util.LinkedHashMap<>();
      synchronized (sometimes) {
        sometimes.forEach((name, c) -> {
          if (c[1] == 0) {
            out.put(name, c[0]);
          }
        });
      }
      return out;
    }

    void observe(madjep.sim.scenario.Observations o) {
      synchronized (sometimes) {
        for (madjep.sim.Assertions.Result a : o.assertions()) {
          if (!a.kind().mustHold()) {
            long[] c = sometimes.computeIfAbsent(a.name(), k -> new long[2]);
            c[0]++;
            c[1] += a.seen() ? 1 : 0;
          }
        }
      }
    }

    /** Invalid beats unknown beats valid, as Jepsen merges verdicts. */
    public Verdict verdict() {
      return invalid > 0 ? Verdict.INVALID : unknown > 0 ? Verdict.UNKNOWN : Verdict.VALID;
    }

    void add(Failure f) {
      if (f != null) {
        if (f.verdict() == Verdict.INVALID) {
          invalid++;
        } else {
          unknown++;
        }
        if (failures.size() < KEPT_FAILURES) {
          failures.add(f);
        }
      }
      done++;
    }
  }

  private final Harness harness;
  private final int jobs;

  /** A sweep that runs {@code jobs} seeds at once with {@code harness} (whose store, if any, gets the failures). */
  public Sweep(Harness harness, int jobs) {
    if (jobs < 1) {
      throw new IllegalArgumentException("expected at least 1 job, found " + jobs);
    }
    this.harness = harness;
    this.jobs = jobs;
  }

  /** The progress object a sweep of {@code seeds} reports to; pass it to {@link #run}. */
  public static Progress progress(Seeds seeds) {
    return new Progress(seeds.count());
  }

  /**
   * Runs {@code base} for each seed; {@code replay} gives each seed's replay command. Returns when every seed is done
   * or the thread is interrupted (then the progress says how far it got).
   */
  public Progress run(Scenario base, Seeds seeds, LongFunction<String> replay, Progress progress, Listener listener) {
    ExecutorService pool = Executors.newFixedThreadPool(jobs, r -> {
      Thread t = new Thread(r, "madjep-sweep");
      t.setDaemon(true);
      return t;
    });
    ArrayDeque<Future<Failure>> window = new ArrayDeque<>();
    ArrayDeque<Long> windowSeeds = new ArrayDeque<>();
    long next = 0;
    long count = seeds.count();
    int depth = jobs * 2;
    try {
      while (next < count || !window.isEmpty()) {
        while (next < count && window.size() < depth) {
          long seed = seeds.get(next++);
          window.add(pool.submit(() -> one(base.withSeed(seed), replay.apply(seed), progress)));
          windowSeeds.add(seed);
        }
        Failure f = get(window.poll());
        long seed = windowSeeds.poll();
        progress.add(f);
        listener.seedDone(seed, f, progress);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      pool.shutdownNow();
    }
    return progress;
  }

  private Failure one(Scenario s, String replay, Progress progress) throws IOException {
    LocalDateTime started = LocalDateTime.now();
    Run run = harness.withStore(null).run(s, replay);
    progress.observe(run.sim().observations());
    if (run.verdict() == Verdict.VALID) {
      return null;
    }
    Path dir = harness.store() == null ? null : StoreWriter.write(harness.store(), run, started);
    return new Failure(s.seed(), run.verdict(), run.summary(), replay, dir);
  }

  private static Failure get(Future<Failure> f) throws InterruptedException {
    try {
      return f.get();
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof IOException io) {
        throw new UncheckedIOException(io);
      }
      if (c instanceof RuntimeException re) {
        throw re;
      }
      if (c instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(c);
    }
  }
}
