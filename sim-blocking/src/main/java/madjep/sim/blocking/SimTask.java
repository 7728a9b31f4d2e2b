package madjep.sim.blocking;

import java.util.ArrayList;

/**
 * A task of a blocking-style node: sequential code on a virtual thread of its own that runs only when the node's
 * scheduler resumes it, one task at a time, in an order drawn from the seed. {@link BlockingContext#spawn} returns
 * one; {@link #join()} waits for it to end.
 */
public final class SimTask {
  /** A task's code. It may block through its {@link BlockingContext} and throw: an exception fails the run. */
  @FunctionalInterface
  public interface Body {
    void run() throws Exception;
  }

  static final int NEW = 0;
  static final int RUNNABLE = 1;
  static final int RUNNING = 2;
  static final int PARKED = 3;
  static final int DONE = 4;

  final TaskScheduler scheduler;
  /** The code to run; a worker (see {@link TaskScheduler}) gets a new one for each request it serves. */
  Body body;
  /** What the task is, for reports: a name, or a kind with a number and a peer, joined only when printed. */
  private String kind;
  private long number;
  private int peer;
  /** Serves request after request (or message after message) instead of ending after one. */
  final boolean worker;
  /** Written by the scheduler's thread and the task's thread in turn; volatile for the hand-off carrier. */
  volatile int state = NEW;
  /** Set by the carrier on start and by the task's own first step (the hand-off's thread may run first). */
  volatile Thread thread;
  /** The direct carrier's continuation of this task's thread (the same runnable every time). */
  Runnable continuation;
  Throwable failure;
  /** Tasks waiting in {@link #join()}. */
  private ArrayList<Wait> joiners;

  SimTask(TaskScheduler scheduler, String kind, long number, int peer, Body body, boolean worker) {
    this.scheduler = scheduler;
    this.worker = worker;
    assign(kind, number, peer, body);
  }

  /** Gives the task what to do next (a worker's next request) and the name that goes with it. */
  void assign(String k, long n, int from, Body b) {
    kind = k;
    number = n;
    peer = from;
    body = b;
  }

  /** The task's name: what spawned it named it, or {@code serve#7 from c2} for a request's task. */
  public String name() {
    if (number < 0) {
      return kind;
    }
    return kind + "#" + number + (peer >= 0 ? " from " + scheduler.nameOf(peer) : "");
  }

  /** True once the task's code has returned. */
  public boolean isDone() {
    return state == DONE;
  }

  /** Parks the calling task until this one has ended. */
  public void join() {
    TaskScheduler s = scheduler;
    SimTask me = s.current("join");
    if (me == this) {
      throw new IllegalStateException("task " + name() + " cannot join itself");
    }
    if (state == DONE) {
      s.schedulingPoint(me);
      return;
    }
    Wait w = new Wait(me);
    if (joiners == null) {
      joiners = new ArrayList<>(2);
    }
    joiners.add(w);
    s.await(w, -1);
  }

  /** Called by the scheduler when the task's code has returned. */
  void ended() {
    if (joiners != null) {
      for (Wait w : joiners) {
        w.complete();
      }
      joiners = null;
    }
  }

  @Override
  public String toString() {
    return "task " + name() + " of " + scheduler.nodeName();
  }
}
