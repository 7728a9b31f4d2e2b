package madjep.harness;

import java.util.LinkedHashMap;
import java.util.Map;
import madjep.history.edn.Keyword;
import madjep.sim.scenario.SimResult;

/** A run's {@code results.edn} / {@code results.json} map: verdict, scenario and seed, the checker's data, counters. */
final class Results {
  private Results() {}

  static Map<Keyword, Object> of(Run run) {
    SimResult r = run.sim();
    Map<Keyword, Object> m = new LinkedHashMap<>();
    m.put(Keyword.of("valid?"), run.verdict().toData());
    m.put(Keyword.of("scenario"), r.scenario().name());
    m.put(Keyword.of("system"), r.scenario().system().name());
    m.put(Keyword.of("seed"), r.scenario().seed());
    m.put(Keyword.of("checker"), r.check().checker());
    Map<Object, Object> opts = new LinkedHashMap<>();
    r.check().options().forEach((k, x) -> opts.put(Keyword.of(k), x instanceof Integer i ? (long) i : x));
    m.put(Keyword.of("checker-options"), opts);
    m.put(Keyword.of("results"), run.check().data());
    m.put(Keyword.of("faults"), r.faultsDescription());
    Map<Object, Object> stats = new LinkedHashMap<>();
    r.stats().forEach((k, x) -> stats.put(Keyword.of(k), x));
    m.put(Keyword.of("stats"), stats);
    m.put(Keyword.of("simulated-ns"), r.simulated());
    m.put(Keyword.of("event-hash"), Long.toHexString(r.eventHash()));
    m.put(Keyword.of("replay"), run.replay());
    return m;
  }
}
