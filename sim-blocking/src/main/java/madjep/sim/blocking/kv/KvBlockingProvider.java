package madjep.sim.blocking.kv;

import java.util.EnumSet;
import java.util.List;
import madjep.sim.Durations;
import madjep.sim.NodeFactory;
import madjep.sim.blocking.BlockingNodeFactory;
import madjep.sim.nemesis.FaultKind;
import madjep.sim.nemesis.FaultSettings;
import madjep.sim.scenario.Bundled;
import madjep.sim.scenario.Scenario;
import madjep.sim.scenario.SystemProvider;

/**
 * {@code kv-blocking}, registered with {@link java.util.ServiceLoader} as the {@code systems} module registers
 * raft-kv (this module needs JDK 21, so it ships its system itself): the blocking-style Raft store under every fault,
 * and the same store with its early-ack bug under the crashes and partitions that expose it.
 */
public final class KvBlockingProvider implements SystemProvider {
  /** The system's name in scenarios. */
  public static final String NAME = "kv-blocking";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "a Raft key-value store written as blocking Java (tasks on virtual threads: an election task, a "
        + "replicator per peer over ctx.call, a task per request)";
  }

  @Override
  public List<String> bugs() {
    return List.of("early-ack");
  }

  @Override
  public NodeFactory factory(Scenario s) {
    KvConfig cfg = KvConfig.defaults().withBug(s.bug()).withMachine(s.accounts(), s.total(),
        s.workload().equals("set"));
    return BlockingNodeFactory.of(id -> new KvNode(id, cfg));
  }

  /** The correct store's scenario: raft-kv's (20 s of the standard fault mix, a step every 2 s on average). */
  public static Scenario base() {
    return Scenario.builder(NAME).system(NAME).faults(FaultSettings.standard().withInterval(Durations.s(2))).build();
  }

  /** The early-ack bug under crashes and partitions of the primaries, which lose what only the leader had. */
  public static Scenario earlyAck() {
    return base().toBuilder().name(NAME + "-early-ack").bug("early-ack")
        .faults(FaultSettings.standard().withInterval(Durations.s(1))
            .withKinds(EnumSet.of(FaultKind.KILL, FaultKind.PARTITION)).withTargets(List.of("primaries", "one")))
        .build();
  }

  @Override
  public List<Bundled.Entry> scenarios() {
    return List.of(
        new Bundled.Entry(base(), "blocking-style Raft KV store, cas-register per key, under every fault (needs "
            + "JDK 21+)", true),
        new Bundled.Entry(earlyAck(), "seeded bug: a leader acknowledges writes before a majority has them "
            + "(blocking-style store)", false));
  }
}
