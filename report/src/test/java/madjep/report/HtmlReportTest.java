package madjep.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import madjep.history.History;
import madjep.history.HistoryBuilder;
import madjep.history.Op;
import madjep.history.edn.Keyword;
import madjep.linear.LinearizabilityChecker;
import madjep.linear.Models;
import madjep.linear.LinearizabilityOptions;
import madjep.linear.LinearizabilityResult;
import org.junit.jupiter.api.Test;

class HtmlReportTest {
  /**
   * A register history of {@code pairs} ops by five processes, each op overlapping the next two, every read
   * returning the last write invoked before it, except one stale read at {@code staleAt} (of pairs), which returns
   * a value overwritten before it began; a partition in the middle.
   */
  static History registerHistory(int pairs, int staleAt) {
    HistoryBuilder b = History.builder("<register>");
    long value = 0;
    for (int k = 0; k < pairs; k++) {
      int p = k % 5;
      long t = k * 200_000L;
      if (k == pairs / 2) {
        b.add(nemesis("start-partition", "n1 n2 | n3 n4 n5", t));
        b.add(nemesis("start-partition", "n1 n2 | n3 n4 n5", t));
      }
      if (k == pairs / 2 + pairs / 10) {
        b.add(nemesis("stop-partition", null, t));
        b.add(nemesis("stop-partition", null, t));
      }
      if (k % 2 == 0) {
        value++;
        b.add(Op.invoke(p, "write", value).withTime(t));
        b.add(Op.ok(p, "write", value).withTime(t + 500_000));
      } else {
        b.add(Op.invoke(p, "read", null).withTime(t));
        b.add(Op.ok(p, "read", k == staleAt ? value - 2 : value).withTime(t + 500_000));
      }
    }
    return b.build().requireWellFormed();
  }

  /** {@code h} checked against a register. */
  private static LinearizabilityResult checkRegister(History h) {
    return LinearizabilityChecker.check(h, Models.byName("register"), LinearizabilityOptions.defaults());
  }

  private static Op nemesis(String f, Object value, long t) {
    return new Op(-1, t, madjep.history.OpType.INFO, Keyword.of("nemesis"), Keyword.of(f), value, null, Map.of());
  }

  @Test
  void render_sameInput_sameBytes() {
    History h = registerHistory(400, 201);
    LinearizabilityResult r = checkRegister(h);
    Report report = new Report("t", h, r.toData(), RunInfo.of("s", 7L, "madjep sim run s --seed 7"));
    assertEquals(HtmlReport.render(report), HtmlReport.render(report));
  }

  @Test
  void render_preparedWhileChecking_sameBytes_andOnlyForItsOwnHistoryAndRun() {
    // The harness prepares the history's part of the page while the checker runs; the page must not change.
    History h = registerHistory(30_000, 20_001);
    long[] times = {0, 10_000_000, 20_000_000};
    RunInfo run = RunInfo.of("s", 7L, "madjep sim run s --seed 7").withFaultSettings("mix: partition")
        .withMetrics(List.of(new MetricSeries("memory", "n1", times, new double[] {1, 2, 3})));
    HtmlReport.Prepared prepared = HtmlReport.prepare(h, run);
    assertTrue(prepared.run() == run);
    LinearizabilityResult r = checkRegister(h);
    Report report = new Report("t", h, r.toData(), run);
    String page = HtmlReport.render(report, prepared);
    assertEquals(HtmlReport.render(report), page);
    assertTrue(page.contains("id=\"faults\"") && page.contains("id=\"plots\""), "both prepared sections drawn");
    // Prepared from another history, or other run information: not used, the page is made whole.
    History other = registerHistory(300, -1);
    Report otherReport = new Report("t", other, Map.of(Keyword.of("valid?"), true), run);
    assertEquals(HtmlReport.render(otherReport), HtmlReport.render(otherReport, prepared));
    Report otherRun = new Report("t", h, r.toData(), RunInfo.of("s", 8L, null));
    assertEquals(HtmlReport.render(otherRun), HtmlReport.render(otherRun, prepared));
  }

  @Test
  void render_largeHistory_boundedSize_violationDrawnOpByOp() {
    History h = registerHistory(60_000, 40_001);
    LinearizabilityResult r = checkRegister(h);
    assertEquals(madjep.history.Verdict.INVALID, r.verdict());
    String page = HtmlReport.render(Report.of("large", h, r.toData()));
    assertTrue(page.length() < 3_000_000, "a bounded page: " + page.length() + " chars for " + h.size() + " ops");
    assertTrue(page.contains("id=\"closeup-violation\""), "the violation, drawn in the close-up");
    assertTrue(page.contains("each pixel column shows the worst outcome"), "the timeline says it aggregates");
    assertTrue(page.contains("(sampled)"), "the latency scatter says it samples");
  }

  @Test
  void render_nodeMetrics_onePlotPerMetric_aLinePerNode() {
    History h = registerHistory(200, -1);
    long[] times = {0, 10_000_000, 20_000_000, 30_000_000};
    RunInfo run = RunInfo.of("s", 1L, null).withMetrics(List.of(
        new MetricSeries("log length", "n1", times, new double[] {0, 5, 9, 12}),
        new MetricSeries("log length", "n2", times, new double[] {0, 4, 9, 11}),
        new MetricSeries("term", "n1", times, new double[] {1, 1, 2, 2})));
    String page = HtmlReport.render(new Report("t", h, Map.of(Keyword.of("valid?"), true), run));
    assertEquals(2, count(page, "<svg class=\"plot metric\""), "one plot per metric");
    int logPlot = page.indexOf(">log length</text>");
    String plot = page.substring(logPlot, page.indexOf("</svg>", logPlot));
    assertEquals(2, count(plot, "<path class=\"line l"), "a line per node");
    assertTrue(plot.contains("<title>n2</title>"), plot);
  }

  private static int count(String s, String part) {
    int n = 0;
    for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }

  @Test
  void render_oddInputs_stillAPage() {
    Map<Keyword, Object> odd = new java.util.LinkedHashMap<>();
    odd.put(Keyword.of("valid?"), false);
    odd.put(Keyword.of("failure"), "not a map");
    odd.put(Keyword.of("anomalies"), Map.of(Keyword.of("G1c"), List.of("x", Map.of(Keyword.of("cycle"), List.of()))));
    odd.put(Keyword.of("results"), List.of(1, 2));
    History empty = History.of();
    History noProcesses = History.of(new Op(-1, -1, madjep.history.OpType.OK, null, Keyword.of("txn"),
        List.of(List.of(Keyword.of("r"), Keyword.of("x"), List.of())), null, Map.of()));
    for (History h : List.of(empty, noProcesses, registerHistory(20, 11))) {
      for (Map<Keyword, Object> result : List.of(odd, Map.<Keyword, Object>of())) {
        String page = HtmlReport.render(Report.of("odd", h, result));
        assertTrue(page.endsWith("</html>\n"), "a whole page");
        assertTrue(page.contains(result.isEmpty() ? ">UNKNOWN<" : ">INVALID<"), "the verdict as given");
      }
    }
  }

  @Test
  void overviewCells_drawnBeforeTheVerdict_sameAsDrawnWithIt() {
    // The overview's cells are drawn while the run is checked, by a timeline that marks nothing; the timeline that
    // has the findings (a violation, marked ops, leaders and faults in their rows) must draw the very same cells.
    History h = registerHistory(30_000, 20_001);
    LinearizabilityResult r = checkRegister(h);
    assertEquals(madjep.history.Verdict.INVALID, r.verdict());
    List<Announcement> leaders = List.of(new Announcement(1_000_000L, "n3", "leader", 1L),
        new Announcement(2_000_000_000L, "n1", "leader", 2L));
    RunInfo run = RunInfo.of("s", 7L, null).withAnnouncements(leaders);
    PageModel m = new PageModel(h, run);
    assertTrue(m.overviewCells != null && m.overviewCells.contains("<path class=\"op ok\""), "drawn as cells");
    TimelineSvg marking = new TimelineSvg(h, m.axis, m.iv, m.faults, m.leaders, new Findings(r.toData(), h));
    TimelineSvg.Spec inline = m.overviewSpec();
    TimelineSvg.Spec prepared = m.overviewSpec();
    prepared.cells = m.overviewCells;
    String page = marking.render(inline);
    assertTrue(page.contains("violation-line") && page.contains("class=\"leader\""), "the violation and leaders");
    assertEquals(page, marking.render(prepared));
    // Fewer ops than are drawn as cells: nothing drawn beforehand.
    PageModel small = new PageModel(registerHistory(300, -1), run);
    assertEquals(null, small.overviewCells);
  }

  @Test
  void findings_unknownShape_keepsVerdictAndExplanations() {
    History h = registerHistory(10, -1);
    Map<Keyword, Object> result = Map.of(Keyword.of("valid?"), Keyword.of("unknown"),
        Keyword.of("workload"), Map.of(Keyword.of("explanation"), "ran out of patience"));
    Findings f = new Findings(result, h);
    assertEquals(madjep.history.Verdict.UNKNOWN, f.verdict);
    assertEquals(List.of("ran out of patience"), f.explanations);
    assertEquals(-1, f.primary);
  }

  @Test
  void leadersFromTrace_secondsOrNanoseconds() {
    String trace = """
        [     0.184183961] n5: leader 1
        [     0.184183961] nemesis: start-partition n5 | n1 n2 n3 n4
        [   391213832] n3: leader 2
        [    10.5] n1: leader 10
        """;
    List<Announcement> a = RunInfo.leadersFromTrace(trace);
    assertEquals(List.of(new Announcement(184_183_961L, "n5", "leader", 1L),
        new Announcement(391_213_832L, "n3", "leader", 2L),
        new Announcement(10_500_000_000L, "n1", "leader", 10L)), a);
  }
}
