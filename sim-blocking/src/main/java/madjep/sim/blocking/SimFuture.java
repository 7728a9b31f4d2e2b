package madjep.sim.blocking;

import java.util.ArrayList;
import java.util.concurrent.CompletionException;

/**
 * A value that one task (or a reply) provides and other tasks of the same node wait for. Made by {@link
 * BlockingContext#newFuture()} or {@link BlockingContext#callAsync}.
 */
public final class SimFuture<T> {
  private final TaskScheduler scheduler;
  private boolean done;
  private T value;
  private Throwable failure;
  private ArrayList<Wait> waiters;
  /** A call's timeout: the peer, the request and the limit, or -1. */
  private int timedOutTo = -1;
  private Object timedOutRequest;
  private long timedOutAfter;

  SimFuture(TaskScheduler scheduler) {
    this.scheduler = scheduler;
  }

  /** Sets the value and wakes the waiters; false (and no change) when already done. */
  public boolean complete(T v) {
    return settleFromTask("complete", v, null);
  }

  /** Fails the future: waiters' {@link #get()} throws {@code e} (wrapped unless unchecked). */
  public boolean fail(Throwable e) {
    return settleFromTask("fail", null, e);
  }

  private boolean settleFromTask(String what, T v, Throwable e) {
    SimTask me = scheduler.current(what);
    if (!settle(v, e)) {
      return false;
    }
    scheduler.schedulingPoint(me);
    return true;
  }

  /** A reply arrived: settle and let the woken tasks run. Called from the event loop. */
  @SuppressWarnings("unchecked")
  void completeFromEvent(Object v, Throwable e) {
    if (settle((T) v, e)) {
      scheduler.drain();
    }
  }

  /**
   * No reply to a call came in time. The exception is made only when a task asks for the value, on that task's
   * thread (so its stack trace is the caller's, and a timeout nobody reads costs nothing).
   */
  void timeOutFromEvent(int to, Object request, long timeout) {
    timedOutTo = to;
    timedOutRequest = request;
    timedOutAfter = timeout;
    completeFromEvent(null, null);
  }

  private boolean settle(T v, Throwable e) {
    if (done) {
      return false;
    }
    done = true;
    value = v;
    failure = e;
    if (waiters != null) {
      for (Wait w : waiters) {
        w.complete();
      }
      waiters = null;
    }
    return true;
  }

  public boolean isDone() {
    return done;
  }

  /** Parks the calling task until the future is done; returns its value or throws its failure. */
  public T get() {
    SimTask me = scheduler.current("get");
    if (!done) {
      scheduler.await(waitFor(me), -1);
    }
    return result();
  }

  /** Like {@link #get()}, but throws {@link SimTimeoutException} after {@code timeout} ns of the node's clock. */
  public T get(long timeout) {
    SimTask me = scheduler.current("get");
    if (!done && !scheduler.await(waitFor(me), timeout)) {
      throw new SimTimeoutException("no value within " + timeout + " ns");
    }
    return result();
  }

  /** The value if done (throwing its failure), else {@code otherwise}; never blocks. */
  public T getNow(T otherwise) {
    return done ? result() : otherwise;
  }

  private Wait waitFor(SimTask me) {
    Wait w = new Wait(me);
    if (waiters == null) {
      waiters = new ArrayList<>(2);
    }
    waiters.add(w);
    return w;
  }

  private T result() {
    if (timedOutTo >= 0) {
      throw new SimTimeoutException("no reply from " + scheduler.nameOf(timedOutTo) + " to a "
          + timedOutRequest.getClass().getSimpleName() + " within " + timedOutAfter + " ns");
    }
    if (failure == null) {
      return value;
    }
    if (failure instanceof RuntimeException r) {
      throw r;
    }
    if (failure instanceof Error err) {
      throw err;
    }
    throw new CompletionException(failure);
  }
}
