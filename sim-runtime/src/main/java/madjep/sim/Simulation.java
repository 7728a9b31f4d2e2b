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
  /** A busy node takes the next event from its inbox. */
  static final int DRAIN = 3;
  static final String[] KIND_NAMES = {"deliver", "timer", "action", "drain"};

  private final EventQueue queue = new EventQueue();
  private final Streams streams;
  private final int servers;
  private final ArrayList<Endpoint> endpoints = new ArrayList<>();
  private final SplittableRandom[] nodeRngs;
  private final SplittableRandom[] diskRngs;
  private final SplittableRandom[] cpuRngs;
  private final FaultPoints faultPoints;
  private final Assertions assertions;
  private final List<FaultListener> faultListeners = new ArrayList<>();
  private final List<Invariant.Named> everyEvent = new ArrayList<>();
  private Network network;
  /** Each server event's CPU cost, or null: CPU not modelled. */
  private Latency eventCost;
  /** What a slowed node's factor multiplies when CPU is not modelled. */
  private long slowUnit = 50 * Durations.US;
  private int inboxLimit;
  private long restartDelay = Durations.S;
  private StorageAtlas atlas = StorageAtlas.off();
  private Regions regions;
  private long diskExits;
  private long oomKills;
  private final Trace trace;
  private final List<Listener> listeners = new ArrayList<>();
  private long now;
  private long hash;
  private long events;
  /** The virtual time at the last stood-still check, and how many checks in a row found it there. */
  private long stillAt = -1;
  private int stillChecks;
  /**
   * The index of the next event the loop looks at more closely: every one while a probe is set, else the next
   * stood-still check. One comparison per event either way, as the probe's null check was.
   */
  private long closerLookAt;
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
    SplittableRandom[] storageRngs = streams.split(Streams.Component.STORAGE, servers);
    cpuRngs = streams.split(Streams.Component.RESOURCES, servers);
    faultPoints = new FaultPoints(this, streams.of(Streams.Component.BUGGIFY));
    assertions = new Assertions(this);
    for (int i = 0; i < servers; i++) {
      endpoints.add(new Endpoint(this, i, "n" + (i + 1), factory, nodeRngs[i], diskRngs[i], storageRngs[i]));
    }
  }

  /** Adds a client endpoint (never crashed) and returns its id. Only before {@link #start()}. */
  public int addClient(NodeFactory factory) {
    if (started) {
      throw new IllegalStateException("clients are added before start()");
    }
    int id = endpoints.size();
    int c = id - servers;
    endpoints.add(new Endpoint(this, id, "c" + c, factory, streams.of(Streams.Component.CLIENTS).split(), null,
        null));
    return id;
  }

  /** Places servers and clients in regions (before {@link #start()}: clients pick their region's servers at boot). */
  public void setRegions(Regions r) {
    if (started) {
      throw new IllegalStateException("regions are set before start()");
    }
    regions = r;
  }

  /** The regions, or null. */
  public Regions regions() {
    return regions;
  }

  /** Builds the network and boots every endpoint. */
  public void start() {
    if (started) {
      return;
    }
    started = true;
    network = new Network(this, servers, endpoints.size(), streams.of(Streams.Component.NETWORK), regions);
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
    closerLookAt = p != null ? 0 : events;
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
    stopWith(new NodeFailure(now, ep.name, ep.incarnation, during, t), "threw " + t + " in " + during);
  }

  /** Halts the run; the first failure of a run is the one it reports, traced as {@code what} at its node. */
  private void stopWith(NodeFailure f, String what) {
    if (failure == null) {
      failure = f;
      trace.line(f.time(), f.node(), what + "; the run stops here");
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
    endpoints.get(to).inFlight++;
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
        // The message class's name, not its identity, which differs between JVMs. A class keeps its name and a string
        // its hash once computed, so this is a few loads (a ClassValue lookup was 2% of a simulated hour).
        x ^= (long) p.getClass().getName().hashCode() << 7;
      }
      hash = mix(hash + x);
      long index = events++;
      if (index >= closerLookAt) {
        if ((index & STILL_CHECK_MASK) == 0 && stoodStill(t, kind, a)) {
          break;
        }
        if (probe != null) {
          if (!probe.event(index, t, kind, a, hash)) {
            halted = true;
          }
        } else {
          closerLookAt = (index | STILL_CHECK_MASK) + 1;
        }
      }
      dispatch(kind, a, b, p);
      if (!everyEvent.isEmpty()) {
        for (int i = 0; i < everyEvent.size(); i++) {
          checkInvariant(everyEvent.get(i));
        }
      }
    }
    if (!halted && now < until) {
      now = until;
    }
  }

  /**
   * Every 2^20 events the loop looks whether virtual time has moved since the last look; {@value #STILL_CHECKS} looks
   * in a row at one instant (over 15 million events) mean a system that schedules work with no delay for ever (a
   * timer re-armed at zero, two nodes bouncing a message without latency), which would otherwise run for ever. No
   * run of a working system comes near: the simulated hour of raft-kv has a handful of events per instant.
   */
  static final long STILL_CHECK_MASK = (1L << 20) - 1;
  static final int STILL_CHECKS = 16;

  /**
   * True, and the run stopped as a failure of the system under test, when time has not moved for {@value
   * #STILL_CHECKS} checks; the failure names the endpoint whose event was next (the sim's own for an action).
   */
  private boolean stoodStill(long t, int kind, int a) {
    if (t != stillAt) {
      stillAt = t;
      stillChecks = 0;
      return false;
    }
    if (++stillChecks < STILL_CHECKS) {
      return false;
    }
    Endpoint ep = kind == ACTION || a < 0 ? null : endpoints.get(a);
    String who = ep == null ? "sim" : ep.name;
    IllegalStateException stuck = new IllegalStateException("virtual time stood still at " + t + " ns for over "
        + STILL_CHECKS * (STILL_CHECK_MASK + 1) + " events: something schedules work with no delay, for ever (the"
        + " next event was a " + KIND_NAMES[kind] + " of " + who + ")");
    stuck.setStackTrace(new StackTraceElement[0]); // the simulator's frames say nothing about the loop
    String during = kind == TIMER ? "timer" : kind == ACTION ? "action" : "receive";
    stopWith(new NodeFailure(t, who, ep == null ? 0 : ep.incarnation, during, stuck), stuck.getMessage());
    return true;
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
        ep.inFlight--;
        Object m = p;
        if (m instanceof InFlight f) {
          if (f.life().endedAt < f.departs()) {
            network.lostAtCrash();
            return;
          }
          m = f.message();
        }
        if (ep.status == Endpoint.Status.UP) {
          if (network.droppedInFlight(b, a)) {
            return;
          }
          if (ep.busyUntil > now || ep.inbox != null && !ep.inbox.isEmpty()) {
            enqueue(ep, DELIVER, b, m);
          } else {
            handle(ep, DELIVER, b, m);
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
          if (ep.busyUntil > now || ep.inbox != null && !ep.inbox.isEmpty()) {
            enqueue(ep, TIMER, b, t);
          } else {
            handle(ep, TIMER, b, t);
          }
        } else if (ep.status == Endpoint.Status.PAUSED) {
          ep.deferred.add(new Object[] {kind, a, b, p});
        }
      }
      case ACTION -> ((Runnable) p).run();
      case DRAIN -> drain(endpoints.get(a), b);
      default -> throw new IllegalStateException("unknown event kind " + kind);
    }
  }

  /**
   * Runs one handler: the node's time starts at the sim's, plus the event's CPU cost; whatever the handler spends on
   * CPU or synchronous I/O moves it further, and the node is busy until it is done.
   */
  private void handle(Endpoint ep, int kind, int from, Object p) {
    long t = now;
    ep.cursor = t + eventCost(ep);
    NodeContext ctx = ep.ctx;
    try {
      if (kind == DELIVER) {
        ctx.deliver(from, p);
      } else {
        ctx.fire((Timer) p);
      }
    } catch (DiskException e) {
      diskExit(ep, ctx, e);
    } catch (RuntimeException | StackOverflowError | AssertionError | LinkageError e) {
      failed(ep, kind == DELIVER ? "receive" : "timer", e);
    }
    long end = ep.cursor;
    if (end > t) {
      if (end > ep.busyUntil) {
        ep.busyUntil = end;
      }
      ep.busyNanos += end - t;
    }
  }

  private long eventCost(Endpoint ep) {
    if (ep.id >= servers) {
      return 0;
    }
    double f = ep.slowFactor;
    Latency c = eventCost;
    if (c == null) {
      return f == 1 ? 0 : Math.round(slowUnit * f);
    }
    long base = c.sample(cpuRngs[ep.id]);
    return f == 1 ? base : Math.round(base * f);
  }

  /** A busy node's event waits; a message beyond the inbox limit is dropped. */
  private void enqueue(Endpoint ep, int kind, int from, Object p) {
    if (ep.inbox == null) {
      ep.inbox = new Inbox();
    }
    if (kind == DELIVER && inboxLimit > 0 && ep.inbox.messages() >= inboxLimit) {
      ep.inboxDropped++;
      return;
    }
    ep.inbox.add(kind, from, p);
    scheduleDrain(ep);
  }

  private void scheduleDrain(Endpoint ep) {
    if (!ep.drainScheduled) {
      ep.drainScheduled = true;
      queue.add(Math.max(ep.busyUntil, now), DRAIN, ep.id, ep.incarnation, null);
    }
  }

  /** The node is free: it handles the first event of its inbox. */
  private void drain(Endpoint ep, int incarnation) {
    if (ep.incarnation != incarnation || ep.status == Endpoint.Status.DOWN) {
      return;
    }
    if (ep.status == Endpoint.Status.PAUSED) {
      ep.deferred.add(new Object[] {DRAIN, ep.id, incarnation, null});
      return;
    }
    ep.drainScheduled = false;
    Inbox in = ep.inbox;
    if (in == null || in.isEmpty()) {
      return;
    }
    if (ep.busyUntil > now) {
      scheduleDrain(ep);
      return;
    }
    int kind = in.peekKind();
    int from = in.peekFrom();
    Object p = in.poll();
    if (kind == TIMER) {
      Timer t = (Timer) p;
      if (!t.cancelled && t.incarnation == ep.incarnation) {
        handle(ep, TIMER, from, t);
      }
    } else {
      handle(ep, DELIVER, from, p);
    }
    if (ep.status == Endpoint.Status.UP && ep.incarnation == incarnation && !in.isEmpty()) {
      scheduleDrain(ep);
    }
  }

  // ---- node lifecycle ----

  private void boot(Endpoint ep) {
    ep.incarnation++;
    ep.status = Endpoint.Status.UP;
    ep.life = new Endpoint.Life();
    ep.deferred.clear();
    long t = now;
    ep.cursor = t + eventCost(ep);
    ep.busyUntil = t;
    try {
      ep.node = ep.factory.create(ep.id);
      if (ep.node == null) {
        throw new IllegalStateException("the NodeFactory made no node (null) for " + ep.name);
      }
      ep.ctx = new NodeContext(this, ep);
      ep.node.start(ep.ctx);
    } catch (DiskException e) {
      if (ep.ctx == null) {
        failed(ep, "start", e);
      } else {
        diskExit(ep, ep.ctx, e);
      }
    } catch (RuntimeException | StackOverflowError | AssertionError | LinkageError e) {
      failed(ep, "start", e);
    }
    if (ep.cursor > t) {
      ep.busyUntil = Math.max(ep.busyUntil, ep.cursor);
      ep.busyNanos += ep.cursor - t;
    }
  }

  /** Forgets an incarnation's resources: its inbox, its busy time, its memory. */
  private void endIncarnation(Endpoint ep) {
    ep.life.endedAt = now;
    ep.deferred.clear();
    if (ep.inbox != null) {
      ep.inbox.clear();
    }
    ep.drainScheduled = false;
    ep.busyUntil = now;
    ep.cursor = now;
    ep.memory = 0;
    ep.oomPending = false;
    ep.node = null;
    ep.ctx = null;
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
    crash(node, null);
  }

  /**
   * Kills the server at once, for {@code reason} (null: a nemesis kill). Messages its last handler sent to leave
   * after this moment never leave, and its writes issued after it never happened.
   */
  public void crash(int node, String reason) {
    Endpoint ep = server(node);
    if (ep.status == Endpoint.Status.DOWN) {
      return;
    }
    ep.status = Endpoint.Status.DOWN;
    endIncarnation(ep);
    int[] lost = ep.disk.crash(ep.diskRng);
    trace.line(now, ep.name, "crashed" + (reason == null ? "" : ": " + reason) + (lost[0] + lost[1] > 0
        ? " (" + lost[0] + " unsynced writes lost, " + lost[1] + " torn)" : ""));
  }

  /** Stops the server cleanly: it is told, its disk is synced, then it is down. */
  public void stop(int node) {
    Endpoint ep = server(node);
    if (ep.status == Endpoint.Status.DOWN) {
      return;
    }
    ep.status = Endpoint.Status.UP;
    ep.cursor = now;
    try {
      ep.node.stop(ep.ctx);
    } catch (DiskException e) {
      trace.line(now, ep.name, "stop failed on a disk error: " + e.getMessage());
    } catch (RuntimeException | StackOverflowError | AssertionError | LinkageError e) {
      failed(ep, "stop", e);
    }
    ep.disk.syncAll();
    ep.status = Endpoint.Status.DOWN;
    endIncarnation(ep);
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
      if ((Integer) e[0] == DELIVER) {
        ep.inFlight++;
      }
      queue.add(now, (Integer) e[0], (Integer) e[1], (Integer) e[2], e[3]);
    }
    ep.deferred.clear();
  }

  // ---- resources: CPU, inboxes, memory ----

  /** Every server event costs a draw of {@code cost} of CPU time (null: CPU not modelled, events are free). */
  public void setEventCost(Latency cost) {
    eventCost = cost;
  }

  public Latency eventCost() {
    return eventCost;
  }

  /** The per-event cost a slow factor multiplies when CPU is not modelled (default 50 us). */
  public void setSlowUnit(long nanos) {
    slowUnit = nanos;
  }

  /** Slows a server's CPU: its events and declared work cost {@code factor} times as much (1: normal). */
  public void setSlowFactor(int node, double factor) {
    if (!(factor >= 1)) {
      throw new IllegalArgumentException("expected a slow factor of at least 1, found " + factor);
    }
    server(node).slowFactor = factor;
  }

  public double slowFactor(int node) {
    return server(node).slowFactor;
  }

  /** The most messages a busy server's inbox holds; more are dropped (0: unbounded). */
  public void setInboxLimit(int limit) {
    inboxLimit = Math.max(0, limit);
  }

  /** A server's memory budget in bytes (0: none); a node that declares more is killed, as by an OOM killer. */
  public void setMemoryBudget(int node, long bytes) {
    Endpoint ep = server(node);
    ep.memoryBudget = Math.max(0, bytes);
    checkMemory(ep);
  }

  public long memoryBudget(int node) {
    return server(node).memoryBudget;
  }

  /** The memory the server's node last declared. */
  public long memory(int node) {
    return server(node).memory;
  }

  /** How long a supervisor waits before restarting a node killed for memory or that exited (default 1 s). */
  public void setRestartDelay(long nanos) {
    restartDelay = nanos;
  }

  void declareMemory(Endpoint ep, long bytes) {
    ep.memory = bytes;
    checkMemory(ep);
  }

  private void checkMemory(Endpoint ep) {
    if (ep.memoryBudget > 0 && ep.memory > ep.memoryBudget && !ep.oomPending && ep.status != Endpoint.Status.DOWN) {
      ep.oomPending = true;
      long used = ep.memory;
      long budget = ep.memoryBudget;
      int incarnation = ep.incarnation;
      at(ep.ioNow(), () -> {
        if (ep.incarnation == incarnation && ep.status != Endpoint.Status.DOWN) {
          oomKills++;
          killAndRestart(ep, "killed: out of memory (" + used + " bytes, budget " + budget + ")", "oom",
              new long[] {used, budget});
        }
      });
    }
  }

  /**
   * A disk error escaped a handler: the process dies of it, as an unhandled I/O error kills a real one, and its
   * supervisor restarts it. (Systems that must survive disk errors catch {@link DiskException} themselves.)
   */
  private void diskExit(Endpoint ep, NodeContext ctx, DiskException e) {
    diskExits++;
    if (ctx.alive()) {
      exit(ep, "unhandled disk error: " + e.getMessage());
    }
  }

  /** Nodes that died of a disk error they did not handle. */
  public long diskExits() {
    return diskExits;
  }

  /** Nodes killed for outgrowing their memory budget. */
  public long oomKills() {
    return oomKills;
  }

  /** The node crashes itself (a panic, an exit on an unrecoverable error); a supervisor restarts it later. */
  void exit(Endpoint ep, String reason) {
    ep.ctx.exiting();
    int incarnation = ep.incarnation;
    at(ep.ioNow(), () -> {
      if (ep.incarnation == incarnation && ep.status != Endpoint.Status.DOWN) {
        killAndRestart(ep, "exited: " + reason, "exit", reason);
      }
    });
  }

  private void killAndRestart(Endpoint ep, String why, String event, Object detail) {
    crash(ep.id, why);
    int incarnation = ep.incarnation;
    for (int i = 0; i < faultListeners.size(); i++) {
      faultListeners.get(i).fault(ep.id, event.equals("oom") ? "oom-kill" : "exit", detail);
    }
    after(restartDelay, () -> {
      if (ep.incarnation == incarnation && ep.status == Endpoint.Status.DOWN) {
        trace.line(now, ep.name, "restarted by its supervisor");
        boot(ep);
        for (int i = 0; i < faultListeners.size(); i++) {
          faultListeners.get(i).fault(ep.id, event + "-restart", null);
        }
      }
    });
  }

  public void addFaultListener(FaultListener l) {
    faultListeners.add(l);
  }

  // ---- storage ----

  /** The faults and timing of a server's disk. */
  public DiskFaults storage(int node) {
    return server(node).disk.faults;
  }

  /** Where storage corruption may go, for every server. */
  public void setStorageAtlas(StorageAtlas a) {
    atlas = a;
    for (int i = 0; i < servers; i++) {
      endpoints.get(i).disk.faults.setAtlas(a);
    }
  }

  public StorageAtlas storageAtlas() {
    return atlas;
  }

  // ---- fault points, assertions, invariants, metrics ----

  /** The run's fault points ({@link NodeContext#buggify}). */
  public FaultPoints faultPoints() {
    return faultPoints;
  }

  /** The run's assertions and invariant checks. */
  public Assertions assertions() {
    return assertions;
  }

  /**
   * Checks {@code inv} over the servers every {@code inv.every()} ns of simulated time from now (0: after every
   * event); a broken check fails the run as a false always assertion named {@code inv.name()}.
   */
  public void addInvariant(Invariant.Named inv) {
    assertions.declare(inv.name(), Assertions.Kind.INVARIANT);
    if (inv.every() <= 0) {
      everyEvent.add(inv);
      return;
    }
    at(now + inv.every(), new Runnable() {
      @Override
      public void run() {
        checkInvariant(inv);
        after(inv.every(), this);
      }
    });
  }

  private void checkInvariant(Invariant.Named inv) {
    List<Node> nodes = new ArrayList<>(servers);
    for (int i = 0; i < servers; i++) {
      Endpoint ep = endpoints.get(i);
      boolean in = ep.status == Endpoint.Status.UP
          || ep.status == Endpoint.Status.PAUSED && inv.scope() == Invariant.Scope.LIVE;
      nodes.add(in ? ep.node : null);
    }
    String broken = inv.invariant().check(java.util.Collections.unmodifiableList(nodes), now);
    assertions.record(inv.name(), Assertions.Kind.INVARIANT, broken == null, "cluster", 0, now, broken);
  }

  /** A server's resources and disk right now (see {@link NodeMetrics}). */
  public NodeMetrics metrics(int node) {
    Endpoint ep = server(node);
    return new NodeMetrics(ep.name, ep.status.name().toLowerCase(java.util.Locale.ROOT), ep.queued()
        + ep.deferred.size(), ep.inFlight, ep.busyNanos, ep.memory, ep.disk.used(), ep.disk.dirtyBytes(),
        ep.inboxDropped);
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
