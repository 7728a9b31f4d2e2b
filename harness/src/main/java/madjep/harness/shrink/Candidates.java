package madjep.harness.shrink;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import madjep.harness.Harness;
import madjep.harness.Run;
import madjep.sim.scenario.Scenario;

/**
 * Runs candidate scenarios and says which still fail the same way as the original. A batch runs on up to {@code jobs}
 * threads, a window at a time in list order, and the answer is the first failing candidate in that order: the same
 * answer a single thread gives, whatever the timing. Each scenario runs once (answers are remembered). Past the
 * deadline, no new candidate starts: {@link OutOfBudget} is thrown.
 */
final class Candidates implements AutoCloseable {
  /** Thrown when the time budget is spent. */
  static final class OutOfBudget extends RuntimeException {
    OutOfBudget() {
      super("time budget spent", null, false, false);
    }
  }

  private final Harness harness;
  private final FailureKind target;
  private final int jobs;
  private final long deadline;
  private final ExecutorService pool;
  private final Map<Scenario, Boolean> answers = new ConcurrentHashMap<>();
  private final AtomicLong runs = new AtomicLong();

  Candidates(Harness harness, FailureKind target, int jobs, long deadlineNanos) {
    this.harness = harness;
    this.target = target;
    this.jobs = jobs;
    this.deadline = deadlineNanos;
    this.pool = jobs > 1 ? java.util.concurrent.Executors.newFixedThreadPool(jobs, r -> {
      Thread t = new Thread(r, "madjep-shrink");
      t.setDaemon(true);
      return t;
    }) : null;
  }

  /** Candidate runs so far. */
  long runs() {
    return runs.get();
  }

  boolean fails(Scenario s) {
    return firstFailing(List.of(s)) == 0;
  }

  /** The index of the first scenario of {@code batch} that fails the same way, or -1. */
  int firstFailing(List<Scenario> batch) {
    for (int from = 0; from < batch.size(); from += jobs) {
      List<Scenario> window = batch.subList(from, Math.min(batch.size(), from + jobs));
      boolean[] fails = judge(window);
      for (int i = 0; i < fails.length; i++) {
        if (fails[i]) {
          return from + i;
        }
      }
    }
    return -1;
  }

  private boolean[] judge(List<Scenario> window) {
    boolean[] out = new boolean[window.size()];
    if (pool == null || window.size() == 1) {
      for (int i = 0; i < out.length; i++) {
        out[i] = judge(window.get(i));
      }
      return out;
    }
    List<Future<Boolean>> futures = new ArrayList<>();
    for (Scenario s : window) {
      futures.add(pool.submit(() -> judge(s)));
    }
    for (int i = 0; i < out.length; i++) {
      try {
        out[i] = futures.get(i).get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new OutOfBudget();
      } catch (ExecutionException e) {
        throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
      }
    }
    return out;
  }

  private boolean judge(Scenario s) {
    Boolean known = answers.get(s);
    if (known != null) {
      return known;
    }
    if (System.nanoTime() - deadline > 0) {
      throw new OutOfBudget();
    }
    boolean fails;
    try {
      fails = target.matchedBy(FailureKind.of(run(s)));
    } catch (OutOfBudget e) {
      throw e;
    } catch (RuntimeException rejected) {
      // A candidate the system cannot run (too few nodes for it, say) does not fail the same way.
      fails = false;
    }
    answers.put(s, fails);
    return fails;
  }

  /** Simulates and checks {@code s} (no store). */
  Run run(Scenario s) {
    runs.incrementAndGet();
    return harness.check(harness.simulate(s), "");
  }

  @Override
  public void close() {
    if (pool != null) {
      pool.shutdownNow();
    }
  }
}
