package madjep.systems.raft;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import madjep.sim.Durations;
import madjep.sim.Invariant;
import madjep.sim.Latency;
import madjep.sim.Node;
import madjep.sim.NodeFactory;
import madjep.sim.nemesis.Environment;
import madjep.sim.nemesis.FaultKind;
import madjep.sim.nemesis.FaultSettings;
import madjep.sim.nemesis.RegionSettings;
import madjep.sim.nemesis.Schedule;
import madjep.sim.scenario.Bundled;
import madjep.sim.scenario.Scenario;
import madjep.sim.scenario.SystemProvider;
import madjep.sim.workload.LivenessSettings;

/**
 * {@code raft-kv}, registered with {@link java.util.ServiceLoader}: the correct store under every fault, the same
 * store with one seeded bug each (and the faults that expose it), and the store under the other workloads.
 */
public final class RaftKvProvider implements SystemProvider {
  static final String NAME = "raft-kv";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "a Raft-replicated key-value store (leader election, log replication, durable log, snapshots)";
  }

  @Override
  public List<String> bugs() {
    return RaftConfig.BUGS;
  }

  @Override
  public NodeFactory factory(Scenario s) {
    RaftConfig cfg = RaftConfig.defaults().withBug(s.bug())
        .withMachine(s.accounts(), s.total(), s.workload().equals("set"));
    return new NodeFactory() {
      @Override
      public Node create(int id) {
        return new RaftNode(id, cfg);
      }

      @Override
      public List<Invariant.Named> invariants() {
        return RaftInvariants.all();
      }
    };
  }

  /** The bundled raft-kv scenario: 20 s of the standard fault mix, a step every 2 s on average. */
  public static Scenario base() {
    return Scenario.builder(NAME).system(NAME).faults(FaultSettings.standard().withInterval(Durations.s(2))).build();
  }

  @Override
  public List<Bundled.Entry> scenarios() {
    List<Bundled.Entry> out = new ArrayList<>();
    Scenario base = base();
    out.add(new Bundled.Entry(base, "Raft KV store, cas-register per key, under every fault (partitions, crashes, "
        + "stops, pauses, clock skew, packet loss/duplication/reordering, clogs)", true));
    out.add(new Bundled.Entry(base.toBuilder().name("raft-kv-stale-read").bug("stale-read")
            .faults(FaultSettings.standard().withInterval(Durations.s(1))
                .withKinds(EnumSet.of(FaultKind.PARTITION, FaultKind.PAUSE, FaultKind.KILL))
                .withPartitions(List.of("primaries", "one", "halves")).withTargets(List.of("primaries", "one")))
            .schedule(new Schedule.Trigger("leader", "isolate", Durations.s(3)))
            .build(),
        "seeded bug: a leader answers reads without confirming it still leads", false));
    out.add(new Bundled.Entry(base.toBuilder().name("raft-kv-unsynced-ack").bug("unsynced-ack")
            .faults(FaultSettings.standard().withInterval(Durations.s(1))
                .withKinds(EnumSet.of(FaultKind.KILL, FaultKind.PARTITION)).withTargets(List.of("all", "majority")))
            .build(),
        "seeded bug: writes are acknowledged before fsync, so a crash loses them", false));
    out.add(new Bundled.Entry(base.toBuilder().name("raft-kv-small-quorum").bug("small-quorum")
            .faults(FaultSettings.standard().withInterval(Durations.s(1))
                .withKinds(EnumSet.of(FaultKind.PARTITION)).withPartitions(List.of("primaries", "halves", "one")))
            .build(),
        "seeded bug: a leader commits once half the cluster (rounded down) has an entry", false));
    out.add(new Bundled.Entry(base.toBuilder().name("raft-kv-lease-read").bug("lease-read")
            .faults(FaultSettings.standard().withInterval(Durations.s(2))
                .withKinds(EnumSet.of(FaultKind.CLOCK, FaultKind.PARTITION))
                .withPartitions(List.of("primaries")).withTargets(List.of("primaries")))
            .build(),
        "seeded bug: a leader answers reads under a lease timed by its wall clock, which clock faults move", false));
    out.add(new Bundled.Entry(base.toBuilder().name("raft-kv-list-append").workload("list-append").build(),
        "Raft KV store, list-append transactions (Elle), under every fault", true));
    out.add(new Bundled.Entry(base.toBuilder().name("raft-kv-rw-register").workload("rw-register").build(),
        "Raft KV store, rw-register transactions (Elle), under every fault", true));
    out.add(new Bundled.Entry(base.toBuilder().name("raft-kv-bank").workload("bank").build(),
        "Raft KV store, bank transfers, under every fault", true));
    out.add(new Bundled.Entry(base.toBuilder().name("raft-kv-set").workload("set").build(),
        "Raft KV store, set adds and a final read, under every fault", true));
    out.add(new Bundled.Entry(base.toBuilder().name("raft-kv-mutex").workload("mutex").build(),
        "Raft KV store used as a lock, under every fault", true));
    out.add(new Bundled.Entry(base.toBuilder().name("raft-kv-swarm").faultMode("swarm").build(),
        "Raft KV store, cas-register per key, faults and rates drawn from the seed (swarm testing)", true));
    out.addAll(faultModel(base));
    return out;
  }

  /** Three AWS regions, CPU modelled, slow fsyncs: the world of the every-fault scenario. */
  static Environment wide() {
    Environment e = Environment.defaults();
    return e.withRegions(RegionSettings.aws3())
        .withStorage(e.storage().withLatencies(null, null, new Latency.Uniform(Durations.US * 500, Durations.ms(2))))
        .withResources(e.resources().withEventCost(new Latency.Uniform(Durations.US * 5, Durations.US * 30)));
  }

  /**
   * CPU not modelled except on a slowed node, whose every event then takes 140 ms: between the fixed-election-timeout
   * bug's 100 ms and the correct store's shortest timeout, 150 ms.
   */
  static Environment slowCpu() {
    Environment e = Environment.defaults();
    return e.withResources(e.resources().withSlow(140, Durations.MS));
  }

  /** The correct store under every fault family, and one seeded bug per new family with the faults that expose it. */
  static List<Bundled.Entry> faultModel(Scenario base) {
    List<Bundled.Entry> out = new ArrayList<>();
    out.add(new Bundled.Entry(base.toBuilder().name("raft-kv-every-fault").faults(FaultSettings.all()
            .withInterval(Durations.s(1))).environment(wide()).build(),
        "Raft KV store in three regions (CPU and fsync latency modelled) under every fault family: network, "
            + "processes, clocks, storage corruption, disk errors, fsync failures, full and slow disks, slow CPUs, "
            + "memory pressure, region partitions, fault points", true));
    out.add(new Bundled.Entry(base.toBuilder().name("raft-kv-no-checksum").bug("no-checksum").workload("set")
            .faults(FaultSettings.standard().withInterval(Durations.ms(700))
                .withKinds(EnumSet.of(FaultKind.CORRUPT, FaultKind.KILL)).withTargets(List.of("all", "majority")))
            .build(),
        "seeded bug: the log is read back without checksums, so corrupted entries are applied and served", false));
    Environment fsyncs = Environment.defaults();
    out.add(new Bundled.Entry(base.toBuilder().name("raft-kv-ignore-fsync-errors").bug("ignore-fsync-errors")
            .faults(FaultSettings.standard().withInterval(Durations.ms(700))
                .withKinds(EnumSet.of(FaultKind.FSYNC, FaultKind.KILL)).withTargets(List.of("all", "majority")))
            .environment(fsyncs.withStorage(fsyncs.storage().withRates(0.05, 0.05, 0.01, 0.3)))
            .build(),
        "seeded bug: a failed fsync is ignored and its entries acknowledged; the page cache dropped them, so a "
            + "crash loses acknowledged writes", false));
    out.add(new Bundled.Entry(base.toBuilder().name("raft-kv-local-read").bug("local-read")
            .faults(FaultSettings.standard().withInterval(Durations.s(1))
                .withKinds(EnumSet.of(FaultKind.REGION, FaultKind.PARTITION)))
            .environment(Environment.defaults().withRegions(RegionSettings.aws3()))
            .build(),
        "seeded bug: a follower whose leader is in another region serves reads from its own, lagging, state", false));
    out.add(new Bundled.Entry(base.toBuilder().name("raft-kv-fixed-election-timeout").bug("fixed-election-timeout")
            .faults(FaultSettings.standard().withInterval(Durations.s(1))
                .withKinds(EnumSet.of(FaultKind.SLOW, FaultKind.CLOCK, FaultKind.PACKET)))
            .liveness(LivenessSettings.defaults().withDegraded(List.of("slow"), "one"))
            .environment(slowCpu())
            .build(),
        "seeded bug: every node's election timeout is one fixed 100 ms, shorter than a slowed node's 140 ms per "
            + "event: the slowed node campaigns on every timer it handles and the others split their votes in step, "
            + "so no leader lasts", false));
    return out;
  }
}
