package madjep.sim.blocking;

import java.util.concurrent.locks.LockSupport;

/**
 * Tasks on plain virtual threads (the JDK's own scheduler, no internal API): the simulation's thread unparks one
 * task and waits until it parks through the simulator or ends, so exactly one runs at a time and the seed alone
 * picks which. Each switch crosses OS threads, which makes it roughly ten times slower than {@link DirectCarrier};
 * runs give the same bytes.
 *
 * <p>A task that stops somewhere else (a real sleep, a socket, a monitor or lock the simulator does not own) never
 * hands control back; the waiting thread looks at the task's thread state every {@link #CHECK_NS} and gives up once
 * it has seen it waiting or blocked twice in a row, and the scheduler reports it.
 */
@SuppressForbidden("owns the task threads: starts, parks and unparks them")
final class HandoffCarrier extends Carrier {
  static final long CHECK_NS = 20_000_000L;

  private volatile Thread runner;

  HandoffCarrier() {
    super(Thread.ofVirtual().factory());
  }

  @Override
  void resume(SimTask t) {
    runner = Thread.currentThread();
    startOrUnpark(t);
    int stuck = 0;
    while (t.state == SimTask.RUNNING) {
      LockSupport.parkNanos(this, CHECK_NS);
      if (t.state != SimTask.RUNNING) {
        break;
      }
      Thread.State s = t.thread.getState();
      if (s == Thread.State.WAITING || s == Thread.State.TIMED_WAITING || s == Thread.State.BLOCKED) {
        if (++stuck >= 2) {
          return;
        }
      } else {
        stuck = 0;
      }
    }
  }

  @Override
  void park(SimTask t) {
    LockSupport.unpark(runner);
    while (t.state != SimTask.RUNNING) {
      LockSupport.park(this);
    }
  }

  @Override
  void exit(SimTask t) {
    LockSupport.unpark(runner);
  }

  @Override
  String mechanism() {
    return "hand-off (plain virtual threads, one at a time)";
  }
}
