package madjep.sim;

import it.unimi.dsi.fastutil.longs.Long2ObjectOpenHashMap;
import java.util.SplittableRandom;

/**
 * What a node may do: send messages, set timers, read its own clock, use its disk and its random stream, log to
 * the trace, and announce events that fault schedules can react to. One context per incarnation: after a crash the
 * old context's sends and timers do nothing.
 */
public final class NodeContext {
  private final Simulation sim;
  private final Endpoint ep;
  private final int incarnation;
  private final Long2ObjectOpenHashMap<Pending> pending = new Long2ObjectOpenHashMap<>();
  /** Request deadlines, earliest first; entries of answered requests are dropped lazily. */
  private final MostlySortedQueue<Pending> deadlines = new MostlySortedQueue<>();
  private long nextRequestId;
  /** One timer sweeps expired requests, armed for the earliest deadline: no timer event per request. */
  private Timer sweeper;
  private long sweeperAt;
  private boolean exiting;
  private IoWait ioWait;

  private static final class Pending implements Comparable<Pending> {
    final long id;
    final long deadline;
    final Rpc.Handler handler;

    Pending(long id, long deadline, Rpc.Handler handler) {
      this.id = id;
      this.deadline = deadline;
      this.handler = handler;
    }

    @Override
    public int compareTo(Pending o) {
      return deadline != o.deadline ? Long.compare(deadline, o.deadline) : Long.compare(id, o.id);
    }
  }

  private static final Object SWEEP = new Object();

  NodeContext(Simulation sim, Endpoint ep) {
    this.sim = sim;
    this.ep = ep;
    this.incarnation = ep.incarnation;
    // Request ids carry the incarnation: a response to a request of an earlier life (delayed, duplicated or held by a
    // clog) never answers a request of this one, as a reply on a dead connection would never reach a new process.
    this.nextRequestId = (long) ep.incarnation << 40;
  }

  /** This node's id: servers are {@code 0..servers()-1}, clients come after. */
  public int id() {
    return ep.id;
  }

  /** The node's name, such as {@code n1} (servers count from 1, as Jepsen's do) or {@code c0}. */
  public String name() {
    return ep.name;
  }

  /** The name of endpoint {@code id}. */
  public String nameOf(int id) {
    return sim.name(id);
  }

  /**
   * The servers nearest this endpoint: those in its region when the cluster spans regions (all servers when its
   * region has none), else every server; in id order.
   */
  public int[] nearbyServers() {
    Regions r = sim.regions();
    int n = sim.servers();
    if (r != null) {
      int[] local = r.servers(r.of(ep.id), n);
      if (local.length > 0) {
        return local;
      }
    }
    int[] all = new int[n];
    for (int i = 0; i < n; i++) {
      all[i] = i;
    }
    return all;
  }

  /** This endpoint's region (an index into {@link Regions#names()}), or -1 when the cluster is in one place. */
  public int region() {
    return regionOf(ep.id);
  }

  /** Endpoint {@code id}'s region, or -1 when the cluster is in one place. */
  public int regionOf(int id) {
    Regions r = sim.regions();
    return r == null ? -1 : r.of(id);
  }

  /** How many servers the cluster has. */
  public int servers() {
    return sim.servers();
  }

  /**
   * The node's wall clock, in nanoseconds: the sim's time plus this node's skew. Inside a handler it includes the
   * time the handler has spent so far (its CPU cost, synchronous I/O, {@link #work}).
   */
  public long now() {
    return ep.clock.read(ep.ioNow());
  }

  /**
   * The node's monotonic clock, in nanoseconds: drifts with the node's oscillator but never jumps. Use it for
   * timeouts; {@link #now()} is the wall clock, which clock faults move.
   */
  public long monotonic() {
    return ep.clock.monotonic(ep.ioNow());
  }

  /** True while this incarnation is the node's current one and it is not crashed, stopped or exiting. */
  public boolean alive() {
    return ep.incarnation == incarnation && ep.status != Endpoint.Status.DOWN && !exiting;
  }

  /** From now on the incarnation does nothing: it is about to die ({@link #crash}, an unhandled disk error). */
  void exiting() {
    exiting = true;
  }

  /**
   * Sends a message; the network decides when, whether and how often it arrives. It leaves when the handler has got
   * this far (after its CPU and I/O time so far): a crash before then means it never left.
   */
  public void send(int to, Object message) {
    if (alive()) {
      long at = ep.ioNow();
      sim.network().send(ep.id, to, at > sim.now() ? new InFlight(message, ep.life, at) : message, at);
    }
  }

  /** Fires {@link Node#timer} with {@code tag} after {@code delay} nanoseconds of this node's clock. */
  public Timer setTimer(long delay, Object tag) {
    Timer t = new Timer(tag, incarnation);
    if (alive()) {
      sim.scheduleTimer(ep.ioNow() + ep.clock.realDelay(delay), ep.id, t);
    }
    return t;
  }

  /** Runs {@code done} at {@code at} as an event of this incarnation (an I/O completion). */
  void schedule(long at, Runnable done) {
    if (alive()) {
      sim.scheduleTimer(Math.max(at, sim.now()), ep.id, new Timer(new Callback(done), incarnation));
    }
  }

  // ---- nodes that run tasks of their own (blocking-style nodes) ----

  /**
   * Where a synchronous disk operation that takes time waits. By default it blocks the handler, and with it the
   * whole node; a node that runs tasks of its own (module {@code sim-blocking}) parks only the task that issued it,
   * so that its other tasks, and the events that reach the node, go on meanwhile.
   */
  @FunctionalInterface
  public interface IoWait {
    /**
     * A synchronous disk operation of this incarnation takes {@code nanos} of the sim's time from the node's current
     * instant: park its caller until then (see {@link #setIoTimer}) and return true, or return false to block the
     * handler. It is called at a point where the file is consistent: before a read or write takes effect, and after
     * an fsync has covered its writes (they become durable when the wait ends; a crash before then finds them
     * pending).
     */
    boolean await(long nanos);
  }

  /** Synchronous disk operations of this incarnation wait through {@code w} (null: they block the handler). */
  public void setIoWait(IoWait w) {
    ioWait = w;
  }

  IoWait ioWait() {
    return ioWait;
  }

  /**
   * Fires {@link Node#timer} with {@code tag} after {@code nanos} of the sim's own time (not of the node's clock,
   * which may drift): the end of an {@link IoWait}.
   */
  public Timer setIoTimer(long nanos, Object tag) {
    Timer t = new Timer(tag, incarnation);
    if (alive()) {
      sim.scheduleTimer(ep.ioNow() + nanos, ep.id, t);
    }
    return t;
  }

  /** A timer tag that runs code of the sim's own (I/O completions) rather than calling {@link Node#timer}. */
  private record Callback(Runnable run) {}

  /** The node's disk: it outlives crashes, as far as it was fsynced. */
  public SimDisk disk() {
    return ep.disk;
  }

  // ---- resources ----

  /**
   * Spends {@code nanos} of CPU time in this handler (times the node's slow factor): the node's clock moves on,
   * what it sends leaves later, and events that arrive meanwhile wait.
   */
  public void work(long nanos) {
    if (nanos > 0 && alive()) {
      ep.cursor = ep.ioNow() + (ep.slowFactor == 1 ? nanos : Math.round(nanos * ep.slowFactor));
    }
  }

  /**
   * Declares the bytes of volatile state this node holds now. Past the node's memory budget (none by default) it is
   * killed, as by an out-of-memory killer, and restarted by its supervisor a little later.
   */
  public void memory(long bytes) {
    if (alive()) {
      sim.declareMemory(ep, bytes);
    }
  }

  /**
   * Crashes this node on purpose (a panic, say after a failed fsync, which cannot safely be retried): from now on it
   * sends and sets nothing; when the handler's time is up it dies as in a crash, unsynced writes and all, and
   * its supervisor restarts it a little later. A {@link DiskException} that escapes a handler does the same.
   */
  public void crash(String reason) {
    if (alive()) {
      sim.exit(ep, reason);
    }
  }

  // ---- fault points and assertions ----

  /**
   * A fault point (FoundationDB's BUGGIFY): true now and then in runs that enable fault points, always false
   * otherwise. Use it to take a rare path on purpose: {@code if (ctx.buggify("slow-compaction")) ctx.work(...)}. Which
   * points are active, and when they fire, comes from the seed; results count each point's evaluations and fires.
   */
  public boolean buggify(String name) {
    return sim.faultPoints().evaluate(name, ep.id);
  }

  /** Asserts that {@code condition} holds every time: a false one fails the run, naming this node and the time. */
  public void always(String name, boolean condition) {
    sim.assertions().record(name, Assertions.Kind.ALWAYS, condition, ep.name, incarnation, ep.ioNow(), null);
  }

  /** Notes whether {@code condition} held here: never fails a run; a sweep lists those never true in any seed. */
  public void sometimes(String name, boolean condition) {
    sim.assertions().record(name, Assertions.Kind.SOMETIMES, condition, ep.name, incarnation, ep.ioNow(), null);
  }

  /** Notes that this point was reached: never fails a run; a sweep lists those reached in no seed. */
  public void reachable(String name) {
    sim.assertions().record(name, Assertions.Kind.REACHABLE, true, ep.name, incarnation, ep.ioNow(), null);
  }

  /** Asserts that this point is never reached: reaching it fails the run. */
  public void unreachable(String name) {
    sim.assertions().record(name, Assertions.Kind.UNREACHABLE, false, ep.name, incarnation, ep.ioNow(), null);
  }

  /** The node's own random stream (kept across restarts). */
  public SplittableRandom random() {
    return ep.rng;
  }

  /** Writes a line to the trace. */
  public void log(String what) {
    Trace t = sim.trace();
    if (t.enabled()) {
      t.line(sim.now(), ep.name, what);
    }
  }

  /** Tells fault schedules (and the trace) that something happened here, such as {@code leader}. */
  public void announce(String event, Object value) {
    sim.announce(ep.id, event, value);
  }

  /** Sends {@code body} as a request; {@code handler} gets the response, or a timeout after {@code timeout} ns. */
  public void request(int to, Object body, long timeout, Rpc.Handler handler) {
    if (!alive()) {
      return;
    }
    long id = nextRequestId++;
    Pending p = new Pending(id, ep.ioNow() + ep.clock.realDelay(timeout), handler);
    pending.put(id, p);
    deadlines.add(p);
    if (sweeper == null || p.deadline < sweeperAt) {
      armSweeper(p.deadline);
    }
    send(to, new Rpc.Request(id, body));
  }

  private void armSweeper(long at) {
    if (sweeper != null) {
      sweeper.cancel();
    }
    sweeper = new Timer(SWEEP, incarnation);
    sweeperAt = at;
    sim.scheduleTimer(at, ep.id, sweeper);
  }

  /** Times out every request whose deadline has passed, then re-arms for the earliest one left. */
  private void sweep() {
    sweeper = null;
    long now = ep.ioNow();
    while (!deadlines.isEmpty()) {
      Pending p = deadlines.peek();
      if (pending.get(p.id) != p) {
        deadlines.poll();
      } else if (p.deadline <= now) {
        deadlines.poll();
        pending.remove(p.id);
        p.handler.timeout();
      } else {
        break;
      }
    }
    if (!deadlines.isEmpty() && sweeper == null && alive()) {
      armSweeper(deadlines.peek().deadline);
    }
  }

  /** Answers {@code request}, which came from {@code to}. */
  public void reply(int to, Rpc.Request request, Object body) {
    send(to, new Rpc.Response(request.id(), body));
  }

  /** Requests still waiting for their response. */
  public int pendingRequests() {
    return pending.size();
  }

  void deliver(int from, Object message) {
    if (message instanceof Rpc.Response r) {
      Pending p = pending.remove(r.id());
      if (p != null) {
        p.handler.response(r.body());
      }
      return;
    }
    ep.node.receive(this, from, message);
  }

  void fire(Timer t) {
    if (t.tag == SWEEP) {
      sweep();
      return;
    }
    if (t.tag instanceof Callback c) {
      c.run().run();
      return;
    }
    ep.node.timer(this, t.tag);
  }
}
