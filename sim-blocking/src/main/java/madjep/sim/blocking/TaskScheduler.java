package madjep.sim.blocking;

import java.util.ArrayList;
import java.util.SplittableRandom;
import madjep.sim.DiskException;
import madjep.sim.NodeContext;

/**
 * One incarnation's tasks: which are runnable, which runs, and the loop that runs them. Every event that reaches
 * the node (its boot, a message, a reply, a timer) makes some tasks runnable and then {@link #drain()}s: runs them,
 * one at a time, until none is runnable, all at the same instant of virtual time. The next task is drawn from the
 * node's scheduling stream ({@link Interleaving#RANDOM}) or taken in order ({@link Interleaving#RUN_TO_BLOCK}).
 *
 * <p>A crash needs nothing here: the sim drops the node's incarnation, its timers and replies never arrive, so its
 * parked tasks never run again, and its carrier's threads are freed with it.
 */
final class TaskScheduler {
  /** Task switches at one instant past which a node is taken to be spinning (a busy-wait on yieldNow). */
  static final long LIVELOCK_SWITCHES = 5_000_000L;

  final NodeContext ctx;
  private final Interleaving interleaving;
  private final SplittableRandom rng;
  private final Carrier carrier;
  private final ArrayList<SimTask> runnable = new ArrayList<>();
  /**
   * Workers that have served a request or message and wait for the next: a new request goes to one of them, which
   * spares a thread's start and end per request (a thread pool, as a server would have).
   */
  private final ArrayList<SimTask> idle = new ArrayList<>();
  private SimTask current;
  /** The index in {@link #runnable} a task drew at a scheduling point before handing over, or -1. */
  private int preselected = -1;
  private boolean draining;
  /** A failure found on a task's thread, thrown by the drain loop (so that no user code can swallow it). */
  private RuntimeException fatal;
  private boolean dead;
  private long pointsThisDrain;
  private long switches;
  private long spawned;
  private long requests;
  private long messages;

  TaskScheduler(NodeContext ctx, Interleaving interleaving, SplittableRandom rng, Carrier carrier) {
    this.ctx = ctx;
    this.interleaving = interleaving;
    this.rng = rng;
    this.carrier = carrier;
  }

  String nodeName() {
    return ctx.name();
  }

  String nameOf(int id) {
    return ctx.nameOf(id);
  }

  /** Tasks resumed so far (a task switch each). */
  long switches() {
    return switches;
  }

  String mechanism() {
    return carrier.mechanism();
  }

  // ---- tasks ----

  SimTask spawn(String name, SimTask.Body body) {
    return add(new SimTask(this, name, -1, -1, body, false));
  }

  SimTask spawnRequest(int from, SimTask.Body body) {
    return serve("serve", ++requests, from, body);
  }

  SimTask spawnMessage(int from, SimTask.Body body) {
    return serve("receive", ++messages, from, body);
  }

  private SimTask serve(String kind, long number, int from, SimTask.Body body) {
    if (idle.isEmpty()) {
      return add(new SimTask(this, kind, number, from, body, true));
    }
    SimTask w = idle.remove(idle.size() - 1);
    w.assign(kind, number, from, body);
    w.state = SimTask.RUNNABLE;
    runnable.add(w);
    return w;
  }

  private SimTask add(SimTask t) {
    spawned++;
    t.state = SimTask.RUNNABLE;
    runnable.add(t);
    return t;
  }

  /** The task calling {@code what}, which must be one of this node's tasks. */
  SimTask current(String what) {
    SimTask c = current;
    if (c == null || c.thread != Thread.currentThread()) {
      throw new IllegalStateException(what + " blocks, so it must be called from a task of node " + nodeName()
          + (c == null ? " (no task of it is running)" : " (it was called from another thread)"));
    }
    return c;
  }

  /** Makes a parked task runnable (a waker ended its wait). */
  void makeRunnable(SimTask t) {
    if (t.state == SimTask.PARKED) {
      t.state = SimTask.RUNNABLE;
      runnable.add(t);
    }
  }

  /**
   * Parks {@code w}'s task (the caller) until {@code w} ends, or {@code timeout} nanoseconds of the node's clock
   * pass (negative: no timeout). Returns false on a timeout.
   */
  boolean await(Wait w, long timeout) {
    SimTask me = w.task;
    if (!w.done) {
      if (timeout >= 0) {
        w.timer = ctx.setTimer(timeout, w);
      }
      me.state = SimTask.PARKED;
      carrier.park(me);
    }
    return !w.timedOut;
  }

  /**
   * A synchronous disk operation of the running task takes {@code nanos} of the sim's time: parks the task alone
   * until then, while the node's other tasks and events go on. False when no task of this node is running on this
   * thread: the operation then blocks the whole node, as it does in an event-style handler.
   */
  boolean awaitIo(long nanos) {
    SimTask me = current;
    if (me == null || me.thread != Thread.currentThread() || dead) {
      return false;
    }
    Wait w = new Wait(me);
    w.timer = ctx.setIoTimer(nanos, w);
    me.state = SimTask.PARKED;
    carrier.park(me);
    return true;
  }

  /**
   * A point where another task may run: under {@link Interleaving#RANDOM} the caller draws among the runnable tasks
   * and itself, and hands over when it did not draw itself.
   */
  void schedulingPoint(SimTask me) {
    if (++pointsThisDrain > LIVELOCK_SWITCHES) {
      fail(new LivelockException(this, me, pointsThisDrain));
    }
    int n = runnable.size();
    if (n == 0 || interleaving == Interleaving.RUN_TO_BLOCK) {
      return;
    }
    int j = rng.nextInt(n + 1);
    if (j == n) {
      return;
    }
    preselected = j;
    runnable.add(me);
    // Last: the hand-off carrier's waiting thread may look at the state at any moment and take over the queue once
    // the task is no longer RUNNING (the volatile write publishes the two writes above to it).
    me.state = SimTask.RUNNABLE;
    carrier.park(me);
  }

  /** Called on a task's thread: records a failure for the drain loop to throw and parks the task for good. */
  private void fail(RuntimeException e) {
    SimTask me = current;
    fatal = e;
    me.state = SimTask.PARKED;
    carrier.park(me);
    throw new IllegalStateException("a failed task was resumed", e);
  }

  /** The code every task thread runs. */
  void runBody(SimTask t) {
    t.thread = Thread.currentThread();
    try {
      t.body.run();
      while (t.worker) {
        t.body = null;
        idle.add(t);
        t.state = SimTask.PARKED;
        carrier.park(t);
        t.body.run();
      }
    } catch (Throwable e) {
      t.failure = e;
    }
    t.state = SimTask.DONE;
    carrier.exit(t);
  }

  // ---- the loop ----

  /** Runs runnable tasks until none is; does nothing when already running (an event delivered from a task). */
  void drain() {
    if (draining || dead) {
      return;
    }
    draining = true;
    pointsThisDrain = 0;
    try {
      while (!runnable.isEmpty()) {
        int i = preselected;
        preselected = -1;
        if (i < 0) {
          i = runnable.size() == 1 || interleaving == Interleaving.RUN_TO_BLOCK ? 0 : rng.nextInt(runnable.size());
        }
        SimTask t = runnable.remove(i);
        current = t;
        t.state = SimTask.RUNNING;
        switches++;
        if (++pointsThisDrain > LIVELOCK_SWITCHES) {
          throw die(new LivelockException(this, t, pointsThisDrain));
        }
        carrier.resume(t);
        current = null;
        if (fatal != null) {
          throw die(fatal);
        }
        int s = t.state;
        if (s == SimTask.DONE) {
          t.ended();
          if (t.failure instanceof DiskException d) {
            // As from an event-style handler: the process dies of an unhandled disk error and is restarted.
            throw die(d);
          }
          if (t.failure != null) {
            throw die(new TaskFailedException(t, t.failure));
          }
        } else if (s == SimTask.RUNNING) {
          throw die(BlockedOutsideSimulationException.of(t));
        }
      }
    } finally {
      draining = false;
    }
  }

  private RuntimeException die(RuntimeException e) {
    dead = true;
    current = null;
    ctx.log(e.getMessage());
    return e;
  }
}
