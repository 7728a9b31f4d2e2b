package madjep.systems.curp;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import madjep.sim.Durations;
import madjep.sim.Latency;
import madjep.sim.NodeFactory;
import madjep.sim.nemesis.Environment;
import madjep.sim.nemesis.FaultKind;
import madjep.sim.nemesis.FaultSettings;
import madjep.sim.nemesis.RegionSettings;
import madjep.sim.nemesis.Schedule;
import madjep.sim.nemesis.Step;
import madjep.sim.scenario.Bundled;
import madjep.sim.scenario.Scenario;
import madjep.sim.workload.ClientSettings;

/**
 * {@code curp-kv}, registered with {@link java.util.ServiceLoader}: the correct CURP store, the same store with
 * Xline's two Jepsen findings seeded (and the faults that expose them), the native 1-RTT API, and Xline's own
 * simulation scenarios as explicit fault steps. Every scenario spreads five nodes over three WAN regions.
 */
public final class CurpKvProvider implements madjep.sim.scenario.SystemProvider {
  static final String NAME = "curp-kv";

  /**
   * Three AWS regions ({@link RegionSettings#aws3()}: us-east, eu-west and ap-southeast, round trips of 81, 217 and
   * 239 ms) holding {@code nodes} servers by thirds (five nodes: n1 n2 in us-east, n3 n4 in eu-west, n5 in
   * ap-southeast), and clients dealt out to the regions in turn; each client opens its session at a server of its
   * own region.
   */
  public static RegionSettings regions(int nodes) {
    List<String> placement = new ArrayList<>();
    for (int i = 0; i < nodes; i++) {
      placement.add(RegionSettings.aws3().names().get(i * 3 / nodes));
    }
    return RegionSettings.aws3().withPlacement(placement, List.of());
  }

  /** {@link #regions(int)} for {@code nodes} servers, and nothing else changed from the defaults. */
  private static Environment wan(int nodes) {
    return Environment.defaults().withRegions(regions(nodes));
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "a CURP key-value store (Xline's shape): witnesses, 1-RTT fast path, after-sync, recovery from witnesses";
  }

  @Override
  public List<String> bugs() {
    return CurpConfig.BUGS;
  }

  @Override
  public NodeFactory factory(Scenario s) {
    String w = s.workload();
    if (!List.of("register", "kv", "list-append", "append").contains(w)) {
      throw new IllegalArgumentException("workload: curp-kv runs register, kv, list-append and append, found '" + w
          + "'");
    }
    return new CurpKv(CurpConfig.defaults().withBug(s.bug()).withEtcdTxns(w.equals("append")));
  }

  /**
   * The bundled curp-kv scenario: etcd's append workload on 30 keys over five nodes in three regions, 20 s of the
   * standard fault mix; 20 clients wait up to 3 s (the slow path takes two WAN round trips, an election more).
   */
  public static Scenario base() {
    return Scenario.builder(NAME).system(NAME).workload("append").keys(30).environment(wan(5))
        .clients(new ClientSettings(20, 200, Durations.s(3), Durations.ms(10)))
        .faults(FaultSettings.standard().withInterval(Durations.s(2))).build();
  }

  /** Crashes and leader isolation, a step a second on average: what recovery and restarts are made of. */
  private static FaultSettings crashes() {
    return FaultSettings.standard().withInterval(Durations.s(1))
        .withKinds(EnumSet.of(FaultKind.KILL, FaultKind.PARTITION))
        .withTargets(List.of("primaries", "one", "minority")).withPartitions(List.of("primaries", "one"));
  }

  /** An Xline simulation test: no random faults, only these steps, on the register workload. */
  private static Scenario xline(String name, String... steps) {
    List<Step> s = new ArrayList<>();
    for (String x : steps) {
      s.add(Step.parse(x));
    }
    return base().toBuilder().name(name).workload("register").faultMode("none").schedule(new Schedule.Steps(s))
        .build();
  }

  @Override
  public List<Bundled.Entry> scenarios() {
    List<Bundled.Entry> out = new ArrayList<>();
    Scenario base = base();
    out.add(new Bundled.Entry(base, "CURP KV store in three WAN regions, etcd's append workload (range read, then a "
        + "revision-guarded txn) checked strict-serializable with revisions, under every fault", true));
    out.add(new Bundled.Entry(base.toBuilder().name("curp-kv-register").workload("register").build(),
        "CURP KV store, cas-register per key on the 1-RTT fast path, under every fault", true));
    out.add(new Bundled.Entry(base.toBuilder().name("curp-kv-list-append").workload("list-append").build(),
        "CURP KV store, list-append transactions as single fast-path commands (Elle), under every fault", true));
    out.add(new Bundled.Entry(base.toBuilder().name("curp-kv-state-before-log").bug("state-before-log")
            .workload("list-append").faults(crashes()).build(),
        "Xline finding A: the state is synced before the log that says how far it is applied, so a restarted node "
            + "applies entries twice (duplicate elements)", false));
    out.add(new Bundled.Entry(base.toBuilder().name("curp-kv-read-no-wait").bug("read-no-wait").workload("register")
            .faults(crashes()).build(),
        "Xline finding A: reads are answered without waiting for earlier log entries to be applied (stale reads)",
        false));
    out.add(new Bundled.Entry(base.toBuilder().name("curp-kv-local-revision").bug("local-revision")
            .faults(crashes()).build(),
        "Xline finding B: nodes number revisions as they execute, and the fast path returns the leader's own (nodes "
            + "disagree on a write's revision)", false));
    out.add(new Bundled.Entry(base.toBuilder().name("curp-kv-native").bug("native").keys(100).faults(crashes())
            .build(),
        "the native 1-RTT API: txns complete before they are ordered, so revisions may contradict real time "
            + "(INVALID for strict serializability; serializability holds)", false));
    out.add(new Bundled.Entry(xline("curp-xline-leader-crash", "4s kill primaries", "9s start"),
        "Xline sim test: the leader crashes and comes back; a new leader recovers and serves", true));
    out.add(new Bundled.Entry(xline("curp-xline-follower-crash", "4s kill follower", "9s start"),
        "Xline sim test: a follower crashes and comes back, catching up", true));
    out.add(new Bundled.Entry(xline("curp-xline-leader-and-follower-crash", "4s kill primaries",
            "4s kill follower", "10s start"),
        "Xline sim test: the leader and a follower crash at once; the three left elect a leader and serve", true));
    out.add(new Bundled.Entry(xline("curp-xline-recover-speculative", "4s start-partition primaries",
            "9s stop-partition", "12s kill primaries", "15s start"),
        "Xline sim test: the leader, cut from the others but not from clients, completes commands on the fast path; "
            + "the new leader recovers those that a recover-quorum of witnesses hold, and only those", true));
    out.add(new Bundled.Entry(xline("curp-xline-old-leader-rejoins", "4s start-partition primaries",
            "10s stop-partition"),
        "Xline sim test: an isolated old leader rejoins and takes the new leader's log, keeping no state of its own",
        true));
    out.add(new Bundled.Entry(xline("curp-xline-minority-crash-9", "4s kill n6,n7,n8,n9", "12s start").toBuilder()
            .nodes(9).environment(wan(9)).build(),
        "Xline sim test: 4 of 9 nodes crash; 5 still commit (no super-quorum of 7: every command takes the slow "
            + "path)", true));
    out.add(new Bundled.Entry(xline("curp-xline-compaction-recovery", "3s kill follower", "16s start"),
        "Xline sim test: a follower down while the log is compacted catches up from a snapshot", true));
    out.add(new Bundled.Entry(everyFault(base), "CURP KV store in three regions (CPU and fsync latency modelled) "
        + "under every fault family: network, processes, clocks, storage corruption, disk errors, fsync failures, full "
        + "and slow disks, slow CPUs, memory pressure, region partitions, fault points", true));
    return out;
  }

  /** The correct store under every fault family, a step a second, with CPU time and fsync latency modelled. */
  static Scenario everyFault(Scenario base) {
    Environment e = base.environment();
    Latency fsync = new Latency.Uniform(Durations.US * 500, Durations.ms(2));
    Latency cpu = new Latency.Uniform(Durations.US * 5, Durations.US * 30);
    return base.toBuilder().name("curp-kv-every-fault").faults(FaultSettings.all().withInterval(Durations.s(1)))
        .environment(e.withStorage(e.storage().withLatencies(null, null, fsync))
            .withResources(e.resources().withEventCost(cpu)))
        .build();
  }
}
