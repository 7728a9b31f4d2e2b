package madjep.sim.blocking;

import java.util.ArrayDeque;

/**
 * A condition of a {@link SimLock}, as {@code java.util.concurrent.locks.Condition}: {@link #await()} releases the
 * lock, parks the task until signalled, and takes the lock back. Waiters are signalled in FIFO order; as with any
 * condition, re-check the predicate in a loop.
 */
public final class SimCondition {
  private final SimLock lock;
  private final ArrayDeque<Wait> waiters = new ArrayDeque<>();

  SimCondition(SimLock lock) {
    this.lock = lock;
  }

  /** Releases the lock, parks until signalled, re-takes the lock. */
  public void await() {
    await(-1);
  }

  /**
   * Like {@link #await()} for at most {@code timeout} ns of the node's clock (negative: no limit); false when the
   * time ran out first. The lock is held again either way.
   */
  public boolean await(long timeout) {
    SimTask me = lock.scheduler.current("await");
    int holds = lock.releaseAll(me);
    Wait w = new Wait(me);
    waiters.add(w);
    boolean signalled = lock.scheduler.await(w, timeout);
    lock.acquire(me, holds, -1);
    return signalled;
  }

  /** Wakes the longest-waiting task, if any; the caller must hold the lock. */
  public void signal() {
    check("signal");
    Wait w;
    while ((w = waiters.poll()) != null) {
      if (w.complete()) {
        return;
      }
    }
  }

  /** Wakes every waiting task; the caller must hold the lock. */
  public void signalAll() {
    check("signalAll");
    Wait w;
    while ((w = waiters.poll()) != null) {
      w.complete();
    }
  }

  private void check(String what) {
    if (!lock.isHeldByCurrentTask()) {
      throw new IllegalMonitorStateException(what + " needs the condition's lock");
    }
  }
}
