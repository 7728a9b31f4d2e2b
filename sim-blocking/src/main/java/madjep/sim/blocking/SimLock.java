package madjep.sim.blocking;

import java.util.ArrayDeque;

/**
 * A reentrant mutual-exclusion lock among the tasks of one node, as {@code java.util.concurrent.locks.ReentrantLock}
 * but parking tasks in the simulator: waiters queue in FIFO order and the lock passes straight to the first of them
 * on release. Releasing is a scheduling point. Made by {@link BlockingContext#newLock()}.
 */
public final class SimLock {
  final TaskScheduler scheduler;
  private SimTask owner;
  private int holds;
  private final ArrayDeque<Wait> waiters = new ArrayDeque<>();

  SimLock(TaskScheduler scheduler) {
    this.scheduler = scheduler;
  }

  /** Parks the calling task until it holds the lock. */
  public void lock() {
    SimTask me = scheduler.current("lock");
    if (owner == me) {
      holds++;
      return;
    }
    acquire(me, 1, -1);
  }

  /** Takes the lock if it is free (or already the caller's); never parks. */
  public boolean tryLock() {
    SimTask me = scheduler.current("tryLock");
    if (owner == me) {
      holds++;
      return true;
    }
    if (owner != null) {
      return false;
    }
    owner = me;
    holds = 1;
    return true;
  }

  /** Like {@link #lock()}, but gives up after {@code timeout} ns of the node's clock; false then. */
  public boolean tryLock(long timeout) {
    SimTask me = scheduler.current("tryLock");
    if (owner == me) {
      holds++;
      return true;
    }
    return acquire(me, 1, timeout);
  }

  /** Releases one hold; the last one hands the lock to the first waiter. */
  public void unlock() {
    SimTask me = scheduler.current("unlock");
    if (owner != me) {
      throw new IllegalMonitorStateException("task " + me.name() + " does not hold this lock");
    }
    if (--holds == 0) {
      handOff();
      scheduler.schedulingPoint(me);
    }
  }

  /** True when the calling task holds the lock. */
  public boolean isHeldByCurrentTask() {
    return owner != null && owner == scheduler.current("isHeldByCurrentTask");
  }

  /** A condition of this lock, as {@code Lock.newCondition()}. */
  public SimCondition newCondition() {
    return new SimCondition(this);
  }

  boolean acquire(SimTask me, int count, long timeout) {
    if (owner == null) {
      // Taking a free lock is no scheduling point: the release before it was one, so every interleaving of
      // critical sections is still reachable, at half the switches.
      owner = me;
      holds = count;
      return true;
    }
    Wait w = new Wait(me);
    waiters.add(w);
    if (!scheduler.await(w, timeout)) {
      return false;
    }
    // handOff made this task the owner before waking it.
    holds = count;
    return true;
  }

  /** Gives up every hold of {@code me} (a condition wait), returning how many there were. */
  int releaseAll(SimTask me) {
    if (owner != me) {
      throw new IllegalMonitorStateException("task " + me.name() + " does not hold the condition's lock");
    }
    int h = holds;
    holds = 0;
    handOff();
    return h;
  }

  private void handOff() {
    owner = null;
    Wait w;
    while ((w = waiters.poll()) != null) {
      if (!w.done) {
        owner = w.task;
        w.complete();
        return;
      }
    }
  }
}
