package madjep.harness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import madjep.history.History;
import madjep.history.edn.Keyword;
import madjep.history.io.HistoryReader;
import madjep.report.HtmlReport;
import madjep.report.Report;
import madjep.report.RunInfo;
import madjep.sim.scenario.ScenarioFiles;
import madjep.sim.scenario.SimResult;

/**
 * The {@code report.html} page of a run: its history, its results map (whose {@code :results} is the checker's
 * data), and what the run knows of itself (scenario, seed, replay, resolved scenario, fault settings, counters, the
 * leaders its trace names). From a run as it finishes, or from a run directory of the store.
 */
public final class RunPages {
  private RunPages() {}

  /** The page of a run that just finished. */
  public static Report of(Run run) {
    return of(run, null);
  }

  /**
   * The page of a run that just finished, with the run information {@code page} was prepared with ({@link
   * #prepare}, while the run was checked), or made here when it is null.
   */
  static Report of(Run run, HtmlReport.Prepared page) {
    SimResult r = run.sim();
    RunInfo info = page != null ? page.run() : info(r, run.replay());
    return new Report(r.scenario().name() + " seed " + r.scenario().seed(), r.history(), Results.of(run), info);
  }

  /** The history's part of a simulated run's page, which needs no verdict: made while the run is checked. */
  static HtmlReport.Prepared prepare(SimResult r, String replay) {
    return HtmlReport.prepare(r.history(), info(r, replay));
  }

  /** What a simulated run knows of itself: scenario, seed, replay, settings, counters, leaders, node metrics. */
  private static RunInfo info(SimResult r, String replay) {
    return RunInfo.of(r.scenario().name(), r.scenario().seed(), replay)
        .withResolvedScenario(ScenarioFiles.toToml(r.scenario()))
        .withFaultSettings(r.faultsDescription())
        .withCounters(r.stats())
        .withAnnouncements(leaders(r.announcements()))
        .withMetrics(r.observations().metricSamples().samples() > 0
            ? MetricsJsonl.series(r.observations().metricSamples())
            : MetricsJsonl.series(r.observations().metrics()));
  }

  /**
   * A run's leader announcements, as the report draws them: taken from what the nodes announced, not read back from
   * the trace (a regular-expression scan of the hour's 450 KB trace, which also set the JIT compiling the regex engine,
   * just when the check and the page need the cores). A stored run's page reads them from its {@code trace.log},
   * where each announcement is a line {@code [time] node: leader value}.
   */
  static List<madjep.report.Announcement> leaders(List<madjep.sim.scenario.Announcement> announced) {
    List<madjep.report.Announcement> out = new java.util.ArrayList<>();
    for (madjep.sim.scenario.Announcement a : announced) {
      if (a.event().equals("leader")) {
        out.add(new madjep.report.Announcement(a.time(), a.node(), a.event(), RunInfo.announcedValue(a.value())));
      }
    }
    return out;
  }

  /** The page of a stored run (MadJep's, or Jepsen's: its {@code results.edn} and {@code history.edn}). */
  public static Report of(StoredRun run) throws IOException {
    History h = HistoryReader.read(run.dir().resolve("history.edn"));
    Object seed = run.get("seed");
    Object scenario = run.get("scenario");
    Object replay = run.get("replay");
    Object faults = run.get("faults");
    Map<String, Long> counters = new LinkedHashMap<>();
    if (run.get("stats") instanceof Map<?, ?> stats) {
      for (Map.Entry<?, ?> e : stats.entrySet()) {
        if (e.getValue() instanceof Number n) {
          counters.put(e.getKey() instanceof Keyword k ? k.name() : String.valueOf(e.getKey()), n.longValue());
        }
      }
    }
    Path toml = run.dir().resolve("scenario.toml");
    Path trace = run.dir().resolve("trace.log");
    Path metrics = run.dir().resolve("metrics.jsonl");
    RunInfo info = RunInfo.of(scenario == null ? null : scenario.toString(),
            seed instanceof Number n ? n.longValue() : null, replay == null ? null : replay.toString())
        .withFaultSettings(faults == null ? null : faults.toString())
        .withCounters(counters)
        .withResolvedScenario(Files.isRegularFile(toml) ? Files.readString(toml, StandardCharsets.UTF_8) : null)
        .withAnnouncements(Files.isRegularFile(trace)
            ? RunInfo.leadersFromTrace(Files.readString(trace, StandardCharsets.UTF_8)) : null)
        .withMetrics(Files.isRegularFile(metrics)
            ? MetricsJsonl.series(Files.readString(metrics, StandardCharsets.UTF_8)) : null);
    @SuppressWarnings("unchecked")
    Map<Keyword, Object> data = (Map<Keyword, Object>) run.results();
    String title = scenario == null ? run.dir().toString() : scenario + (seed == null ? "" : " seed " + seed);
    return new Report(title, h, data, info);
  }
}
