package madjep.harness;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import madjep.history.History;
import madjep.linear.LinearizabilityChecker;
import madjep.sim.HistoryRecorder;
import madjep.sim.scenario.Scenario;
import madjep.sim.scenario.SimResult;
import madjep.sim.workload.CheckSpec;

/**
 * A linear check's history split into partitions while the simulation records it, on a thread of its own (the core
 * the simulation leaves idle), so that the check after the run starts searching at once: on the simulated hour of
 * {@code examples/raft-kv-hour.toml} splitting took about half of the check, all of it after the simulation
 * (benchmarks/RESULTS.md). The verdict is the same either way ({@link LinearizabilityChecker#follow}); only the
 * standard checker's linear checks read ahead.
 */
final class FollowedCheck implements HistoryRecorder.Follower, AutoCloseable {
  private final Checkers.Linear check;
  private final LinearizabilityChecker.Follower follower;
  private final AtomicReference<History> next = new AtomicReference<>();
  private volatile boolean stopped;
  private final Thread thread;

  private FollowedCheck(Checkers.Linear check) {
    this.check = check;
    this.follower = LinearizabilityChecker.follow(check.m(), check.options());
    thread = new Thread(this::follow, "madjep-check-ahead");
    thread.setDaemon(true);
    thread.start();
  }

  /** A reader ahead for the run of {@code s}, or null when its checker does not read ahead. */
  static FollowedCheck of(Checker checker, Scenario s, Duration timeout) {
    if (checker != Checkers.STANDARD) {
      return null;
    }
    CheckSpec spec = madjep.sim.scenario.Workloads.of(s).check();
    return "linear".equals(spec.checker()) ? new FollowedCheck(Checkers.Linear.of(spec, timeout)) : null;
  }

  @Override
  public void soFar(History prefix) {
    next.set(prefix);
    LockSupport.unpark(thread);
  }

  /**
   * Stops reading (the ops not read yet are read by the check) and checks the run's history, or answers null when
   * the run's check is not the one read ahead for.
   */
  CheckResult check(SimResult r) {
    close();
    if (!check.spec().equals(r.check())) {
      return null;
    }
    return Checkers.linear(r.history(), check, follower);
  }

  /** Stops the thread and waits for it. */
  @Override
  public void close() {
    stopped = true;
    LockSupport.unpark(thread);
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

  private void follow() {
    while (!stopped) {
      History h = next.getAndSet(null);
      if (h == null) {
        // Each hand-over and the stop unpark this thread after setting what it reads: nothing is missed.
        LockSupport.park(this);
        continue;
      }
      follower.soFar(h);
    }
  }
}
