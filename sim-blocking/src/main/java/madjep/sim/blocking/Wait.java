package madjep.sim.blocking;

import madjep.sim.Timer;

/**
 * One wait of one task: on a lock, a condition, a future, a queue, a reply or the clock. Whoever ends it first
 * (a waker or the timeout) makes the task runnable; later attempts do nothing, so waiters lists can drop ended
 * waits lazily.
 */
final class Wait {
  final SimTask task;
  boolean done;
  boolean timedOut;
  Timer timer;

  Wait(SimTask task) {
    this.task = task;
  }

  /** Ends the wait, making its task runnable; false when it had already ended. */
  boolean complete() {
    if (done) {
      return false;
    }
    done = true;
    if (timer != null) {
      timer.cancel();
      timer = null;
    }
    task.scheduler.makeRunnable(task);
    return true;
  }

  /** The wait's timer fired. */
  void timeout() {
    timer = null;
    if (!done) {
      timedOut = true;
      done = true;
      task.scheduler.makeRunnable(task);
    }
  }
}
