package madjep.sim.blocking.kv;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import madjep.sim.Durations;
import madjep.sim.HistoryRecorder;
import madjep.sim.Network;
import madjep.sim.Simulation;
import madjep.sim.Streams;
import madjep.sim.Trace;
import madjep.sim.blocking.BlockingNodeFactory;
import madjep.sim.nemesis.FaultKind;
import madjep.sim.nemesis.FaultSettings;
import madjep.sim.nemesis.Nemesis;
import madjep.sim.nemesis.Schedule;
import madjep.sim.scenario.Scenario;
import madjep.sim.scenario.SimResult;
import madjep.sim.scenario.Workloads;
import madjep.sim.workload.Clients;
import madjep.sim.workload.Workload;

/**
 * The blocking store's scenarios, {@code kv-blocking} and {@code kv-blocking-early-ack}, and a runner for them wired
 * as {@code SimRunner} wires raft-kv (same streams, clients, nemesis and phases, so a seed means the same faults and
 * ops): until scenarios can name any system, this is how they run.
 */
public final class KvScenarios {
  private KvScenarios() {}

  /** The system name scenarios use. */
  public static final String SYSTEM = "kv-blocking";

  /** The correct store under the standard fault mix, as raft-kv runs. */
  public static final Scenario CORRECT = Scenario.builder("kv-blocking").system(SYSTEM)
      .faults(FaultSettings.standard().withInterval(Durations.s(2))).build();

  /** The early-ack bug under crashes and partitions of the primaries, which lose what only the leader had. */
  public static final Scenario EARLY_ACK = CORRECT.toBuilder().name("kv-blocking-early-ack").bug("early-ack")
      .faults(FaultSettings.standard().withInterval(Durations.s(1))
          .withKinds(EnumSet.of(FaultKind.KILL, FaultKind.PARTITION)).withTargets(List.of("primaries", "one")))
      .build();

  /** The node factory of a {@code kv-blocking} scenario, with its bug and state-machine settings. */
  public static BlockingNodeFactory factory(Scenario s) {
    if (!s.system().equals(SYSTEM)) {
      throw new IllegalArgumentException("expected system " + SYSTEM + ", found '" + s.system() + "'");
    }
    KvConfig cfg = KvConfig.defaults().withBug(s.bug()).withMachine(s.accounts(), s.total(),
        s.workload().equals("set"));
    return BlockingNodeFactory.of(id -> new KvNode(id, cfg));
  }

  /** Runs a scenario (fault mode none or mix) of any system made by {@code system}. */
  public static SimResult run(Scenario s, madjep.sim.NodeFactory system) {
    if (s.faultMode().equals("swarm") || !s.links().isEmpty()) {
      throw new IllegalArgumentException("swarm mode and per-link rules are not wired here");
    }
    Streams streams = new Streams(s.seed());
    Trace trace = new Trace(true);
    Simulation sim = new Simulation(streams, s.nodes(), system, trace);
    HistoryRecorder history = new HistoryRecorder(sim, "sim:" + s.name() + ":" + s.seed());
    Workload workload = Workloads.of(s);
    Clients clients = new Clients(sim, workload, history, s.clients());
    sim.start();
    Network net = sim.network();
    net.setLatency(s.latency());
    net.setClientLatency(s.clientLatency());
    net.setLoss(s.loss());
    net.markBaseline();
    FaultSettings faults = s.faultMode().equals("none") ? s.faults().withKinds(EnumSet.noneOf(FaultKind.class))
        : s.faults();
    Nemesis nemesis = new Nemesis(sim, history, streams.of(Streams.Component.NEMESIS), faults);
    long end = s.duration();
    if (s.faultMode().equals("mix")) {
      new Schedule.Mix().install(sim, nemesis, streams.of(Streams.Component.SCHEDULE), 0, end);
    }
    s.schedule().install(sim, nemesis, streams.of(Streams.Component.SCHEDULE), 0, end);
    clients.run(0, end);
    sim.at(end, nemesis::healAll);
    long finalsAt = end + s.quiet();
    clients.runFinals(finalsAt, finalsAt + s.finals());
    sim.runUntil(finalsAt + s.finals() + s.clients().timeout() + 1);
    Map<String, Long> stats = new LinkedHashMap<>();
    stats.put("events", sim.eventCount());
    stats.put("ops-completed", clients.completed());
    stats.put("ops-crashed", clients.crashedOps());
    return new SimResult(s, history.build(), trace.text(), workload.check(), sim.eventCount(), sim.eventHash(),
        sim.now(), faults.toString(), stats);
  }

  /** Runs a {@code kv-blocking} scenario. */
  public static SimResult run(Scenario s) {
    return run(s, factory(s));
  }
}
