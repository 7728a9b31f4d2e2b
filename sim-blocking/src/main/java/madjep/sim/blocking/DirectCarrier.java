package madjep.sim.blocking;

import java.lang.reflect.Constructor;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.locks.LockSupport;

/**
 * Tasks on virtual threads whose scheduler is this object: when a task's thread is started or unparked, the JDK hands
 * its continuation to {@link #execute}, and {@link #resume} runs it right there, on the simulation's thread, until the
 * task parks again. No other OS thread is involved, so a task switch costs a continuation yield and mount, and only
 * the seed decides the order.
 *
 * <p>The scheduler-taking builder ({@code java.lang.ThreadBuilders$VirtualThreadBuilder(Executor)}) is internal to the
 * JDK (present in 21 through 25); reaching it needs {@code --add-opens java.base/java.lang=ALL-UNNAMED}. Without it,
 * {@link #UNAVAILABLE} says why and the runtime uses {@link HandoffCarrier}.
 *
 * <p>A continuation handed over by any other thread (the JDK's timer thread after a real {@code Thread.sleep}, its
 * monitor unblocker, its I/O poller) is never run: the task already stopped outside the simulator, which {@link
 * TaskScheduler} reported when {@link #resume} returned with the task still running.
 */
@SuppressForbidden("owns the task threads: starts, parks and unparks them")
final class DirectCarrier extends Carrier {
  private static final Constructor<?> BUILDER;
  /** Why the direct carrier cannot run in this JVM, or null. */
  static final String UNAVAILABLE;

  static {
    Constructor<?> c = null;
    String why = null;
    try {
      Class<?> k = Class.forName("java.lang.ThreadBuilders$VirtualThreadBuilder");
      c = k.getDeclaredConstructor(Executor.class);
      c.setAccessible(true);
      // Proves the whole path once: a thread built this way runs on a scheduler of ours.
      Runnable[] handed = new Runnable[1];
      Thread.Builder.OfVirtual b = (Thread.Builder.OfVirtual) c.newInstance((Executor) r -> handed[0] = r);
      boolean[] ran = new boolean[1];
      b.unstarted(() -> ran[0] = true).start();
      if (handed[0] != null) {
        handed[0].run();
      }
      if (!ran[0]) {
        why = "a virtual thread with a custom scheduler did not run on it";
        c = null;
      }
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      why = e.getClass().getSimpleName() + ": " + e.getMessage()
          + " (run the JVM with --add-opens java.base/java.lang=ALL-UNNAMED)";
      c = null;
    }
    BUILDER = c;
    UNAVAILABLE = why;
  }

  private Thread runner;
  private Runnable submitted;

  DirectCarrier() {
    this(new Executor[1]);
  }

  /** The builder's scheduler must exist before this object does: it forwards to {@link #execute} once built. */
  private DirectCarrier(Executor[] self) {
    super(factory(self));
    self[0] = this::execute;
  }

  private static ThreadFactory factory(Executor[] self) {
    try {
      Executor forward = r -> self[0].execute(r);
      return ((Thread.Builder.OfVirtual) BUILDER.newInstance(forward)).factory();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("the virtual-thread builder failed: " + e, e);
    }
  }

  private void execute(Runnable continuation) {
    // A task that yields or is unparked from a task hands its continuation over on the simulation's thread too.
    if (Thread.currentThread() == runner) {
      submitted = continuation;
    }
  }

  @Override
  void resume(SimTask t) {
    runner = Thread.currentThread();
    submitted = null;
    startOrUnpark(t);
    Runnable c = submitted;
    while (c != null) {
      submitted = null;
      c.run();
      // A Thread.yield() inside the task hands the continuation straight back: go on with the same task.
      c = t.state == SimTask.RUNNING ? submitted : null;
    }
  }

  @Override
  void park(SimTask t) {
    while (t.state != SimTask.RUNNING) {
      LockSupport.park(this);
    }
  }

  @Override
  void exit(SimTask t) {}

  @Override
  String mechanism() {
    return "direct (virtual threads scheduled by the simulator)";
  }
}
