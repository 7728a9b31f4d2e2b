package madjep.sim.blocking;

/**
 * Runs tasks' code on their threads one at a time, handing control back and forth with the thread that runs the
 * simulation. {@link #resume} returns when the task has parked through {@link #park}, ended, or stopped somewhere the
 * simulator does not own (then its state is still {@link SimTask#RUNNING}, and the scheduler reports it).
 */
@SuppressForbidden("owns the task threads: starts and unparks them")
abstract class Carrier {
  /**
   * The executor that owns the task threads, one per incarnation. A thread-per-task executor keeps its threads in a
   * container of its own: when a crashed node's incarnation is dropped, its parked threads go with it (threads
   * started directly stay in the JDK's root container for good).
   */
  private final java.util.concurrent.ExecutorService threads;
  private Thread created;

  Carrier(java.util.concurrent.ThreadFactory factory) {
    threads = java.util.concurrent.Executors.newThreadPerTaskExecutor(r -> created = factory.newThread(r));
  }

  /** Starts {@code t}'s thread the first time, else unparks it. */
  final void startOrUnpark(SimTask t) {
    if (t.thread == null) {
      threads.execute(() -> t.scheduler.runBody(t));
      t.thread = created;
      created = null;
    } else {
      java.util.concurrent.locks.LockSupport.unpark(t.thread);
    }
  }

  /** Starts or continues {@code t}; returns once it has given control back. Called by the simulation's thread. */
  abstract void resume(SimTask t);

  /**
   * Called on {@code t}'s own thread after its state was set to parked or runnable: gives control back and returns
   * once the scheduler resumes {@code t}.
   */
  abstract void park(SimTask t);

  /** Called on {@code t}'s own thread as its code ends, after its state was set to done. */
  abstract void exit(SimTask t);

  /** Which mechanism runs the tasks, for reports. */
  abstract String mechanism();

  /** The mechanisms: the JDK's virtual threads with the simulator as their scheduler, or plain ones handed off. */
  enum Kind {
    /** The fastest: tasks' continuations run on the simulation's own thread, in the order the seed picks. */
    DIRECT,
    /** Plain virtual threads (no internal API): each runs while the simulation's thread waits for it to park. */
    HANDOFF;

    /**
     * DIRECT when this JVM lets the runtime reach the JDK's scheduler-taking virtual-thread builder (it needs
     * {@code --add-opens java.base/java.lang=ALL-UNNAMED}), else HANDOFF. {@code -Dmadjep.blocking.carrier=handoff}
     * forces the hand-off.
     */
    static Kind best() {
      if ("handoff".equals(System.getProperty("madjep.blocking.carrier"))) {
        return HANDOFF;
      }
      return DirectCarrier.UNAVAILABLE == null ? DIRECT : HANDOFF;
    }
  }

  static Carrier create(Kind kind) {
    if (kind == Kind.DIRECT) {
      if (DirectCarrier.UNAVAILABLE != null) {
        throw new IllegalStateException("the direct carrier is unavailable: " + DirectCarrier.UNAVAILABLE);
      }
      return new DirectCarrier();
    }
    return new HandoffCarrier();
  }
}
