package madjep.harness;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import madjep.history.edn.Keyword;
import madjep.sim.scenario.FaultCoverage;
import madjep.sim.scenario.SimResult;
import madjep.sim.workload.LivenessReport;

/** A run's {@code results.edn} / {@code results.json} map: verdict, scenario and seed, the checker's data, counters. */
final class Results {
  private Results() {}

  static Map<Keyword, Object> of(Run run) {
    SimResult r = run.sim();
    Map<Keyword, Object> m = new LinkedHashMap<>();
    m.put(Keyword.of("valid?"), run.verdict().toData());
    if (!run.causes().isEmpty()) {
      List<Object> causes = new ArrayList<>();
      for (String c : run.causes()) {
        causes.add(Keyword.of(c));
      }
      m.put(Keyword.of("causes"), causes);
    }
    m.put(Keyword.of("scenario"), r.scenario().name());
    m.put(Keyword.of("system"), r.scenario().system().name());
    m.put(Keyword.of("seed"), r.scenario().seed());
    m.put(Keyword.of("checker"), r.check().checker());
    Map<Object, Object> opts = new LinkedHashMap<>();
    r.check().options().forEach((k, x) -> opts.put(Keyword.of(k), x instanceof Integer i ? (long) i : x));
    m.put(Keyword.of("checker-options"), opts);
    m.put(Keyword.of("results"), run.check().data());
    if (r.failure() != null) {
      Map<Keyword, Object> f = new LinkedHashMap<>();
      f.put(Keyword.of("node"), r.failure().node());
      f.put(Keyword.of("incarnation"), (long) r.failure().incarnation());
      f.put(Keyword.of("time"), r.failure().time());
      f.put(Keyword.of("during"), Keyword.of(r.failure().during()));
      f.put(Keyword.of("exception"), r.failure().error().toString());
      f.put(Keyword.of("where"), r.failure().where());
      f.put(Keyword.of("trace-tail"), run.traceTail());
      f.put(Keyword.of("explanation"), r.failure().describe());
      m.put(Keyword.of("node-exception"), f);
    }
    String assertion = Observed.assertionFailure(r);
    if (assertion != null) {
      m.put(Keyword.of("assertion-failure"), assertion);
    }
    if (r.liveness() != null) {
      LivenessReport l = r.liveness();
      Map<Keyword, Object> live = new LinkedHashMap<>();
      live.put(Keyword.of("valid?"), l.ok() ? Boolean.TRUE : l.failed() ? Boolean.FALSE : Keyword.of("unknown"));
      live.put(Keyword.of("healed-at"), l.healedAt());
      live.put(Keyword.of("window"), l.window());
      live.put(Keyword.of("min-ops"), (long) l.minOps());
      if (!r.scenario().liveness().degraded().isEmpty()) {
        List<Object> kept = new ArrayList<>();
        for (String k : r.scenario().liveness().degraded()) {
          kept.add(Keyword.of(k));
        }
        live.put(Keyword.of("degraded"), kept);
      }
      List<Object> stuck = new ArrayList<>();
      for (LivenessReport.Stuck s : l.stuck()) {
        Map<Keyword, Object> x = new LinkedHashMap<>();
        x.put(Keyword.of("client"), s.client());
        x.put(Keyword.of("process"), s.process());
        x.put(Keyword.of("completed"), s.completed());
        x.put(Keyword.of("invoked"), s.invoked());
        x.put(Keyword.of("last-completed"), s.lastCompleted());
        stuck.add(x);
      }
      live.put(Keyword.of("stuck"), stuck);
      if (!l.ok()) {
        live.put(Keyword.of("explanation"), "liveness: " + l.describe());
      }
      m.put(Keyword.of("liveness"), live);
    }
    m.put(Keyword.of("faults"), r.faultsDescription());
    m.put(Keyword.of("coverage"), coverage(r.coverage()));
    Map<Object, Object> stats = new LinkedHashMap<>();
    r.stats().forEach((k, x) -> stats.put(Keyword.of(k), x));
    m.put(Keyword.of("stats"), stats);
    m.put(Keyword.of("simulated-ns"), r.simulated());
    m.put(Keyword.of("event-hash"), Long.toHexString(r.eventHash()));
    m.put(Keyword.of("replay"), run.replay());
    Observed.addTo(m, r.observations());
    return m;
  }

  /** {@code {:partition {:fired 4, :nodes 7, :messages-dropped 1203}, ..., :never-fired [:clog]}}. */
  static Map<Keyword, Object> coverage(FaultCoverage c) {
    Map<Keyword, Object> m = new LinkedHashMap<>();
    for (FaultCoverage.Kind k : c.kinds()) {
      Map<Keyword, Object> x = new LinkedHashMap<>();
      x.put(Keyword.of("configured?"), k.configured());
      x.put(Keyword.of("fired"), k.fired());
      x.put(Keyword.of("nodes"), k.nodes());
      k.effects().forEach((name, n) -> x.put(Keyword.of(name.replace(' ', '-')), n));
      m.put(Keyword.of(k.kind()), x);
    }
    List<Object> never = new ArrayList<>();
    for (String k : c.neverFired()) {
      never.add(Keyword.of(k));
    }
    m.put(Keyword.of("never-fired"), never);
    return m;
  }
}
