package madjep.sim.blocking;

import java.util.SplittableRandom;
import madjep.sim.NodeContext;
import madjep.sim.Rpc;
import madjep.sim.SimDisk;
import madjep.sim.SimFile;

/**
 * What a blocking-style node may do, from any of its tasks: call peers and wait for replies, send messages, sleep
 * on its own clock, spawn tasks, make simulated locks, futures and queues, read its clocks, use its disk and random
 * stream, log, and announce events to fault schedules. The blocking methods park only the calling task; the node's
 * other tasks run meanwhile, in an order drawn from the seed. One context per incarnation: after a crash its tasks
 * never run again.
 */
public final class BlockingContext {
  private final NodeContext ctx;
  private final TaskScheduler scheduler;

  BlockingContext(NodeContext ctx, TaskScheduler scheduler) {
    this.ctx = ctx;
    this.scheduler = scheduler;
  }

  // ---- who and when ----

  /** This node's id: servers are {@code 0..servers()-1}. */
  public int id() {
    return ctx.id();
  }

  /** The node's name, such as {@code n1}. */
  public String name() {
    return ctx.name();
  }

  /** The name of endpoint {@code id} (servers n1.., clients c0..). */
  public String nameOf(int id) {
    return ctx.nameOf(id);
  }

  /** How many servers the cluster has. */
  public int servers() {
    return ctx.servers();
  }

  /** The node's wall clock in nanoseconds (clock faults move it). Time stands still while tasks run. */
  public long now() {
    return ctx.now();
  }

  /** The node's monotonic clock in nanoseconds: drifts, never jumps. Use it for timeouts. */
  public long monotonic() {
    return ctx.monotonic();
  }

  /** The node's own random stream, kept across restarts (the scheduler draws from a stream of its own). */
  public SplittableRandom random() {
    return ctx.random();
  }

  /**
   * The node's disk: it outlives crashes as far as it was fsynced, with the storage fault model of the event API
   * (failed fsyncs, a full disk, latent sector errors, bit flips, misdirected writes, corruption at rest, slow I/O).
   * A synchronous read, write or fsync that takes time parks only the calling task for it, as a blocking system
   * call parks one thread: the node's other tasks and the events that reach it go on meanwhile. A read or write
   * takes effect when it completes; an fsync's writes are durable from its completion on (a crash before then finds
   * them pending). A {@link madjep.sim.DiskException} that escapes a task kills the node, which its supervisor
   * restarts, as one escaping an event-style handler does; catch it to survive the error.
   */
  public SimDisk disk() {
    return ctx.disk();
  }

  /** Writes a line to the trace. */
  public void log(String what) {
    ctx.log(what);
  }

  /** Tells fault schedules (and the trace) that something happened here, such as {@code leader}. */
  public void announce(String event, Object value) {
    ctx.announce(event, value);
  }

  /**
   * Starts an fsync of {@code file} and returns at once with a future of its completion, which fails with the
   * {@link madjep.sim.DiskException} of a failed fsync: the task can go on writing and wait for durability later
   * (a group commit). The writes it covers are durable from its completion on; a crash first finds them pending.
   */
  public SimFuture<Void> fsyncAsync(SimFile file) {
    scheduler.current("fsyncAsync");
    SimFuture<Void> done = new SimFuture<>(scheduler);
    file.fsync(error -> done.completeFromEvent(null, error));
    return done;
  }

  // ---- resources, fault points and assertions (as in the event API's NodeContext) ----

  /**
   * Spends {@code nanos} of CPU time (times the node's slow factor). The node has one core: every task of it, and
   * every event that reaches it, waits meanwhile, and what the caller sends leaves later.
   */
  public void work(long nanos) {
    ctx.work(nanos);
  }

  /** Declares the bytes of volatile state this node holds now; past its memory budget it is killed and restarted. */
  public void memory(long bytes) {
    ctx.memory(bytes);
  }

  /**
   * Crashes this node on purpose (a panic, say after a failed fsync): from now on nothing it sends leaves and no
   * timer of it fires; it dies as in a crash, unsynced writes and all, and its supervisor restarts it later.
   */
  public void crash(String reason) {
    ctx.crash(reason);
  }

  /**
   * A fault point (FoundationDB's BUGGIFY): true now and then in runs that enable fault points, always false
   * otherwise. Which points are active and when they fire comes from the seed, drawn when a task reaches the point.
   */
  public boolean buggify(String name) {
    return ctx.buggify(name);
  }

  /** Asserts that {@code condition} holds every time: a false one fails the run, naming this node and the time. */
  public void always(String name, boolean condition) {
    ctx.always(name, condition);
  }

  /** Notes whether {@code condition} held here: never fails a run; a sweep lists those never true in any seed. */
  public void sometimes(String name, boolean condition) {
    ctx.sometimes(name, condition);
  }

  /** Notes that this point was reached: never fails a run; a sweep lists those reached in no seed. */
  public void reachable(String name) {
    ctx.reachable(name);
  }

  /** Asserts that this point is never reached: reaching it fails the run. */
  public void unreachable(String name) {
    ctx.unreachable(name);
  }

  /** The task that is running (the caller). */
  public SimTask currentTask() {
    return scheduler.current("currentTask");
  }

  // ---- messages ----

  /** Sends a one-way message; the network decides when, whether and how often it arrives. */
  public void send(int to, Object message) {
    ctx.send(to, message);
  }

  /**
   * Sends {@code request} to {@code to} and parks the calling task until the reply arrives (returned) or {@code
   * timeout} nanoseconds of this node's clock pass ({@link SimTimeoutException}). The peer's {@link
   * BlockingNode#serve} or event-style {@code receive} answers it.
   */
  public Object call(int to, Object request, long timeout) {
    return callAsync(to, request, timeout).get();
  }

  /**
   * Sends {@code request} and returns at once with a future of the reply, which fails with {@link
   * SimTimeoutException} if none arrives within {@code timeout}: several calls can then be waited on together.
   */
  public SimFuture<Object> callAsync(int to, Object request, long timeout) {
    scheduler.current("callAsync");
    SimFuture<Object> reply = new SimFuture<>(scheduler);
    ctx.request(to, request, timeout, new Rpc.Handler() {
      @Override
      public void response(Object body) {
        reply.completeFromEvent(body, null);
      }

      @Override
      public void timeout() {
        reply.timeOutFromEvent(to, request, timeout);
      }
    });
    return reply;
  }

  // ---- time and tasks ----

  /** Parks the calling task for {@code nanos} of this node's clock; {@code sleep(0)} is {@link #yieldNow()}. */
  public void sleep(long nanos) {
    SimTask me = scheduler.current("sleep");
    if (nanos <= 0) {
      scheduler.schedulingPoint(me);
      return;
    }
    scheduler.await(new Wait(me), nanos);
  }

  /** Lets another runnable task of this node run here, if the scheduler draws one. Time does not pass. */
  public void yieldNow() {
    scheduler.schedulingPoint(scheduler.current("yieldNow"));
  }

  /** Starts a task of this node named {@code name}; it runs when the scheduler picks it (maybe at once). */
  public SimTask spawn(String name, SimTask.Body body) {
    SimTask me = scheduler.current("spawn");
    SimTask t = scheduler.spawn(name, body);
    scheduler.schedulingPoint(me);
    return t;
  }

  // ---- simulated concurrency ----

  /** A reentrant lock of this node whose waiters park as tasks; FIFO among waiters. */
  public SimLock newLock() {
    return new SimLock(scheduler);
  }

  /** A future of this node that tasks can wait on. */
  public <T> SimFuture<T> newFuture() {
    return new SimFuture<>(scheduler);
  }

  /** A FIFO queue of this node holding at most {@code capacity} items (put parks when full, take when empty). */
  public <T> SimQueue<T> newQueue(int capacity) {
    return new SimQueue<>(scheduler, capacity);
  }

  /** An unbounded FIFO queue of this node. */
  public <T> SimQueue<T> newQueue() {
    return new SimQueue<>(scheduler, Integer.MAX_VALUE);
  }

  /** Which mechanism runs this node's tasks: direct (the fast one) or hand-off. */
  public String mechanism() {
    return scheduler.mechanism();
  }
}
