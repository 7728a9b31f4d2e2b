package madjep.sim.scenario;

import java.util.LinkedHashMap;
import java.util.Map;
import madjep.sim.DeterminismCheck;
import madjep.sim.HistoryRecorder;
import madjep.sim.Network;
import madjep.sim.Simulation;
import madjep.sim.Streams;
import madjep.sim.Trace;
import madjep.sim.nemesis.FaultSettings;
import madjep.sim.nemesis.Nemesis;
import madjep.sim.nemesis.Schedule;
import madjep.sim.nemesis.Swarm;
import madjep.sim.workload.Clients;
import madjep.sim.workload.Workload;

/**
 * Runs a scenario: builds the cluster, the clients and the nemesis from the seed, runs the main phase (ops and
 * faults), heals everything, keeps the clients going through the liveness window (every client must be served
 * again), waits a quiet period, runs the workload's final ops, lets the last ops finish, and returns the history. A
 * node that throws stops the run there ({@link SimResult#failure()}). Pure: no I/O, no wall clock.
 */
public final class SimRunner {
  private SimRunner() {}

  /** Runs {@code s} once. */
  public static SimResult run(Scenario s) {
    return run(s, sim -> { });
  }

  /**
   * Runs {@code s} once, first handing its {@link Simulation} to {@code watch} (a progress display may read its
   * virtual time and event count from another thread; nothing it does changes the run).
   */
  public static SimResult run(Scenario s, java.util.function.Consumer<Simulation> watch) {
    Setup setup = new Setup(s);
    watch.accept(setup.sim);
    setup.run();
    return setup.result();
  }

  /**
   * Runs {@code s} once and writes every fault its schedule applied into {@code log}; {@link ExplicitRun} turns them
   * into a scenario.
   */
  static SimResult run(Scenario s, madjep.sim.nemesis.StepLog log, FaultSettings[] effective) {
    Setup setup = new Setup(s);
    setup.log = log;
    effective[0] = setup.faults;
    setup.run();
    return setup.result();
  }

  /** How much virtual time a run of {@code s} covers at most: main phase, liveness window, quiet, finals. */
  public static long plannedTime(Scenario s) {
    return s.duration() + (s.liveness().enabled() ? s.liveness().window() : 0) + s.quiet() + s.finals()
        + s.clients().timeout() + 1;
  }

  /** The fault settings a run of {@code s} uses (swarm mode's draw from the seed), in one line, without running. */
  public static String faultsDescription(Scenario s) {
    return new Setup(s).faultsDescription;
  }

  /** Runs {@code s} twice and compares every event. */
  public static DeterminismCheck.Report checkDeterminism(Scenario s) {
    Setup[] holder = new Setup[1];
    return DeterminismCheck.check(() -> {
      holder[0] = new Setup(s);
      return holder[0].sim;
    }, sim -> holder[0].run());
  }

  /** One run's wiring; {@link #sim} is unstarted until {@link #run()}. */
  private static final class Setup {
    final Scenario s;
    final Streams streams;
    final Trace trace = new Trace(true);
    final Simulation sim;
    final HistoryRecorder history;
    final Workload workload;
    final Clients clients;
    final FaultSettings faults;
    final String faultsDescription;
    madjep.sim.nemesis.StepLog log;
    final java.util.List<Announcement> announcements = new java.util.ArrayList<>();
    Nemesis nemesis;

    Setup(Scenario s) {
      this.s = s;
      streams = new Streams(s.seed());
      sim = new Simulation(streams, s.nodes(), Systems.factory(s), trace);
      sim.addListener((node, event, value) -> announcements.add(
          new Announcement(sim.now(), sim.name(node), event, String.valueOf(value))));
      history = new HistoryRecorder(sim, "sim:" + s.name() + ":" + s.seed());
      workload = Workloads.of(s);
      clients = new Clients(sim, workload, history, s.clients());
      if (s.faultMode().equals("swarm")) {
        faults = Swarm.draw(streams.of(Streams.Component.SWARM), s.faults());
        faultsDescription = Swarm.describe(faults);
      } else if (s.faultMode().equals("none")) {
        faults = s.faults().withKinds(java.util.EnumSet.noneOf(madjep.sim.nemesis.FaultKind.class));
        faultsDescription = "faults: none";
      } else {
        faults = s.faults();
        faultsDescription = Swarm.describe(faults).replaceFirst("^swarm:", "mix:");
      }
    }

    void run() {
      sim.start();
      Network net = sim.network();
      net.setLatency(s.latency());
      net.setClientLatency(s.clientLatency());
      net.setLoss(s.loss());
      for (String l : s.links()) {
        LinkRule.parse(l, s.nodes()).apply(net);
      }
      net.markBaseline();
      trace.line(0, "sim", "scenario " + s.name() + " seed " + s.seed() + ", " + s.nodes() + " nodes, "
          + s.system().name() + (s.bug().equals("none") ? "" : " with bug " + s.bug()) + ", workload " + s.workload());
      trace.line(0, "sim", faultsDescription);
      nemesis = new Nemesis(sim, history, streams.of(Streams.Component.NEMESIS), faults);
      if (log != null) {
        nemesis.logSteps(log);
      }
      long end = s.duration();
      if (!s.faultMode().equals("none") && !hasPhases(s.schedule())) {
        new Schedule.Mix().install(sim, nemesis, streams.of(Streams.Component.SCHEDULE), 0, end);
      }
      s.schedule().install(sim, nemesis, streams.of(Streams.Component.SCHEDULE), 0, end);
      long window = s.liveness().enabled() ? s.liveness().window() : 0;
      clients.run(0, end + window);
      if (s.liveness().enabled()) {
        clients.watchRecovery(end, end + window, s.liveness().minOps());
      }
      sim.at(end, () -> {
        nemesis.healAll();
        trace.line(sim.now(), "sim", "main phase over: faults healed" + (window > 0
            ? "; every client must be served within " + window + " ns" : ""));
      });
      long finalsAt = end + window + s.quiet();
      clients.runFinals(finalsAt, finalsAt + s.finals());
      sim.runUntil(plannedTime(s));
    }

    /** Phases decide themselves when the mix runs. */
    private static boolean hasPhases(Schedule sch) {
      if (sch instanceof Schedule.Phases) {
        return true;
      }
      if (sch instanceof Schedule.All all) {
        for (Schedule x : all.schedules()) {
          if (hasPhases(x)) {
            return true;
          }
        }
      }
      return false;
    }

    SimResult result() {
      Network net = sim.network();
      Map<String, Long> stats = new LinkedHashMap<>();
      stats.put("events", sim.eventCount());
      stats.put("ops-completed", clients.completed());
      stats.put("ops-crashed", clients.crashedOps());
      stats.put("ops-dropped", clients.droppedOps());
      stats.put("messages-sent", net.sent());
      stats.put("messages-dropped", net.dropped());
      stats.put("messages-duplicated", net.duplicated());
      stats.put("messages-reordered", net.reordered());
      stats.put("messages-held", net.held());
      long lost = 0;
      for (int i = 0; i < s.nodes(); i++) {
        lost += sim.disk(i).lostWrites();
      }
      stats.put("unsynced-writes-lost", lost);
      trace.line(sim.now(), "sim", "done: " + sim.eventCount() + " events, hash "
          + Long.toHexString(sim.eventHash()));
      madjep.sim.workload.LivenessReport liveness = s.liveness().enabled() && sim.failure() == null
          ? clients.liveness() : null;
      return new SimResult(s, history.build(), trace.text(), workload.check(), sim.eventCount(), sim.eventHash(),
          sim.now(), faultsDescription, stats, sim.failure(), liveness, coverage(lost),
          java.util.List.copyOf(announcements));
    }

    /** What each fault kind did; kinds the mix, steps or triggers can start are the configured ones. */
    private FaultCoverage coverage(long writesLost) {
      java.util.EnumSet<madjep.sim.nemesis.FaultKind> configured =
          java.util.EnumSet.noneOf(madjep.sim.nemesis.FaultKind.class);
      if (!s.faultMode().equals("none")) {
        configured.addAll(faults.kinds());
      }
      configuredBy(s.schedule(), configured);
      Network net = sim.network();
      java.util.List<FaultCoverage.Kind> kinds = new java.util.ArrayList<>();
      for (madjep.sim.nemesis.FaultKind k : madjep.sim.nemesis.FaultKind.values()) {
        Map<String, Long> effects = new LinkedHashMap<>();
        switch (k) {
          case PARTITION -> effects.put("messages dropped", net.droppedByPartitions());
          case KILL -> effects.put("unsynced writes lost", writesLost);
          case PACKET -> {
            effects.put("messages lost", net.dropped() - net.droppedByPartitions());
            effects.put("duplicated", net.duplicated());
            effects.put("reordered", net.reordered());
          }
          case CLOG -> effects.put("messages held", net.held());
          default -> { }
        }
        long fired = nemesis.fired(k);
        if (configured.contains(k) || fired > 0) {
          kinds.add(new FaultCoverage.Kind(k.label(), configured.contains(k), fired, nemesis.nodesHit(k), effects));
        }
      }
      return new FaultCoverage(kinds);
    }

    private static void configuredBy(Schedule sch, java.util.Set<madjep.sim.nemesis.FaultKind> out) {
      if (sch instanceof Schedule.All all) {
        for (Schedule x : all.schedules()) {
          configuredBy(x, out);
        }
      } else if (sch instanceof Schedule.Steps st) {
        for (madjep.sim.nemesis.Step step : st.steps()) {
          madjep.sim.nemesis.FaultKind k = step.kind();
          if (k != null) {
            out.add(k);
          }
        }
      } else if (sch instanceof Schedule.Trigger t) {
        out.add(switch (t.action()) {
          case "kill" -> madjep.sim.nemesis.FaultKind.KILL;
          case "stop" -> madjep.sim.nemesis.FaultKind.STOP;
          case "pause" -> madjep.sim.nemesis.FaultKind.PAUSE;
          default -> madjep.sim.nemesis.FaultKind.PARTITION;
        });
      }
    }
  }
}
