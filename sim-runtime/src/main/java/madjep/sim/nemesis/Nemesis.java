package madjep.sim.nemesis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import madjep.history.edn.EdnParser;
import madjep.history.edn.EdnVector;
import madjep.history.edn.Keyword;
import madjep.sim.Durations;
import madjep.sim.HistoryRecorder;
import madjep.sim.Latency;
import madjep.sim.Network;
import madjep.sim.Simulation;

/**
 * Jepsen's nemesis inside the sim: each method applies one fault to the cluster and records it in the history as
 * a {@code :nemesis} op of type {@code :info} (what was asked, then what was done) and in the trace. Targets are
 * Jepsen's node specs ({@code one}, {@code minority}, {@code majority}, {@code minority-third}, {@code all}, {@code
 * primaries}, {@code follower}: one node that is not the last leader) or node names ({@code n1,n3}), resolved with the nemesis's own stream.
 */
public final class Nemesis {
  private static final Keyword START_PARTITION = Keyword.of("start-partition");
  private static final Keyword STOP_PARTITION = Keyword.of("stop-partition");
  private static final Keyword KILL = Keyword.of("kill");
  private static final Keyword START = Keyword.of("start");
  private static final Keyword STOP = Keyword.of("stop");
  private static final Keyword PAUSE = Keyword.of("pause");
  private static final Keyword RESUME = Keyword.of("resume");
  private static final Keyword BUMP_CLOCK = Keyword.of("bump-clock");
  private static final Keyword DRIFT_CLOCK = Keyword.of("drift-clock");
  private static final Keyword RESET_CLOCK = Keyword.of("reset-clock");
  private static final Keyword START_PACKET = Keyword.of("start-packet");
  private static final Keyword STOP_PACKET = Keyword.of("stop-packet");
  private static final Keyword START_CLOG = Keyword.of("start-clog");
  private static final Keyword STOP_CLOG = Keyword.of("stop-clog");
  private static final Keyword ISOLATED = Keyword.of("isolated");
  private static final Keyword HEALED = Keyword.of("network-healed");

  private final Simulation sim;
  private final HistoryRecorder history;
  private final SplittableRandom rng;
  private final FaultSettings settings;
  private final int n;
  private boolean partitioned;
  private final boolean[] killed;
  private final boolean[] paused;
  private final boolean[] skewed;
  private boolean packet;
  private final List<int[]> clogged = new ArrayList<>();
  private int leader = -1;
  private long faults;
  private final EnvironmentFaults env;
  /** Where applied faults are written down as explicit steps; null when nobody asked. */
  private StepLog log;
  private boolean reacting;
  /** Per fault kind: how often it was started, and how many nodes it hit in all. */
  private final long[] fired = new long[FaultKind.values().length];
  private final long[] hit = new long[FaultKind.values().length];

  public Nemesis(Simulation sim, HistoryRecorder history, SplittableRandom rng, FaultSettings settings) {
    this(sim, history, rng, settings, Environment.defaults());
  }

  /** A nemesis whose storage, resource, region and fault-point faults use {@code environment}'s parameters. */
  public Nemesis(Simulation sim, HistoryRecorder history, SplittableRandom rng, FaultSettings settings,
      Environment environment) {
    this.sim = sim;
    this.history = history;
    this.rng = rng;
    this.settings = settings;
    this.n = sim.servers();
    killed = new boolean[n];
    paused = new boolean[n];
    skewed = new boolean[n];
    sim.addListener((node, event, value) -> {
      if (event.equals("leader")) {
        leader = node;
      }
    });
    env = new EnvironmentFaults(this, sim, rng, environment);
  }

  /** The faults of the storage, resource, region and fault-point families. */
  public EnvironmentFaults environment() {
    return env;
  }

  Simulation sim() {
    return sim;
  }

  /** The node that last announced it leads, or -1. */
  int leader() {
    return leader;
  }

  public FaultSettings settings() {
    return settings;
  }

  /** From now on, writes every fault applied into {@code into} as a step that replays it without a random draw. */
  public void logSteps(StepLog into) {
    log = into;
  }

  /** Runs {@code action} as a reaction to an event of this instant (a trigger's): its steps are late ones. */
  void reacting(Runnable action) {
    reacting = true;
    try {
      action.run();
    } finally {
      reacting = false;
    }
  }

  /** Faults applied so far (each start or stop counts). */
  public long faults() {
    return faults;
  }

  /** How often a fault of {@code kind} was started. */
  public long fired(FaultKind kind) {
    return fired[kind.ordinal()];
  }

  /** How many nodes faults of {@code kind} hit, summed over every start (a node hit twice counts twice). */
  public long nodesHit(FaultKind kind) {
    return hit[kind.ordinal()];
  }

  /** A fault of {@code kind} started on {@code nodes} nodes. */
  void count(FaultKind kind, int nodes) {
    fired[kind.ordinal()]++;
    hit[kind.ordinal()] += nodes;
  }

  /** True when faults of {@code kind} are in effect. */
  public boolean active(FaultKind kind) {
    return switch (kind) {
      case PARTITION -> partitioned;
      case KILL, STOP -> any(killed);
      case PAUSE -> any(paused);
      case CLOCK -> any(skewed);
      case PACKET -> packet;
      case CLOG -> !clogged.isEmpty();
      default -> env.active(kind);
    };
  }

  private static boolean any(boolean[] a) {
    for (boolean b : a) {
      if (b) {
        return true;
      }
    }
    return false;
  }

  /** Starts a fault of {@code kind} with a shape or target drawn from the settings. */
  public void start(FaultKind kind) {
    switch (kind) {
      case PARTITION -> startPartition(pick(settings.partitions()));
      case KILL -> kill(pick(settings.targets()));
      case STOP -> stop(pick(settings.targets()));
      case PAUSE -> pause(pick(settings.targets()));
      case CLOCK -> {
        if (rng.nextBoolean()) {
          bumpClock(pick(settings.targets()));
        } else {
          driftClock(pick(settings.targets()));
        }
      }
      case PACKET -> startPacket(pick(settings.targets()));
      case CLOG -> startClog(pick(settings.targets()));
      default -> env.start(kind, pick(settings.targets()));
    }
  }

  /** False for a family with nothing to act on in this cluster (region faults without two regions or more). */
  public boolean applicable(FaultKind kind) {
    return kind != FaultKind.REGION || sim.regions() != null && sim.regions().count() > 1;
  }

  /** Ends faults of {@code kind}. */
  public void stop(FaultKind kind) {
    switch (kind) {
      case PARTITION -> stopPartition();
      case KILL, STOP -> restart();
      case PAUSE -> resume();
      case CLOCK -> resetClock();
      case PACKET -> stopPacket();
      case CLOG -> stopClog();
      default -> env.stop(kind);
    }
  }

  /** Ends every fault in effect: the start of Jepsen's final phase. */
  public void healAll() {
    for (FaultKind k : FaultKind.values()) {
      if (k != FaultKind.STOP && active(k)) {
        stop(k);
      }
    }
  }

  /** The families {@link #degradeOutsideCore} can leave on a minority: slow CPUs and disks, crashes, pauses, cuts. */
  public static final Set<FaultKind> DEGRADABLE = Collections.unmodifiableSet(
      EnumSet.of(FaultKind.SLOW, FaultKind.SLOW_DISK, FaultKind.KILL, FaultKind.PAUSE, FaultKind.PARTITION));

  /**
   * TigerBeetle's liveness mode: once everything has healed, the nodes {@code targetSpec} names (a seed-chosen minority
   * outside a healed core, or every node for a slowdown) get the faults of {@code kinds} again, and keep them until
   * the next {@link #healAll}, as fail-slow hardware, a dead machine or a cut link outlast a test's fault schedule.
   * Returns the nodes that keep them.
   */
  public int[] degradeOutsideCore(Set<FaultKind> kinds, String targetSpec) {
    if (kinds.isEmpty()) {
      return new int[0];
    }
    int[] outside = targets(targetSpec);
    StringBuilder names = new StringBuilder();
    StringBuilder core = new StringBuilder();
    boolean[] out = new boolean[n];
    for (int x : outside) {
      out[x] = true;
      names.append(names.length() == 0 ? "" : ",").append(sim.name(x));
    }
    for (int x = 0; x < n; x++) {
      if (!out[x]) {
        core.append(core.length() == 0 ? "" : " ").append(sim.name(x));
      }
    }
    for (FaultKind k : kinds) {
      switch (k) {
        case SLOW -> env.startSlowCpu(names.toString());
        case SLOW_DISK -> env.startSlowDisk(names.toString());
        case KILL -> kill(names.toString());
        case PAUSE -> pause(names.toString());
        case PARTITION -> startPartition(core + " | " + names.toString().replace(',', ' '));
        default -> throw new IllegalArgumentException("expected a fault a minority can keep ("
            + DEGRADABLE.stream().map(FaultKind::label).toList() + "), found '" + k.label() + "'");
      }
    }
    return outside;
  }

  private String pick(List<String> options) {
    return options.get(rng.nextInt(options.size()));
  }

  // ---- targets ----

  /** The node specs that draw their nodes (every other spec is node names). */
  private static final List<String> RANDOM_SPECS =
      List.of("one", "minority", "minority-third", "majority", "all", "primaries", "follower");

  /** The nodes a spec names; never empty. */
  public int[] targets(String spec) {
    int[] t = resolve(spec);
    if (log != null) {
      log.targets(t);
    }
    return t;
  }

  private int[] resolve(String spec) {
    if (!RANDOM_SPECS.contains(spec)) {
      // Node names draw nothing, so that an explicit step never shifts the choices of the random ones after it.
      return names(spec);
    }
    int[] s = Grudges.shuffled(n, rng);
    switch (spec) {
      case "one":
        return new int[] {s[0]};
      case "minority":
        return sorted(Arrays.copyOf(s, 1 + rng.nextInt(Math.max(1, (n - 1) / 2))));
      case "minority-third":
        return sorted(Arrays.copyOf(s, Math.max(1, (n - 1) / 3)));
      case "majority":
        return sorted(Arrays.copyOf(s, n / 2 + 1));
      case "all":
        return sorted(s);
      case "primaries":
        return leader >= 0 ? new int[] {leader} : new int[] {s[0]};
      case "follower":
        // A node that is not the last announced leader (any node while none has announced).
        return new int[] {s[0] != leader || n == 1 ? s[0] : s[1]};
      default:
        return names(spec);
    }
  }

  private int[] names(String spec) {
    String[] parts = spec.split("[,\\s]+");
    int[] out = new int[parts.length];
    for (int i = 0; i < parts.length; i++) {
      out[i] = nodeId(parts[i]);
    }
    return sorted(out);
  }

  int nodeId(String name) {
    try {
      return madjep.sim.NodeNames.parse(name, n);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("expected a node spec (one, minority, majority, minority-third, all, "
          + "primaries, follower) or node names n1..n" + n + ", found '" + name + "'");
    }
  }

  private static int[] sorted(int[] a) {
    int[] c = a.clone();
    Arrays.sort(c);
    return c;
  }

  EdnVector nodeNames(int[] nodes) {
    Object[] names = new Object[nodes.length];
    for (int i = 0; i < nodes.length; i++) {
      names[i] = sim.name(nodes[i]);
    }
    return EdnVector.of(names);
  }

  /** A spec as the history shows it: {@code :majority}, or a string such as {@code "n1,n3"}. */
  static Object specValue(String spec) {
    return Keyword.isValidName(spec) && spec.indexOf(',') < 0 ? Keyword.of(spec) : spec;
  }

  void record(Keyword f, Object asked, Object done) {
    if (log != null) {
      log.applied(sim, f.name(), done, reacting);
    }
    faults++;
    history.nemesis(f, asked, done);
    sim.trace().line(sim.now(), "nemesis", f.name() + " " + asked + " -> " + done);
  }

  // ---- partitions ----

  /** The partition shapes by name, as scenario files and {@code sim list} give them. */
  public static final List<String> PARTITION_SHAPES = List.of("halves", "one", "primaries", "majorities-ring",
      "bridge", "one-way", "leader-one-way", "isolate-leader", "random-minority");

  /**
   * Starts a partition: {@code halves}, {@code one}, {@code primaries} (the last leader in a minority), {@code
   * majorities-ring}, {@code bridge}, {@code one-way} (a random minority stops hearing the rest), {@code
   * leader-one-way} (the last leader can send but hears nobody), {@code isolate-leader} (the last leader alone),
   * {@code random-minority} (a random minority of random size cut from the rest), or explicit groups such as {@code
   * n1 n2 | n3 n4 n5}. Without a known leader, the leader shapes pick a random node.
   */
  public void startPartition(String shape) {
    if (shape.startsWith(StepLog.GRUDGE)) {
      applyGrudge(StepLog.parseGrudge(shape, n), shape);
      return;
    }
    boolean[][] g;
    switch (shape) {
      case "halves" -> g = Grudges.groups(n, Grudges.randomHalves(n, rng));
      case "one" -> g = Grudges.groups(n, Grudges.isolateOne(n, -1, rng));
      case "primaries" -> g = Grudges.groups(n, Grudges.withMinority(n, leader, rng));
      case "isolate-leader" -> g = Grudges.groups(n, Grudges.isolateOne(n, leader, rng));
      case "leader-one-way" -> {
        int x = leader >= 0 ? leader : rng.nextInt(n);
        g = Grudges.oneWay(n, Grudges.others(n, x), new int[] {x});
      }
      case "random-minority" -> g = Grudges.groups(n, Grudges.randomMinority(n, rng));
      case "majorities-ring" -> g = Grudges.majoritiesRing(n, rng);
      case "bridge" -> g = Grudges.bridge(n, rng);
      case "one-way" -> {
        List<int[]> halves = Grudges.randomHalves(n, rng);
        g = Grudges.oneWay(n, halves.get(1), halves.get(0));
      }
      default -> {
        if (!shape.contains("|")) {
          throw new IllegalArgumentException("expected a partition: " + String.join(", ", PARTITION_SHAPES)
              + " or groups such as 'n1 n2 | n3 n4 n5', found '" + shape + "'");
        }
        List<int[]> groups = new ArrayList<>();
        for (String part : shape.split("\\|")) {
          groups.add(names(part.trim()));
        }
        g = Grudges.groups(n, groups);
      }
    }
    applyGrudge(g, shape);
  }

  /** Applies a grudge: {@code g[a][b]} means {@code a} drops what {@code b} sends. */
  public void applyGrudge(boolean[][] g, String asked) {
    Network net = sim.network();
    net.heal();
    Map<Object, Object> done = new LinkedHashMap<>();
    for (int a = 0; a < n; a++) {
      List<Object> from = new ArrayList<>();
      for (int b = 0; b < n; b++) {
        if (g[a][b]) {
          net.block(b, a);
          from.add(sim.name(b));
        }
      }
      if (!from.isEmpty()) {
        done.put(sim.name(a), EdnVector.copyOf(from));
      }
    }
    partitioned = true;
    count(FaultKind.PARTITION, done.size());
    record(START_PARTITION, specValue(asked),
        EdnVector.of(ISOLATED, Collections.unmodifiableMap(done)));
  }

  public void stopPartition() {
    sim.network().heal();
    partitioned = false;
    record(STOP_PARTITION, null, HEALED);
  }

  // ---- processes ----

  /** Crashes the targets at once (unsynced writes lost). */
  public void kill(String spec) {
    int[] t = targets(spec);
    for (int x : t) {
      sim.crash(x);
      killed[x] = true;
      paused[x] = false;
    }
    count(FaultKind.KILL, t.length);
    record(KILL, specValue(spec), nodeNames(t));
  }

  /** Stops the targets gracefully (their disks synced). */
  public void stop(String spec) {
    int[] t = targets(spec);
    for (int x : t) {
      sim.stop(x);
      killed[x] = true;
      paused[x] = false;
    }
    count(FaultKind.STOP, t.length);
    record(STOP, specValue(spec), nodeNames(t));
  }

  /** Restarts every node killed or stopped. */
  public void restart() {
    List<Integer> done = new ArrayList<>();
    for (int x = 0; x < n; x++) {
      if (killed[x] || sim.isDown(x)) {
        sim.restart(x);
        killed[x] = false;
        done.add(x);
      }
    }
    record(START, Keyword.of("all"), nodeNames(done.stream().mapToInt(Integer::intValue).toArray()));
  }

  /** Pauses the targets (SIGSTOP). */
  public void pause(String spec) {
    int[] t = targets(spec);
    List<Integer> done = new ArrayList<>();
    for (int x : t) {
      if (sim.isUp(x)) {
        sim.pause(x);
        paused[x] = true;
        done.add(x);
      }
    }
    count(FaultKind.PAUSE, done.size());
    record(PAUSE, specValue(spec), nodeNames(done.stream().mapToInt(Integer::intValue).toArray()));
  }

  /** Resumes every paused node. */
  public void resume() {
    List<Integer> done = new ArrayList<>();
    for (int x = 0; x < n; x++) {
      if (paused[x]) {
        sim.resume(x);
        paused[x] = false;
        done.add(x);
      }
    }
    record(RESUME, Keyword.of("all"), nodeNames(done.stream().mapToInt(Integer::intValue).toArray()));
  }

  // ---- clocks ----

  /** Jumps the targets' clocks by up to the configured bump, either way. */
  public void bumpClock(String spec) {
    if (spec.indexOf(':') >= 0) {
      Map<Object, Object> done = new LinkedHashMap<>();
      StepLog.perNode(spec, n, "", (x, delta) -> {
        bumpClock(x, delta);
        done.put(sim.name(x), EdnParser.box(delta / Durations.MS));
      });
      record(BUMP_CLOCK, spec, Collections.unmodifiableMap(done));
      return;
    }
    int[] t = targets(spec);
    Map<Object, Object> done = new LinkedHashMap<>();
    for (int x : t) {
      long delta = settings.maxBump() <= 0 ? 0 : rng.nextLong(-settings.maxBump(), settings.maxBump() + 1);
      bumpClock(x, delta);
      done.put(sim.name(x), EdnParser.box(delta / Durations.MS));
    }
    count(FaultKind.CLOCK, t.length);
    record(BUMP_CLOCK, specValue(spec), Collections.unmodifiableMap(done));
  }

  /** Jumps one node's clock by {@code delta} ns (without recording: see {@link #bumpClock(String)}). */
  void bumpClock(int node, long delta) {
    if (log != null) {
      log.clock(node, delta);
    }
    sim.clock(node).bump(delta);
    skewed[node] = true;
  }

  /** Makes the targets' clocks drift by up to the configured rate, either way. */
  public void driftClock(String spec) {
    if (spec.indexOf(':') >= 0) {
      Map<Object, Object> done = new LinkedHashMap<>();
      StepLog.perNode(spec, n, "ppm", (x, ppm) -> {
        sim.clock(x).drift(sim.now(), ppm);
        skewed[x] = true;
        done.put(sim.name(x), EdnParser.box(ppm));
      });
      record(DRIFT_CLOCK, spec, Collections.unmodifiableMap(done));
      return;
    }
    int[] t = targets(spec);
    Map<Object, Object> done = new LinkedHashMap<>();
    for (int x : t) {
      long ppm = settings.maxDriftPpm() <= 0 ? 0
          : rng.nextLong(-settings.maxDriftPpm(), settings.maxDriftPpm() + 1);
      sim.clock(x).drift(sim.now(), ppm);
      skewed[x] = true;
      done.put(sim.name(x), EdnParser.box(ppm));
    }
    count(FaultKind.CLOCK, t.length);
    record(DRIFT_CLOCK, specValue(spec), Collections.unmodifiableMap(done));
  }

  /** Resets every clock to the sim's time. */
  public void resetClock() {
    for (int x = 0; x < n; x++) {
      sim.clock(x).reset(sim.now());
      skewed[x] = false;
    }
    record(RESET_CLOCK, Keyword.of("all"), nodeNames(allNodes()));
  }

  private int[] allNodes() {
    int[] a = new int[n];
    for (int i = 0; i < n; i++) {
      a[i] = i;
    }
    return a;
  }

  // ---- packets and clogs ----

  /**
   * Loss, duplication, reordering and extra delay at the configured rates on every link to or from the targets
   * ({@code all}: every server link).
   */
  public void startPacket(String spec) {
    Network net = sim.network();
    Latency d = settings.delay();
    int[] t = targets(spec);
    boolean[] hit = new boolean[n];
    for (int x : t) {
      hit[x] = true;
    }
    net.setReorderBound(settings.reorderBound());
    for (int a = 0; a < n; a++) {
      for (int b = 0; b < n; b++) {
        if (a != b && (hit[a] || hit[b])) {
          net.setLinkLoss(a, b, settings.loss());
          net.setLinkPacket(a, b, settings.duplicate(), settings.reorder());
          if (d != null) {
            net.setLinkLatency(a, b, d);
          }
        }
      }
    }
    packet = true;
    count(FaultKind.PACKET, t.length);
    Map<Object, Object> done = new LinkedHashMap<>();
    done.put(Keyword.of("loss"), settings.loss());
    done.put(Keyword.of("duplicate"), settings.duplicate());
    done.put(Keyword.of("reorder"), settings.reorder());
    if (d != null) {
      done.put(Keyword.of("delay"), d.describe());
    }
    record(START_PACKET, specValue(spec), EdnVector.of(nodeNames(t), Collections.unmodifiableMap(done)));
  }

  public void stopPacket() {
    sim.network().resetPacketFaults();
    packet = false;
    record(STOP_PACKET, null, Keyword.of("all"));
  }

  /** Holds every message to and from the targets until {@link #stopClog()}. */
  public void startClog(String spec) {
    int[] t = targets(spec);
    Network net = sim.network();
    for (int x : t) {
      for (int y = 0; y < n; y++) {
        if (y != x) {
          net.clog(x, y);
          net.clog(y, x);
          clogged.add(new int[] {x, y});
          clogged.add(new int[] {y, x});
        }
      }
    }
    count(FaultKind.CLOG, t.length);
    record(START_CLOG, specValue(spec), nodeNames(t));
  }

  /** Releases every held message. */
  public void stopClog() {
    Network net = sim.network();
    for (int[] l : clogged) {
      net.unclog(l[0], l[1]);
    }
    clogged.clear();
    record(STOP_CLOG, null, Keyword.of("released"));
  }
}
