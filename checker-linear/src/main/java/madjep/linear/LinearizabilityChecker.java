package madjep.linear;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import madjep.history.DataError;
import madjep.history.History;
import madjep.history.Verdict;

/**
 * Checks a history for linearizability against a {@link Model}: a pure function of the history, the model and the
 * {@link LinearizabilityOptions}, which reads the clock only to honour {@link LinearizabilityOptions#timeout()}.
 *
 * <pre>{@code
 * History h = HistoryReader.read(Path.of("history.edn"));
 * LinearizabilityResult r = LinearizabilityChecker.check(h, Models.byName("cas-register", 0L),
 *     LinearizabilityOptions.defaults());
 * if (r.verdict() == Verdict.INVALID) System.out.println(r.failure().explanation());
 * }</pre>
 *
 * <p>Semantics (DESIGN.md): {@code :fail} ops did not happen; {@code :info} ops and invocations that never completed
 * may take effect at any point after their invocation, or never; a read of {@code nil} is an unknown read; file
 * order is the real-time order, so an op that completes before another is invoked precedes it (or, with
 * {@link LinearizabilityOptions.RealTime#TIME}, {@code :time} order with closed intervals). Ops of named processes (the nemesis)
 * are ignored.
 *
 * <p>The history is split into independent partitions ({@link LinearizabilityOptions#independent()}, {@link Model#partitionKeys})
 * searched in parallel, in rounds: each round gives every undecided partition a slice of search steps, twice as many
 * as the round before, so a cheap violation is found before an expensive partition is finished. After the first
 * round that finds a violation the rest are cancelled; of that round's violations the earliest partition's is
 * reported. Step counts, not timing, decide all of this, so the answer is the same on every run and any number of
 * threads. Running out of time or memory answers {@link Verdict#UNKNOWN}, never valid. The time limit holds inside a
 * model that is not built in, too: the clock is read after each of its steps, and a step still running shortly
 * after the limit is abandoned (interrupted; the answer is unknown, and a step that ignores interrupts finishes on
 * its own daemon thread).
 */
public final class LinearizabilityChecker {
  private LinearizabilityChecker() {}

  /** Below this many ops, the first round runs on the calling thread; later rounds (hard partitions) use all. */
  static final int PARALLEL_MIN_OPS = 20_000;

  /** Search steps each partition gets in the first round (when there are several partitions). */
  static final long FIRST_SLICE = 1 << 16;

  /**
   * Checks {@code history} against {@code model}; see the class comment.
   *
   * @param history the history to check
   * @param model the model whose sequential behaviour the ops must match
   * @param options limits (time, memory, threads) and the independent-keys switch
   * @return the verdict, with a witness when it is invalid and a cause when it is unknown
   * @throws madjep.history.DataError when the history is malformed or an op has a shape the model does not accept
   */
  public static LinearizabilityResult check(History history, Model model, LinearizabilityOptions options) {
    long start = System.nanoTime();
    long deadline = options.timeout() == null ? Long.MAX_VALUE : start + options.timeout().toNanos();
    if (options.nilReads() == LinearizabilityOptions.NilReads.NO_VALUE && model instanceof CompiledModel cm) {
      model = cm.withNoValueReads();
    }
    List<PartitionOps> parts = Partitioner.split(history, model, options.independent(), options.realTime());
    if (!hasClientOp(history)) {
      return new LinearizabilityResult(Verdict.UNKNOWN, LinearizabilityResult.Cause.EMPTY, model.name(), 0, 0, 0, null);
    }
    int ops = 0;
    for (PartitionOps p : parts) {
      ops += p.n;
    }
    Run run = new Run(history, model, parts, deadline, new MemoryBudget(options.memoryLimit()), options);
    if (model instanceof CompiledModel || deadline == Long.MAX_VALUE) {
      return run.execute(ops);
    }
    return run.executeWatched(ops);
  }

  /** How long past the deadline a user's model may keep one step running before the check answers without it. */
  static final long WATCHDOG_GRACE_NANOS = 250_000_000L;

  private static boolean hasClientOp(History history) {
    for (int i = 0; i < history.size(); i++) {
      if (history.isClient(i)) {
        return true;
      }
    }
    return false;
  }

  /** The shared state of one check: the partitions' searches, their outcomes, the round's first violation. */
  private static final class Run {
    private final History history;
    private final Model model;
    private final List<PartitionOps> parts;
    private final long deadline;
    private final MemoryBudget budget;
    private final FlatVisitedSet.Spares spares = new FlatVisitedSet.Spares();
    private final Search.Pool scratch = new Search.Pool();
    private final LinearizabilityOptions options;
    private final Search.Outcome[] outcomes;
    private final Search[] searches;
    private final Stepper[] steppers;
    private final VisitedSet[] caches;
    private final long[] configurations;
    private final Failure[] failures;
    private final AtomicInteger firstInvalid = new AtomicInteger(Integer.MAX_VALUE);
    private volatile RuntimeException error;
    /** Set when the caller stopped waiting (a user's model step outlived the deadline): every search stops. */
    private volatile boolean abandoned;
    /** The threads running this check's searches, to interrupt when it is abandoned. */
    private final List<Thread> running = new java.util.concurrent.CopyOnWriteArrayList<>();

    // The current round.
    private int[] active;
    private long slice;
    private final AtomicInteger nextActive = new AtomicInteger();

    Run(History history, Model model, List<PartitionOps> parts, long deadline, MemoryBudget budget,
        LinearizabilityOptions options) {
      this.history = history;
      this.model = model;
      this.parts = parts;
      this.deadline = deadline;
      this.budget = budget;
      this.options = options;
      int n = parts.size();
      this.outcomes = new Search.Outcome[n];
      this.searches = new Search[n];
      this.steppers = new Stepper[n];
      this.caches = new VisitedSet[n];
      this.configurations = new long[n];
      this.failures = new Failure[n];
    }

    /**
     * Runs {@link #execute} on a thread of its own and waits for it until shortly after the deadline: a user's model
     * whose step never returns (it sleeps, spins or blocks) cannot hold the check past its time limit. Past it, the
     * searches are told to stop and interrupted, and the answer is unknown; a step that ignores interrupts keeps its
     * daemon thread busy until it returns, but no longer holds up the caller.
     */
    LinearizabilityResult executeWatched(int ops) {
      java.util.concurrent.FutureTask<LinearizabilityResult> task = new java.util.concurrent.FutureTask<>(() -> execute(ops));
      Thread t = new Thread(task, "madjep-linear-watched");
      t.setDaemon(true);
      running.add(t);
      t.start();
      try {
        long wait = Math.max(0, deadline - System.nanoTime()) + WATCHDOG_GRACE_NANOS;
        return task.get(wait, java.util.concurrent.TimeUnit.NANOSECONDS);
      } catch (java.util.concurrent.TimeoutException e) {
        abandon();
        return new LinearizabilityResult(Verdict.UNKNOWN, LinearizabilityResult.Cause.TIMEOUT, model.name(), ops, parts.size(), 0, null);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        abandon();
        return new LinearizabilityResult(Verdict.UNKNOWN, LinearizabilityResult.Cause.TIMEOUT, model.name(), ops, parts.size(), 0, null);
      } catch (java.util.concurrent.ExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof RuntimeException re) {
          throw re;
        }
        if (cause instanceof Error err) {
          throw err;
        }
        throw new IllegalStateException(cause);
      }
    }

    private void abandon() {
      abandoned = true;
      for (Thread t : running) {
        t.interrupt();
      }
    }

    LinearizabilityResult execute(int ops) {
      int n = parts.size();
      active = new int[n];
      for (int p = 0; p < n; p++) {
        active[p] = p;
      }
      slice = n == 1 ? Long.MAX_VALUE : FIRST_SLICE;
      int threads = Math.min(options.threads(), n);
      try {
        boolean firstRound = true;
        while (active.length > 0 && firstInvalid.get() == Integer.MAX_VALUE && error == null) {
          // Starting threads costs more than a small history's whole check: its first round runs here.
          boolean small = firstRound && ops < PARALLEL_MIN_OPS;
          round(small ? 1 : Math.min(threads, active.length));
          firstRound = false;
          int kept = 0;
          for (int p : active) {
            if (outcomes[p] == Search.Outcome.PAUSED) {
              active[kept++] = p;
            }
          }
          active = java.util.Arrays.copyOf(active, kept);
          slice = slice > Long.MAX_VALUE / 2 ? Long.MAX_VALUE : slice * 2;
        }
      } finally {
        for (int p = 0; p < n; p++) {
          release(p);
        }
      }
      return result(ops);
    }

    /** Runs one slice of every active partition, on {@code threads} threads including this one. */
    private void round(int threads) {
      nextActive.set(0);
      if (threads <= 1) {
        work();
        return;
      }
      List<Thread> workers = new ArrayList<>(threads - 1);
      for (int t = 1; t < threads; t++) {
        Thread w = new Thread(this::work, "madjep-linear-" + t);
        w.setDaemon(true);
        workers.add(w);
        running.add(w);
        w.start();
      }
      work();
      boolean interrupted = false;
      for (Thread w : workers) {
        while (true) {
          try {
            w.join();
            break;
          } catch (InterruptedException e) {
            interrupted = true;
          }
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }

    private void work() {
      while (true) {
        int i = nextActive.getAndIncrement();
        if (i >= active.length) {
          return;
        }
        int p = active[i];
        if (error != null || abandoned || p > firstInvalid.get()) {
          outcomes[p] = Search.Outcome.CANCELLED;
          continue;
        }
        if (System.nanoTime() > deadline) {
          outcomes[p] = Search.Outcome.TIMEOUT;
          continue;
        }
        try {
          outcomes[p] = slice(p);
        } catch (OutOfMemoryError e) {
          outcomes[p] = Search.Outcome.MEMORY;
          searches[p] = null;
        } catch (ModelFailure e) {
          // A model that throws: a data error at the op, surfaced to the caller when the round is over.
          error = e.toDataError(history, model, parts.get(p));
          outcomes[p] = Search.Outcome.CANCELLED;
        } catch (DataError e) {
          error = e;
          outcomes[p] = Search.Outcome.CANCELLED;
        } catch (RuntimeException e) {
          error = e;
          outcomes[p] = Search.Outcome.CANCELLED;
        }
        if (outcomes[p] == Search.Outcome.INVALID) {
          firstInvalid.accumulateAndGet(p, Math::min);
        }
        if (outcomes[p] != Search.Outcome.PAUSED) {
          release(p);
        }
      }
    }

    private Search.Outcome slice(int p) {
      Search search = searches[p];
      if (search == null) {
        PartitionOps ops = parts.get(p);
        steppers[p] = model instanceof CompiledModel c
            ? c.compile(ops.f, ops.value, ops.required)
            : new GenericStepper(model, ops.f, ops.value, deadline);
        caches[p] = newCache(ops);
        search = new Search(ops, steppers[p], caches[p], () -> {
          if (System.nanoTime() > deadline) {
            return Search.Outcome.TIMEOUT;
          }
          return p > firstInvalid.get() || error != null || abandoned ? Search.Outcome.CANCELLED : null;
        }, scratch);
        searches[p] = search;
      }
      Search.Outcome outcome = search.run(slice);
      if (outcome == Search.Outcome.INVALID && steppers[p].expired()) {
        // The search failed on answers the stepper made up after the deadline: out of time, not invalid.
        outcome = Search.Outcome.TIMEOUT;
      }
      configurations[p] = caches[p].size();
      if (outcome == Search.Outcome.INVALID) {
        failures[p] = Explainer.explain(history, model, parts.get(p), steppers[p], search, parts.size() > 1);
      }
      return outcome;
    }

    private VisitedSet newCache(PartitionOps ops) {
      if (options.bitsets() == LinearizabilityOptions.Bitsets.ROARING) {
        return new RoaringVisitedSet(ops.n, budget);
      }
      if ((ops.n + 63) >>> 6 <= FlatVisitedSet.MAX_WORDS) {
        return new FlatVisitedSet(ops.n, budget, spares);
      }
      return new WindowedVisitedSet(ops.n, ops.required, budget);
    }

    /** Drops a partition's search and gives its cache's memory back. */
    private void release(int p) {
      if (caches[p] != null) {
        caches[p].releaseAll();
        if (caches[p] instanceof FlatVisitedSet f) {
          f.recycle();
        }
      }
      caches[p] = null;
      if (searches[p] != null) {
        scratch.give(searches[p].scratch());
      }
      searches[p] = null;
      steppers[p] = null;
    }

    LinearizabilityResult result(int ops) {
      if (error != null) {
        throw error;
      }
      String name = model.name();
      int inv = firstInvalid.get();
      // Partitions after the reported violation may have been cut short at any moment: leave them out, so that
      // the count, like the verdict, is the same on every run.
      long explored = 0;
      for (int p = 0; p < configurations.length && p <= inv; p++) {
        explored += configurations[p];
      }
      if (inv != Integer.MAX_VALUE) {
        return new LinearizabilityResult(Verdict.INVALID, null, name, ops, parts.size(), explored, failures[inv]);
      }
      for (Search.Outcome o : outcomes) {
        if (o == Search.Outcome.MEMORY) {
          return new LinearizabilityResult(Verdict.UNKNOWN, LinearizabilityResult.Cause.MEMORY, name, ops,
              parts.size(), explored, null);
        }
        if (o != Search.Outcome.VALID) {
          return new LinearizabilityResult(Verdict.UNKNOWN, LinearizabilityResult.Cause.TIMEOUT, name, ops,
              parts.size(), explored, null);
        }
      }
      return new LinearizabilityResult(Verdict.VALID, null, name, ops, parts.size(), explored, null);
    }
  }
}
