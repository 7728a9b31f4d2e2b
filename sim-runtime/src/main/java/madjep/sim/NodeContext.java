package madjep.sim;

import it.unimi.dsi.fastutil.longs.Long2ObjectOpenHashMap;
import java.util.PriorityQueue;
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
  private final PriorityQueue<Pending> deadlines = new PriorityQueue<>();
  private long nextRequestId;
  /** One timer sweeps expired requests, armed for the earliest deadline: no timer event per request. */
  private Timer sweeper;
  private long sweeperAt;

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

  /** How many servers the cluster has. */
  public int servers() {
    return sim.servers();
  }

  /** The node's wall clock, in nanoseconds: the sim's time plus this node's skew. */
  public long now() {
    return ep.clock.read(sim.now());
  }

  /**
   * The node's monotonic clock, in nanoseconds: drifts with the node's oscillator but never jumps. Use it for
   * timeouts; {@link #now()} is the wall clock, which clock faults move.
   */
  public long monotonic() {
    return ep.clock.monotonic(sim.now());
  }

  /** True while this incarnation is the node's current one and it is not crashed or stopped. */
  public boolean alive() {
    return ep.incarnation == incarnation && ep.status != Endpoint.Status.DOWN;
  }

  /** Sends a message; the network decides when, whether and how often it arrives. */
  public void send(int to, Object message) {
    if (alive()) {
      sim.network().send(ep.id, to, message);
    }
  }

  /** Fires {@link Node#timer} with {@code tag} after {@code delay} nanoseconds of this node's clock. */
  public Timer setTimer(long delay, Object tag) {
    Timer t = new Timer(tag, incarnation);
    if (alive()) {
      sim.scheduleTimer(sim.now() + ep.clock.realDelay(delay), ep.id, t);
    }
    return t;
  }

  /** The node's disk: it outlives crashes, as far as it was fsynced. */
  public SimDisk disk() {
    return ep.disk;
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
    Pending p = new Pending(id, sim.now() + ep.clock.realDelay(timeout), handler);
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
    long now = sim.now();
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
    ep.node.timer(this, t.tag);
  }
}
