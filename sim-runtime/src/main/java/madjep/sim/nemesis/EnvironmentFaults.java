package madjep.sim.nemesis;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import madjep.history.edn.EdnParser;
import madjep.history.edn.EdnVector;
import madjep.history.edn.Keyword;
import madjep.sim.DiskFaults;
import madjep.sim.Regions;
import madjep.sim.Simulation;

/**
 * The nemesis's storage, resource, region and fault-point families ({@link FaultKind#CORRUPT} and after). Each start
 * and stop is recorded as a {@code :nemesis} op pair, like Jepsen's: the first {@code :info} holds what was asked (the
 * target spec), the second what was done, keyed by node name. The {@code :f} names and value shapes:
 *
 * <ul>
 *   <li>{@code :bitflip} {@code {"n1" {:file "raft.log.0" :offset 1234 :bit 5}}}; {@code :corrupt-sector} {@code
 *       {"n1" {:file F :sector 3}}}; {@code :truncate-file} {@code {"n1" {:file F :from 9000 :to 4211}}}; {@code
 *       :latent-sector} {@code {"n1" {:file F :sector 3}}}. Nodes the atlas protects, or with empty disks, are left
 *       out: an empty map means nothing could be hit.
 *   <li>{@code :start-disk-errors} {@code [["n1"] {:read-flip 0.05 :read-error 0.05 :misdirect 0.01}]}, {@code
 *       :stop-disk-errors} {@code :all}.
 *   <li>{@code :start-fsync-errors} {@code [["n1"] {:probability 0.1}]}, {@code :stop-fsync-errors} {@code :all}.
 *   <li>{@code :fill-disk} {@code {"n1" {:used 40960}}}, {@code :free-disk} {@code :all}.
 *   <li>{@code :start-slow-disk} {@code [["n1"] {:factor 10.0}]}, {@code :stop-slow-disk} {@code :all}.
 *   <li>{@code :start-slow-cpu} {@code [["n1"] {:factor 10.0}]}, {@code :stop-slow-cpu} {@code :all}.
 *   <li>{@code :start-memory-pressure} {@code {"n1" {:memory 81920 :budget 65536}}}, {@code :stop-memory-pressure}
 *       {@code :all}; then, from the simulation, {@code :oom-kill} {@code {"n1" {:memory 70000 :budget 65536}}} and
 *       {@code :oom-restart} {@code ["n1"]}.
 *   <li>{@code :start-region-partition} {@code {:region "eu-west" :nodes ["n2" "n5"]}}, {@code
 *       :stop-region-partition} {@code :all}; {@code :start-wan-degrade} {@code {:regions ["us-east" "eu-west"] :loss
 *       0.2 :delay "uniform 50ms 200ms"}}, {@code :stop-wan-degrade} {@code :all}.
 *   <li>{@code :start-buggify} {@code {:activation 0.25 :fire 0.25}}, {@code :stop-buggify} {@code :all}.
 * </ul>
 */
public final class EnvironmentFaults {
  static final Keyword BITFLIP = Keyword.of("bitflip");
  static final Keyword CORRUPT_SECTOR = Keyword.of("corrupt-sector");
  static final Keyword TRUNCATE_FILE = Keyword.of("truncate-file");
  static final Keyword LATENT_SECTOR = Keyword.of("latent-sector");
  private static final Keyword START_DISK_ERRORS = Keyword.of("start-disk-errors");
  private static final Keyword STOP_DISK_ERRORS = Keyword.of("stop-disk-errors");
  private static final Keyword START_FSYNC_ERRORS = Keyword.of("start-fsync-errors");
  private static final Keyword STOP_FSYNC_ERRORS = Keyword.of("stop-fsync-errors");
  private static final Keyword FILL_DISK = Keyword.of("fill-disk");
  private static final Keyword FREE_DISK = Keyword.of("free-disk");
  private static final Keyword START_SLOW_DISK = Keyword.of("start-slow-disk");
  private static final Keyword STOP_SLOW_DISK = Keyword.of("stop-slow-disk");
  private static final Keyword START_SLOW_CPU = Keyword.of("start-slow-cpu");
  private static final Keyword STOP_SLOW_CPU = Keyword.of("stop-slow-cpu");
  private static final Keyword START_MEMORY = Keyword.of("start-memory-pressure");
  private static final Keyword STOP_MEMORY = Keyword.of("stop-memory-pressure");
  private static final Keyword OOM_KILL = Keyword.of("oom-kill");
  private static final Keyword OOM_RESTART = Keyword.of("oom-restart");
  private static final Keyword START_REGION = Keyword.of("start-region-partition");
  private static final Keyword STOP_REGION = Keyword.of("stop-region-partition");
  private static final Keyword START_WAN = Keyword.of("start-wan-degrade");
  private static final Keyword STOP_WAN = Keyword.of("stop-wan-degrade");
  private static final Keyword START_BUGGIFY = Keyword.of("start-buggify");
  private static final Keyword STOP_BUGGIFY = Keyword.of("stop-buggify");
  private static final Keyword ALL = Keyword.of("all");

  private final Nemesis nemesis;
  private final Simulation sim;
  private final SplittableRandom rng;
  private final Environment env;
  private final int n;
  private final boolean[] diskErrors;
  private final boolean[] fsyncErrors;
  private final boolean[] full;
  private final boolean[] slowDisk;
  private final boolean[] slowCpu;
  private final boolean[] pressure;
  private boolean regionCut;
  private boolean wanDegraded;

  EnvironmentFaults(Nemesis nemesis, Simulation sim, SplittableRandom rng, Environment env) {
    this.nemesis = nemesis;
    this.sim = sim;
    this.rng = rng;
    this.env = env;
    this.n = sim.servers();
    diskErrors = new boolean[n];
    fsyncErrors = new boolean[n];
    full = new boolean[n];
    slowDisk = new boolean[n];
    slowCpu = new boolean[n];
    pressure = new boolean[n];
    sim.addFaultListener((node, event, detail) -> {
      if (event.equals("oom-kill")) {
        long[] d = (long[]) detail;
        nemesis.record(OOM_KILL, sim.name(node), perNode(node, kv(Keyword.of("memory"), EdnParser.box(d[0]),
            Keyword.of("budget"), EdnParser.box(d[1]))));
      } else if (event.equals("oom-restart")) {
        nemesis.record(OOM_RESTART, sim.name(node), nemesis.nodeNames(new int[] {node}));
      }
    });
  }

  boolean active(FaultKind kind) {
    return switch (kind) {
      case CORRUPT -> false;
      case DISK_ERRORS -> any(diskErrors);
      case FSYNC -> any(fsyncErrors);
      case DISK_FULL -> any(full);
      case SLOW_DISK -> any(slowDisk);
      case SLOW -> any(slowCpu);
      case MEMORY -> any(pressure);
      case REGION -> regionCut || wanDegraded;
      case BUGGIFY -> sim.faultPoints().enabled();
      default -> throw new IllegalArgumentException(kind.label());
    };
  }

  void start(FaultKind kind, String spec) {
    switch (kind) {
      case CORRUPT -> corrupt(spec);
      case DISK_ERRORS -> startDiskErrors(spec);
      case FSYNC -> startFsyncErrors(spec);
      case DISK_FULL -> fillDisk(spec);
      case SLOW_DISK -> startSlowDisk(spec);
      case SLOW -> startSlowCpu(spec);
      case MEMORY -> startMemoryPressure(spec);
      case REGION -> {
        if (rng.nextBoolean()) {
          startRegionPartition(null);
        } else {
          startWanDegrade(null, null);
        }
      }
      case BUGGIFY -> startBuggify();
      default -> throw new IllegalArgumentException(kind.label());
    }
  }

  void stop(FaultKind kind) {
    switch (kind) {
      case CORRUPT -> {}
      case DISK_ERRORS -> stopDiskErrors();
      case FSYNC -> stopFsyncErrors();
      case DISK_FULL -> freeDisk();
      case SLOW_DISK -> stopSlowDisk();
      case SLOW -> stopSlowCpu();
      case MEMORY -> stopMemoryPressure();
      case REGION -> {
        if (regionCut) {
          stopRegionPartition();
        }
        if (wanDegraded) {
          stopWanDegrade();
        }
      }
      case BUGGIFY -> stopBuggify();
      default -> throw new IllegalArgumentException(kind.label());
    }
  }

  private static boolean any(boolean[] a) {
    for (boolean b : a) {
      if (b) {
        return true;
      }
    }
    return false;
  }

  // ---- storage ----

  /** One kind of at-rest corruption, drawn at random, on each target the atlas allows. */
  public void corrupt(String spec) {
    Keyword[] kinds = {BITFLIP, CORRUPT_SECTOR, TRUNCATE_FILE, LATENT_SECTOR};
    corrupt(kinds[rng.nextInt(kinds.length)], spec);
  }

  /** At-rest corruption of kind {@code f} ({@code :bitflip} and the others) on each target the atlas allows. */
  public void corrupt(Keyword f, String spec) {
    int[] t = nemesis.targets(spec);
    Map<Object, Object> done = new LinkedHashMap<>();
    for (int x : t) {
      DiskFaults d = sim.storage(x);
      Map<Object, Object> what;
      if (f == BITFLIP) {
        what = d.flipBit();
      } else if (f == CORRUPT_SECTOR) {
        what = d.corruptSector();
      } else if (f == TRUNCATE_FILE) {
        what = d.truncate();
      } else {
        what = d.latentSector();
      }
      if (what != null) {
        done.put(sim.name(x), what);
      }
    }
    nemesis.count(FaultKind.CORRUPT, done.size());
    nemesis.record(f, Nemesis.specValue(spec), Collections.unmodifiableMap(done));
  }

  public void startDiskErrors(String spec) {
    StorageSettings s = env.storage();
    int[] t = nemesis.targets(spec);
    for (int x : t) {
      sim.storage(x).setErrorRates(s.readFlip(), s.readError(), s.misdirect());
      diskErrors[x] = true;
    }
    nemesis.count(FaultKind.DISK_ERRORS, t.length);
    nemesis.record(START_DISK_ERRORS, Nemesis.specValue(spec), EdnVector.of(nemesis.nodeNames(t),
        kv(Keyword.of("read-flip"), s.readFlip(), Keyword.of("read-error"), s.readError(), Keyword.of("misdirect"),
            s.misdirect())));
  }

  public void stopDiskErrors() {
    for (int x = 0; x < n; x++) {
      sim.storage(x).setErrorRates(0, 0, 0);
      diskErrors[x] = false;
    }
    nemesis.record(STOP_DISK_ERRORS, null, ALL);
  }

  public void startFsyncErrors(String spec) {
    double p = env.storage().fsyncFailure();
    int[] t = nemesis.targets(spec);
    for (int x : t) {
      sim.storage(x).setFsyncFailure(p);
      fsyncErrors[x] = true;
    }
    nemesis.count(FaultKind.FSYNC, t.length);
    nemesis.record(START_FSYNC_ERRORS, Nemesis.specValue(spec), EdnVector.of(nemesis.nodeNames(t),
        kv(Keyword.of("probability"), p)));
  }

  public void stopFsyncErrors() {
    for (int x = 0; x < n; x++) {
      sim.storage(x).setFsyncFailure(0);
      fsyncErrors[x] = false;
    }
    nemesis.record(STOP_FSYNC_ERRORS, null, ALL);
  }

  public void fillDisk(String spec) {
    int[] t = nemesis.targets(spec);
    Map<Object, Object> done = new LinkedHashMap<>();
    for (int x : t) {
      sim.storage(x).fill();
      full[x] = true;
      done.put(sim.name(x), kv(Keyword.of("used"), EdnParser.box(sim.disk(x).used())));
    }
    nemesis.count(FaultKind.DISK_FULL, t.length);
    nemesis.record(FILL_DISK, Nemesis.specValue(spec), Collections.unmodifiableMap(done));
  }

  public void freeDisk() {
    for (int x = 0; x < n; x++) {
      sim.storage(x).setCapacity(env.storage().capacity());
      full[x] = false;
    }
    nemesis.record(FREE_DISK, null, ALL);
  }

  public void startSlowDisk(String spec) {
    double f = env.storage().slowFactor();
    int[] t = nemesis.targets(spec);
    for (int x : t) {
      sim.storage(x).setSlowFactor(f);
      slowDisk[x] = true;
    }
    nemesis.count(FaultKind.SLOW_DISK, t.length);
    nemesis.record(START_SLOW_DISK, Nemesis.specValue(spec), EdnVector.of(nemesis.nodeNames(t),
        kv(Keyword.of("factor"), f)));
  }

  public void stopSlowDisk() {
    for (int x = 0; x < n; x++) {
      sim.storage(x).setSlowFactor(1);
      slowDisk[x] = false;
    }
    nemesis.record(STOP_SLOW_DISK, null, ALL);
  }

  // ---- resources ----

  public void startSlowCpu(String spec) {
    double f = env.resources().slowFactor();
    int[] t = nemesis.targets(spec);
    for (int x : t) {
      sim.setSlowFactor(x, f);
      slowCpu[x] = true;
    }
    nemesis.count(FaultKind.SLOW, t.length);
    nemesis.record(START_SLOW_CPU, Nemesis.specValue(spec), EdnVector.of(nemesis.nodeNames(t),
        kv(Keyword.of("factor"), f)));
  }

  public void stopSlowCpu() {
    for (int x = 0; x < n; x++) {
      sim.setSlowFactor(x, 1);
      slowCpu[x] = false;
    }
    nemesis.record(STOP_SLOW_CPU, null, ALL);
  }

  /** The targets' budgets drop below what they use, so the next growth is killed. */
  public void startMemoryPressure(String spec) {
    int[] t = nemesis.targets(spec);
    Map<Object, Object> done = new LinkedHashMap<>();
    for (int x : t) {
      long used = sim.memory(x);
      long budget = Math.max(1, Math.round(used * env.resources().memoryPressure()));
      pressure[x] = true;
      done.put(sim.name(x), kv(Keyword.of("memory"), EdnParser.box(used), Keyword.of("budget"),
          EdnParser.box(budget)));
      sim.setMemoryBudget(x, budget);
    }
    nemesis.count(FaultKind.MEMORY, t.length);
    nemesis.record(START_MEMORY, Nemesis.specValue(spec), Collections.unmodifiableMap(done));
  }

  public void stopMemoryPressure() {
    for (int x = 0; x < n; x++) {
      sim.setMemoryBudget(x, env.resources().memoryBudget());
      pressure[x] = false;
    }
    nemesis.record(STOP_MEMORY, null, ALL);
  }

  // ---- regions ----

  private Regions regions() {
    Regions r = sim.regions();
    if (r == null) {
      throw new IllegalArgumentException("region faults need regions ([regions] names and rtt)");
    }
    return r;
  }

  private int region(Regions r, String name) {
    int i = r.names().indexOf(name);
    if (i < 0) {
      throw new IllegalArgumentException("expected a region of " + r.names() + ", found '" + name + "'");
    }
    return i;
  }

  /** Cuts region {@code name} (null: a random region) off from every other, clients included. */
  public void startRegionPartition(String name) {
    Regions r = regions();
    int x = name == null ? rng.nextInt(r.count()) : region(r, name);
    sim.network().cutRegion(x);
    regionCut = true;
    nemesis.count(FaultKind.REGION, r.servers(x, n).length);
    nemesis.record(START_REGION, name == null ? Keyword.of("random") : name, kv(Keyword.of("region"),
        r.names().get(x), Keyword.of("nodes"), nemesis.nodeNames(r.servers(x, n))));
  }

  public void stopRegionPartition() {
    sim.network().healRegions();
    regionCut = false;
    nemesis.record(STOP_REGION, null, ALL);
  }

  /** Adds loss and delay between regions {@code a} and {@code b} (null: a random pair). */
  public void startWanDegrade(String a, String b) {
    Regions r = regions();
    if (r.count() < 2) {
      throw new IllegalArgumentException("a degraded link needs two regions, found " + r.names());
    }
    int x;
    int y;
    if (a == null) {
      x = rng.nextInt(r.count());
      y = (x + 1 + rng.nextInt(r.count() - 1)) % r.count();
    } else {
      x = region(r, a);
      y = region(r, b);
    }
    RegionSettings s = env.regions();
    sim.network().degradeRegions(x, y, s.degradeLoss(), s.degradeDelay());
    wanDegraded = true;
    nemesis.count(FaultKind.REGION, r.servers(x, n).length + r.servers(y, n).length);
    nemesis.record(START_WAN, a == null ? Keyword.of("random") : EdnVector.of(a, b), kv(Keyword.of("regions"),
        EdnVector.of(r.names().get(x), r.names().get(y)), Keyword.of("loss"), s.degradeLoss(), Keyword.of("delay"),
        s.degradeDelay().describe()));
  }

  public void stopWanDegrade() {
    sim.network().restoreRegions();
    wanDegraded = false;
    nemesis.record(STOP_WAN, null, ALL);
  }

  // ---- fault points ----

  public void startBuggify() {
    CheckSettings c = env.checks();
    sim.faultPoints().setProbabilities(c.buggifyActivation(), c.buggifyFire());
    sim.faultPoints().setEnabled(true);
    nemesis.count(FaultKind.BUGGIFY, n);
    nemesis.record(START_BUGGIFY, ALL, kv(Keyword.of("activation"), c.buggifyActivation(), Keyword.of("fire"),
        c.buggifyFire()));
  }

  public void stopBuggify() {
    sim.faultPoints().setEnabled(false);
    nemesis.record(STOP_BUGGIFY, null, ALL);
  }

  // ---- values ----

  private Map<Object, Object> perNode(int node, Object value) {
    Map<Object, Object> m = new LinkedHashMap<>();
    m.put(sim.name(node), value);
    return Collections.unmodifiableMap(m);
  }

  private static Map<Object, Object> kv(Object... kv) {
    Map<Object, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return Collections.unmodifiableMap(m);
  }
}
