package madjep.sim.scenario;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import madjep.sim.DeterminismCheck;
import madjep.sim.HistoryRecorder;
import madjep.sim.Invariant;
import madjep.sim.MetricsRecorder;
import madjep.sim.Network;
import madjep.sim.NodeFactory;
import madjep.sim.Simulation;
import madjep.sim.Streams;
import madjep.sim.Trace;
import madjep.sim.nemesis.FaultKind;
import madjep.sim.nemesis.FaultSettings;
import madjep.sim.nemesis.Nemesis;
import madjep.sim.nemesis.Schedule;
import madjep.sim.nemesis.Swarm;
import madjep.sim.workload.ClientProtocol;
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
    return run(new Setup(s), watch);
  }

  /**
   * As {@link #run(Scenario, java.util.function.Consumer)}, also handing {@code follower} the history so far each
   * time {@code every} more ops are recorded (a store writer writes it out while the run goes on).
   */
  public static SimResult run(Scenario s, java.util.function.Consumer<Simulation> watch,
      HistoryRecorder.Follower follower, int every) {
    Setup setup = new Setup(s);
    setup.history.follow(follower, every);
    return run(setup, watch);
  }

  private static SimResult run(Setup setup, java.util.function.Consumer<Simulation> watch) {
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

  /**
   * The ops a run of {@code s} records at most, about: an invocation and a completion per client op at the clients'
   * rate over the main phase. Capped (2^23 ops, 280 MB of columns) so that a long run's guess never costs more memory
   * up front than the history it would grow to; a run past the guess grows its columns as any history does.
   */
  static int expectedOps(Scenario s) {
    double ops = 2 * s.clients().rate() * ((double) s.duration() / madjep.sim.Durations.S);
    return (int) Math.min(ops, 1 << 23);
  }

  /** The fault settings a run of {@code s} uses (swarm mode's draw from the seed), in one line, without running. */
  public static String faultsDescription(Scenario s) {
    // Only the draw, not a run's wiring: that sizes the history's columns for the whole run (144 MB for the
    // simulated hour of examples/raft-kv-hour.toml), garbage at once when all that is wanted is this line.
    return FaultDraw.of(s, new Streams(s.seed())).description();
  }

  /** The fault settings a run of a scenario uses (swarm mode's draw from the seed's stream) and their line. */
  private record FaultDraw(FaultSettings settings, String description) {
    static FaultDraw of(Scenario s, Streams streams) {
      if (s.faultMode().equals("swarm")) {
        FaultSettings drawn = Swarm.draw(streams.of(Streams.Component.SWARM), s.faults());
        return new FaultDraw(drawn, Swarm.describe(drawn));
      } else if (s.faultMode().equals("none")) {
        return new FaultDraw(s.faults().withKinds(java.util.EnumSet.noneOf(madjep.sim.nemesis.FaultKind.class)),
            "faults: none");
      }
      return new FaultDraw(s.faults(), Swarm.describe(s.faults()).replaceFirst("^swarm:", "mix:"));
    }
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
    final NodeFactory factory;
    madjep.sim.nemesis.StepLog log;
    final java.util.List<Announcement> announcements = new java.util.ArrayList<>();
    MetricsRecorder metrics;
    Nemesis nemesis;

    Setup(Scenario s) {
      this.s = s;
      streams = new Streams(s.seed());
      factory = Systems.factory(s);
      sim = new Simulation(streams, s.nodes(), factory, trace);
      sim.addListener((node, event, value) -> announcements.add(
          new Announcement(sim.now(), sim.name(node), event, String.valueOf(value))));
      history = new HistoryRecorder(sim, "sim:" + s.name() + ":" + s.seed(), expectedOps(s));
      workload = Workloads.of(s);
      clients = new Clients(sim, workload, history, s.clients(),
          factory instanceof ClientProtocol p ? p : null); // a system with its own client side
      EnvironmentSetup.apply(sim, s);
      FaultDraw draw = FaultDraw.of(s, streams);
      faults = draw.settings();
      faultsDescription = draw.description();
    }

    void run() {
      // The run's header first: a node that writes to the trace (or throws) as it starts comes after it.
      trace.line(0, "sim", "scenario " + s.name() + " seed " + s.seed() + ", " + s.nodes() + " nodes, "
          + s.system().name() + (s.bug().equals("none") ? "" : " with bug " + s.bug()) + ", workload " + s.workload());
      trace.line(0, "sim", faultsDescription);
      EnvironmentSetup.describe(sim, s, trace);
      sim.start();
      Network net = sim.network();
      net.setLatency(s.latency());
      net.setClientLatency(s.clientLatency());
      net.setLoss(s.loss());
      for (String l : s.links()) {
        LinkRule.parse(l, s.nodes()).apply(net);
      }
      net.markBaseline();
      nemesis = new Nemesis(sim, history, streams.of(Streams.Component.NEMESIS), faults, s.environment());
      if (log != null) {
        nemesis.logSteps(log);
      }
      long every = s.environment().checks().invariantInterval();
      for (Invariant.Named inv : factory.invariants()) {
        sim.addInvariant(new Invariant.Named(inv.name(), inv.scope(), every, inv.invariant()));
      }
      metrics = MetricsRecorder.start(sim, s.environment().checks().metricsInterval());
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
      Set<FaultKind> degraded = degraded(s);
      sim.at(end, () -> {
        nemesis.healAll();
        trace.line(sim.now(), "sim", "main phase over: faults healed" + (window > 0
            ? "; every client must be served within " + window + " ns" : ""));
        if (window > 0 && !degraded.isEmpty()) {
          int[] outside = nemesis.degradeOutsideCore(degraded, s.liveness().degradedTargets());
          StringBuilder names = new StringBuilder();
          for (int x : outside) {
            names.append(' ').append(sim.name(x));
          }
          trace.line(sim.now(), "sim", "liveness mode: the rest is healed;" + names + " keep "
              + s.liveness().degraded() + " until the window closes");
        }
      });
      if (window > 0 && !degraded.isEmpty()) {
        sim.at(end + window, () -> {
          nemesis.healAll();
          trace.line(sim.now(), "sim", "liveness window over: every fault healed");
        });
      }
      long finalsAt = end + window + s.quiet();
      clients.runFinals(finalsAt, finalsAt + s.finals());
      sim.runUntil(plannedTime(s));
    }

    /** The families a minority keeps through the liveness window. */
    static Set<FaultKind> degraded(Scenario s) {
      Set<FaultKind> out = EnumSet.noneOf(FaultKind.class);
      for (String k : s.liveness().degraded()) {
        out.add(FaultKind.of(k));
      }
      return out;
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
      EnvironmentSetup.addStats(sim, stats);
      trace.line(sim.now(), "sim", "done: " + sim.eventCount() + " events, hash "
          + Long.toHexString(sim.eventHash()));
      madjep.sim.workload.LivenessReport liveness = s.liveness().enabled() && sim.failure() == null
          ? clients.liveness() : null;
      return new SimResult(s, history.build(), trace.text(), workload.check(), sim.eventCount(), sim.eventHash(),
          sim.now(), faultsDescription, stats, sim.failure(), liveness,
          Coverage.of(s, faults, sim, nemesis, lost), java.util.List.copyOf(announcements),
          new Observations(sim.assertions().results(), sim.faultPoints().counts(),
              metrics == null ? "" : metrics.jsonLines(),
              metrics == null ? madjep.sim.MetricSamples.NONE : metrics.columns()));
    }
  }
}
