package madjep.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A deterministic discrete-event simulation: one thread, virtual time in nanoseconds, an agenda of events ordered
 * by (time, order scheduled). Everything that decides what happens (latencies, losses, crashes, workload choices)
 * draws from the {@link Streams} tree of the one seed; nothing reads the wall clock, thread timing, hash order or
 * identity hashes. The same seed and setup therefore give the same run, event for event: {@link #eventHash()}
 * folds every event into a running hash that proves it ({@link DeterminismCheck}).
 *
 * <p>Endpoints are servers {@code 0..servers-1} (named n1, n2, ...) and then clients added with {@link
 * #addClient}. Servers can crash, stop, restart and pause; clients cannot.
 */
public final class Simulation {
  /** Event kinds, as named in determinism reports. */
  static final int DELIVER = 0;
  static final int TIMER = 1;
  static final int ACTION = 2;
  static final String[] KIND_NAMES = {"deliver", "timer", "action"};

  private final EventQueue queue = new EventQueue();
  private final Streams streams;
  private final int servers;
  private final ArrayList<Endpoint> endpoints = new ArrayList<>();
  private final SplittableRandom[] nodeRngs;
  private final SplittableRandom[] diskRngs;
  private Network network;
  private final Trace trace;
  private final List<Listener> listeners = new ArrayList<>();
  private long now;
  private long hash;
  private long events;
  private EventProbe probe;
  private boolean halted;
  private boolean started;
  private NodeFailure failure;

  /** Receives what nodes {@link NodeContext#announce}. */
  @FunctionalInterface
  public interface Listener {
    void announced(int node, String event, Object value);
  }

  /** Sees every event as it runs; returning false stops the run (the determinism check does). */
  @FunctionalInterface
  public interface EventProbe {
    boolean event(long index, long time, int kind, int node, long hash);
  }

  /**
   * A cluster of {@code servers} nodes made by {@code factory}, driven by {@code streams}. Clients may be added
   * before {@link #start()}.
   */
  public Simulation(Streams streams, int servers, NodeFactory factory, Trace trace) {
    if (servers < 1) {
      throw new IllegalArgumentException("a cluster needs at least one server");
    }
    this.streams = streams;
    this.servers = servers;
    this.trace = trace;
    this.hash = streams.seed() * 0x9E3779B97F4A7C15L;
    // Fixed split order: one node stream and one disk stream per server; clients split theirs as they are added.
    nodeRngs = streams.split(Streams.Component.NODES, servers);
    diskRngs = streams.split(Streams.Component.DISK, servers);
    for (int i = 0; i < servers; i++) {
      endpoints.add(new Endpoint(i, "n" + (i + 1), factory, nodeRngs[i], diskRngs[i]));
    }
  }

  /** Adds a client endpoint (never crashed) and returns its id. Only before {@link #start()}. */
  public int addClient(NodeFactory factory) {
    if (started) {
      throw new IllegalStateException("clients are added before start()");
    }
    int id = endpoints.size();
    int c = id - servers;
    endpoints.add(new Endpoint(id, "c" + c, factory, streams.of(Streams.Component.CLIENTS).split(), null));
    return id;
  }

  /** Builds the network and boots every endpoint. */
  public void start() {
    if (started) {
      return;
    }
    started = true;
    network = new Network(this, servers, endpoints.size(), streams.of(Streams.Component.NETWORK));
    for (Endpoint ep : endpoints) {
      boot(ep);
    }
  }

  public Streams streams() {
    return streams;
  }

  public int servers() {
    return servers;
  }

  /** Servers and clients. */
  public int endpoints() {
    return endpoints.size();
  }

  public String name(int id) {
    return endpoints.get(id).name;
  }

  /** Virtual time, in nanoseconds since the start. */
  public long now() {
    return now;
  }

  public Network network() {
    if (network == null) {
      throw new IllegalStateException("start() first");
    }
    return network;
  }

  public Trace trace() {
    return trace;
  }

  /** The running hash of every event so far. */
  public long eventHash() {
    return hash;
  }

  /** How many events have run. */
  public long eventCount() {
    return events;
  }

  /** Events waiting on the agenda. */
  public int pendingEvents() {
    return queue.size();
  }

  public void setProbe(EventProbe p) {
    probe = p;
  }

  public void addListener(Listener l) {
    listeners.add(l);
  }

  /** True when the probe stopped the run, or a node threw. */
  public boolean halted() {
    return halted;
  }

  /** What a node threw, which stopped the run; null while none has. */
  public NodeFailure failure() {
    return failure;
  }

  /**
   * Node code threw: the run stops after this event (no later event runs), and the failure is kept. Only the first
   * counts; the run is over.
   */
  private void failed(Endpoint ep, String during, Throwable t) {
    if (failure == null) {
      failure = new NodeFailure(now, ep.name, ep.incarnation, during, t);
      trace.line(now, ep.name, "threw " + t + " in " + during + "; the run stops here");
    }
    halted = true;
  }

  // ---- scheduling ----

  /** Runs {@code action} at virtual time {@code at} (not before now). */
  public void at(long at, Runnable action) {
    queue.add(Math.max(at, now), ACTION, -1, 0, action);
  }

  /** Runs {@code action} after {@code delay} nanoseconds. */
  public void after(long delay, Runnable action) {
    at(now + delay, action);
  }

  void scheduleDelivery(long at, int from, int to, Object message) {
    queue.add(at, DELIVER, to, from, message);
  }

  void scheduleTimer(long at, int node, Timer t) {
    queue.add(at, TIMER, node, t.incarnation, t);
  }

  /** Runs events until the agenda is empty or the next one is after {@code until}; time ends at {@code until}. */
  public void runUntil(long until) {
    start();
    EventQueue q = queue;
    while (!halted && !q.isEmpty() && q.peekTime() <= until) {
      q.poll();
      long t = q.polledTime();
      int kind = q.polledKind();
      int a = q.polledA();
      int b = q.polledB();
      Object p = q.polledPayload();
      now = t;
      long x = t ^ ((long) kind << 60) ^ ((long) a << 42) ^ ((long) b << 21);
      if (kind == DELIVER) {
        x ^= (long) p.getClass().getName().hashCode() << 7;
      }
      hash = mix(hash + x);
      long index = events++;
      if (probe != null && !probe.event(index, t, kind, a, hash)) {
        halted = true;
      }
      dispatch(kind, a, b, p);
    }
    if (!halted && now < until) {
      now = until;
    }
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  private void dispatch(int kind, int a, int b, Object p) {
    switch (kind) {
      case DELIVER -> {
        Endpoint ep = endpoints.get(a);
        if (ep.status == Endpoint.Status.UP) {
          if (!network.droppedInFlight(b, a)) {
            try {
              ep.ctx.deliver(b, p);
            } catch (RuntimeException | StackOverflowError | AssertionError | LinkageError e) {
              failed(ep, "receive", e);
            }
          }
        } else if (ep.status == Endpoint.Status.PAUSED) {
          ep.deferred.add(new Object[] {kind, a, b, p});
        }
      }
      case TIMER -> {
        Endpoint ep = endpoints.get(a);
        Timer t = (Timer) p;
        if (t.cancelled || ep.incarnation != b) {
          return;
        }
        if (ep.status == Endpoint.Status.UP) {
          try {
            ep.ctx.fire(t);
          } catch (RuntimeException | StackOverflowError | AssertionError | LinkageError e) {
            failed(ep, "timer", e);
          }
        } else if (ep.status == Endpoint.Status.PAUSED) {
          ep.deferred.add(new Object[] {kind, a, b, p});
        }
      }
      case ACTION -> ((Runnable) p).run();
      default -> throw new IllegalStateException("unknown event kind " + kind);
    }
  }

  // ---- node lifecycle ----

  private void boot(Endpoint ep) {
    ep.incarnation++;
    ep.status = Endpoint.Status.UP;
    ep.deferred.clear();
    try {
      ep.node = ep.factory.create(ep.id);
      if (ep.node == null) {
        throw new IllegalStateException("the NodeFactory made no node (null) for " + ep.name);
      }
      ep.ctx = new NodeContext(this, ep);
      ep.node.start(ep.ctx);
    } catch (RuntimeException | StackOverflowError | AssertionError | LinkageError e) {
      failed(ep, "start", e);
    }
  }

  private Endpoint server(int node) {
    if (node < 0 || node >= servers) {
      throw new IllegalArgumentException("no server " + node);
    }
    return endpoints.get(node);
  }

  /** True when the server is running (not crashed, stopped or paused). */
  public boolean isUp(int node) {
    return server(node).status == Endpoint.Status.UP;
  }

  public boolean isDown(int node) {
    return server(node).status == Endpoint.Status.DOWN;
  }

  public boolean isPaused(int node) {
    return server(node).status == Endpoint.Status.PAUSED;
  }

  /** The node's current volatile state (for tests and invariants); null while down. */
  public Node node(int id) {
    Endpoint ep = endpoints.get(id);
    return ep.status == Endpoint.Status.DOWN ? null : ep.node;
  }

  public SimDisk disk(int node) {
    return server(node).disk;
  }

  public NodeClock clock(int node) {
    return server(node).clock;
  }

  /** Kills the server at once: its volatile state is gone and its disk loses unsynced writes. */
  public void crash(int node) {
    Endpoint ep = server(node);
    if (ep.status == Endpoint.Status.DOWN) {
      return;
    }
    ep.status = Endpoint.Status.DOWN;
    ep.deferred.clear();
    ep.node = null;
    ep.ctx = null;
    int[] lost = ep.disk.crash(ep.diskRng);
    trace.line(now, ep.name, "crashed" + (lost[0] + lost[1] > 0
        ? " (" + lost[0] + " unsynced writes lost, " + lost[1] + " torn)" : ""));
  }

  /** Stops the server cleanly: it is told, its disk is synced, then it is down. */
  public void stop(int node) {
    Endpoint ep = server(node);
    if (ep.status == Endpoint.Status.DOWN) {
      return;
    }
    ep.status = Endpoint.Status.UP;
    try {
      ep.node.stop(ep.ctx);
    } catch (RuntimeException | StackOverflowError | AssertionError | LinkageError e) {
      failed(ep, "stop", e);
    }
    ep.disk.syncAll();
    ep.status = Endpoint.Status.DOWN;
    ep.deferred.clear();
    ep.node = null;
    ep.ctx = null;
    trace.line(now, ep.name, "stopped");
  }

  /** Boots a down server with fresh volatile state; does nothing to a running one. */
  public void restart(int node) {
    Endpoint ep = server(node);
    if (ep.status != Endpoint.Status.DOWN) {
      return;
    }
    trace.line(now, ep.name, "restarted");
    boot(ep);
  }

  /** Freezes the server: messages and timers wait until {@link #resume}. */
  public void pause(int node) {
    Endpoint ep = server(node);
    if (ep.status == Endpoint.Status.UP) {
      ep.status = Endpoint.Status.PAUSED;
      trace.line(now, ep.name, "paused");
    }
  }

  /** Thaws a paused server: what it missed arrives now, in order. */
  public void resume(int node) {
    Endpoint ep = server(node);
    if (ep.status != Endpoint.Status.PAUSED) {
      return;
    }
    ep.status = Endpoint.Status.UP;
    trace.line(now, ep.name, "resumed (" + ep.deferred.size() + " events waited)");
    for (Object[] e : ep.deferred) {
      queue.add(now, (Integer) e[0], (Integer) e[1], (Integer) e[2], e[3]);
    }
    ep.deferred.clear();
  }

  void announce(int node, String event, Object value) {
    if (trace.enabled()) {
      trace.line(now, endpoints.get(node).name, event + " " + value);
    }
    for (int i = 0; i < listeners.size(); i++) {
      listeners.get(i).announced(node, event, value);
    }
  }
}
