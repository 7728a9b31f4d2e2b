package madjep.sim.scenario;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import madjep.sim.Durations;
import madjep.sim.nemesis.FaultKind;
import madjep.sim.nemesis.FaultSettings;
import madjep.sim.nemesis.Schedule;

/**
 * The scenarios that ship with MadJep ({@code madjep sim list}): the correct {@code raft-kv} under every fault, the
 * same store with one seeded bug each (and the faults that expose it), and raft-kv under the other workloads.
 */
public final class Bundled {
  /** A bundled scenario and what it is for. */
  public record Entry(Scenario scenario, String description, boolean expectValid) {}

  private static final Map<String, Entry> ENTRIES = new LinkedHashMap<>();

  static {
    Scenario base = Scenario.builder("raft-kv").faults(FaultSettings.standard().withInterval(Durations.s(2)))
        .build();
    add(base, "Raft KV store, cas-register per key, under every fault (partitions, crashes, stops, pauses, "
        + "clock skew, packet loss/duplication/reordering, clogs)", true);
    add(base.toBuilder().name("raft-kv-stale-read").bug("stale-read")
            .faults(FaultSettings.standard().withInterval(Durations.s(1))
                .withKinds(EnumSet.of(FaultKind.PARTITION, FaultKind.PAUSE, FaultKind.KILL))
                .withPartitions(List.of("primaries", "one", "halves")).withTargets(List.of("primaries", "one")))
            .schedule(new Schedule.Trigger("leader", "isolate", Durations.s(3)))
            .build(),
        "seeded bug: a leader answers reads without confirming it still leads", false);
    add(base.toBuilder().name("raft-kv-unsynced-ack").bug("unsynced-ack")
            .faults(FaultSettings.standard().withInterval(Durations.s(1))
                .withKinds(EnumSet.of(FaultKind.KILL, FaultKind.PARTITION)).withTargets(List.of("all", "majority")))
            .build(),
        "seeded bug: writes are acknowledged before fsync, so a crash loses them", false);
    add(base.toBuilder().name("raft-kv-small-quorum").bug("small-quorum")
            .faults(FaultSettings.standard().withInterval(Durations.s(1))
                .withKinds(EnumSet.of(FaultKind.PARTITION)).withPartitions(List.of("primaries", "halves", "one")))
            .build(),
        "seeded bug: a leader commits once half the cluster (rounded down) has an entry", false);
    add(base.toBuilder().name("raft-kv-lease-read").bug("lease-read")
            .faults(FaultSettings.standard().withInterval(Durations.s(2))
                .withKinds(EnumSet.of(FaultKind.CLOCK, FaultKind.PARTITION))
                .withPartitions(List.of("primaries")).withTargets(List.of("primaries")))
            .build(),
        "seeded bug: a leader answers reads under a lease timed by its wall clock, which clock faults move", false);
    add(base.toBuilder().name("raft-kv-list-append").workload("list-append").build(),
        "Raft KV store, list-append transactions (Elle), under every fault", true);
    add(base.toBuilder().name("raft-kv-rw-register").workload("rw-register").build(),
        "Raft KV store, rw-register transactions (Elle), under every fault", true);
    add(base.toBuilder().name("raft-kv-bank").workload("bank").build(),
        "Raft KV store, bank transfers, under every fault", true);
    add(base.toBuilder().name("raft-kv-set").workload("set").build(),
        "Raft KV store, set adds and a final read, under every fault", true);
    add(base.toBuilder().name("raft-kv-mutex").workload("mutex").build(),
        "Raft KV store used as a lock, under every fault", true);
    add(base.toBuilder().name("raft-kv-swarm").faultMode("swarm").build(),
        "Raft KV store, cas-register per key, faults and rates drawn from the seed (swarm testing)", true);
  }

  private Bundled() {}

  private static void add(Scenario s, String description, boolean expectValid) {
    ENTRIES.put(s.name(), new Entry(s, description, expectValid));
  }

  /** Every bundled scenario, in listing order. */
  public static List<Entry> all() {
    return List.copyOf(ENTRIES.values());
  }

  /** The bundled scenario called {@code name}, or null. */
  public static Entry get(String name) {
    return ENTRIES.get(name);
  }
}
