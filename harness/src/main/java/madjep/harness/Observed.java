package madjep.harness;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import madjep.history.Verdict;
import madjep.history.edn.Keyword;
import madjep.sim.Assertions;
import madjep.sim.Durations;
import madjep.sim.FaultPoints;
import madjep.sim.scenario.Observations;
import madjep.sim.scenario.SimResult;

/**
 * What a run watched besides its history, in its verdict and results: a failed {@code always} or {@code unreachable}
 * assertion, or a broken invariant, makes the run invalid whatever the checker said; results list every assertion,
 * every fault point, and what the storage and resource faults did.
 */
final class Observed {
  private Observed() {}

  /** The checker's result, made invalid (cause {@code :assertion}) when an assertion or invariant failed. */
  static CheckResult withAssertions(CheckResult c, SimResult r) {
    List<Assertions.Result> failed = r.observations().failures();
    if (failed.isEmpty()) {
      return c;
    }
    Assertions.Result first = failed.get(0);
    Assertions.Failure f = first.first();
    String why = first.kind().label() + " '" + first.name() + "' failed on " + f.node() + " at "
        + Durations.format(f.time()) + (f.detail() == null ? "" : ": " + f.detail())
        + (failed.size() > 1 ? " (and " + (failed.size() - 1) + " more)" : "");
    Map<Keyword, Object> data = new LinkedHashMap<>(c.data());
    data.put(Keyword.of("valid?"), Boolean.FALSE);
    data.put(Keyword.of("assertion-failure"), why);
    return new CheckResult(Verdict.INVALID, c.summary() + "; but " + why, data);
  }

  /** The results map's {@code :assertions}, {@code :fault-points} and {@code :fault-counts}. */
  static void addTo(Map<Keyword, Object> m, Observations o) {
    List<Object> assertions = new ArrayList<>();
    for (Assertions.Result a : o.assertions()) {
      Map<Object, Object> x = new LinkedHashMap<>();
      x.put(Keyword.of("name"), a.name());
      x.put(Keyword.of("kind"), Keyword.of(a.kind().label()));
      x.put(Keyword.of("evaluations"), a.evaluations());
      x.put(Keyword.of("satisfied"), a.satisfied());
      x.put(Keyword.of("failures"), a.failures());
      if (a.first() != null) {
        Map<Object, Object> f = new LinkedHashMap<>();
        f.put(Keyword.of("node"), a.first().node());
        f.put(Keyword.of("incarnation"), (long) a.first().incarnation());
        f.put(Keyword.of("time"), a.first().time());
        if (a.first().detail() != null) {
          f.put(Keyword.of("detail"), a.first().detail());
        }
        x.put(Keyword.of("first-failure"), f);
      }
      assertions.add(x);
    }
    m.put(Keyword.of("assertions"), assertions);
    List<Object> points = new ArrayList<>();
    for (FaultPoints.Count p : o.faultPoints()) {
      Map<Object, Object> x = new LinkedHashMap<>();
      x.put(Keyword.of("name"), p.name());
      x.put(Keyword.of("active"), p.active());
      x.put(Keyword.of("evaluations"), p.evaluations());
      x.put(Keyword.of("fired"), p.fired());
      points.add(x);
    }
    m.put(Keyword.of("fault-points"), points);
    Map<Object, Object> counts = new LinkedHashMap<>();
    o.faultCounts().forEach((k, v) -> counts.put(Keyword.of(k), v));
    m.put(Keyword.of("fault-counts"), counts);
  }
}
