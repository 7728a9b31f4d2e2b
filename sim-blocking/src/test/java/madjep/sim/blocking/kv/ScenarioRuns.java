package madjep.sim.blocking.kv;

import java.time.Duration;
import madjep.history.History;
import madjep.history.Verdict;
import madjep.linear.LinearizabilityChecker;
import madjep.linear.Models;
import madjep.linear.Options;
import madjep.sim.HistoryRecorder;
import madjep.sim.Network;
import madjep.sim.NodeFactory;
import madjep.sim.Simulation;
import madjep.sim.Streams;
import madjep.sim.Trace;
import madjep.sim.nemesis.Nemesis;
import madjep.sim.nemesis.Schedule;
import madjep.sim.scenario.Scenario;
import madjep.sim.scenario.Workloads;
import madjep.sim.workload.Clients;

/**
 * Runs a scenario (mix or no faults) against any node factory, wired as SimRunner wires raft-kv, until the harness
 * can run any system: same streams, clients, nemesis and phases, so a seed means the same faults and ops.
 */
final class ScenarioRuns {
  private ScenarioRuns() {}

  /** A run's history, its trace with the final event hash, and its completed ops. */
  record Run(History history, String trace, long completed) {}

  static Run run(Scenario s, NodeFactory system) {
    Streams streams = new Streams(s.seed());
    Trace trace = new Trace(true);
    Simulation sim = new Simulation(streams, s.nodes(), system, trace);
    HistoryRecorder history = new HistoryRecorder(sim, "sim:" + s.name() + ":" + s.seed());
    Clients clients = new Clients(sim, Workloads.of(s), history, s.clients());
    sim.start();
    Network net = sim.network();
    net.setLatency(s.latency());
    net.setClientLatency(s.clientLatency());
    net.setLoss(s.loss());
    if (!s.links().isEmpty()) {
      throw new IllegalArgumentException("per-link rules are not wired here");
    }
    net.markBaseline();
    Nemesis nemesis = new Nemesis(sim, history, streams.of(Streams.Component.NEMESIS),
        s.faultMode().equals("none") ? s.faults().withKinds(java.util.EnumSet.noneOf(
            madjep.sim.nemesis.FaultKind.class)) : s.faults());
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
    return new Run(history.build(), trace.text() + Long.toHexString(sim.eventHash()), clients.completed());
  }

  /** The cas-register-per-key verdict of a run's history. */
  static Verdict check(History h) {
    return LinearizabilityChecker.check(h, Models.byName("cas-register"),
        Options.defaults().withIndependent(true).withTimeout(Duration.ofSeconds(60))).verdict();
  }
}
