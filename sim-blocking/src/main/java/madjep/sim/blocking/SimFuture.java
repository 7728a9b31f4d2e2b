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

  SimFuture(TaskScheduler scheduler) {
    this.scheduler = scheduler;
  }

  /** Sets the value and wakes the waiters; false (and no change) when already done. */
  public boolean complete(T v) {
    SimTask me = scheduler.current("complete");
    if (!settle(v, null)) {
      return false;
    }
    scheduler.schedulingPoint(me);
    return true;
  }

  /** Fails the future: waiters' {@link #get()} throws {@code e} (wrapped unless unchecked). */
  public boolean fail(Throwable e) {
    SimTask me = scheduler.current("fail");
    if (!settle(null, e)) {
      return false;
    }
    scheduler.schedulingPoint(me);
    return true;
  }

  /** A reply (or its absence) arrived: settle and let the woken tasks run. Called from the event loop. */
  @SuppressWarnings("unchecked")
  void completeFromEvent(Object v, Throwable e) {
    if (settle((T) v, e)) {
      scheduler.drain();
    }
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
