package madjep.harness;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import madjep.history.edn.Keyword;
import madjep.sim.Assertions;
import madjep.sim.Durations;
import madjep.sim.FaultPoints;
import madjep.sim.scenario.Observations;
import madjep.sim.scenario.SimResult;

/**
 * What a run watched besides its history, in its verdict and results: a failed {@code always} or {@code unreachable}
 * assertion, or a broken invariant, makes the run invalid whatever the checker said (cause {@code assertion}, see
 * {@link Run#judge}); results list every assertion and every fault point.
 */
final class Observed {
  private Observed() {}

  /**
   * The first failed {@code always} or {@code unreachable} assertion or broken invariant, in one sentence with its
   * node and time ({@code always 'x' failed on n2 at 3.2s: detail (and 1 more)}); null when none failed.
   */
  static String assertionFailure(SimResult r) {
    List<Assertions.Result> failed = r.observations().failures();
    if (failed.isEmpty()) {
      return null;
    }
    Assertions.Result first = failed.get(0);
    Assertions.Failure f = first.first();
    return first.kind().label() + " '" + first.name() + "' failed on " + f.node() + " at "
        + Durations.format(f.time()) + (f.detail() == null ? "" : ": " + f.detail())
        + (failed.size() > 1 ? " (and " + (failed.size() - 1) + " more)" : "");
  }

  /** The results map's {@code :assertions} and {@code :fault-points}. */
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
  }
}
