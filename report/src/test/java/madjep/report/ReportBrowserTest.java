package madjep.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import madjep.history.History;
import madjep.history.edn.Edn;
import madjep.history.io.HistoryReader;
import madjep.history.testing.Corpus;
import madjep.linear.LinearizabilityChecker;
import madjep.linear.Models;
import madjep.linear.LinearizabilityOptions;
import madjep.txn.TxnChecker;
import madjep.txn.Workload;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Report pages of real histories in headless Chromium: a valid run with faults, a linearizability violation and an
 * Elle cycle. Each loads without console errors or network requests and shows its verdict, marks, bands and plots
 * where a person looks for them; screenshots land in {@code target/screenshots/}.
 */
class ReportBrowserTest {
  private static final int WIDTH = 1400;
  private static final int HEIGHT = 900;
  private static Browser browser;

  @BeforeAll
  static void start() {
    Corpus.root();
    browser = Browser.start(WIDTH, HEIGHT);
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.close();
    }
  }

  private static Path page(String name, Report r) throws IOException {
    Path out = Path.of("target", "pages", name + ".html");
    HtmlReport.write(r, out);
    browser.open(out);
    return out;
  }

  private static void common(String name, String verdict) {
    assertEquals(List.of(), browser.consoleErrors(), name + ": console errors");
    assertEquals(List.of(), browser.networkResources(), name + ": resources from the network");
    assertEquals(verdict, browser.script("return document.getElementById('verdict').textContent;"));
    assertTrue(browser.number("return document.documentElement.scrollWidth;") <= WIDTH,
        name + ": the page fits the window's width");
    browser.screenshot(Browser.screenshotDir().resolve(name + ".png"));
  }

  @Test
  void validRun_withNemesis_showsVerdictFaultBandsAndPlots() throws IOException {
    Path file = Corpus.root().resolve("knossos/multi-register/good/multi-register.edn");
    History h = HistoryReader.read(file);
    var result = LinearizabilityChecker.check(h, Models.parse("multi-register", "{:x 0 :y 0}"),
        LinearizabilityOptions.defaults());
    page("valid-multi-register", Report.of("knossos multi-register.edn", h, result.toData()));
    common("valid-multi-register", "VALID");
    assertTrue(browser.number("return document.querySelectorAll('#timeline g.band').length;") > 0, "fault bands");
    assertTrue(browser.number("return document.querySelectorAll('#timeline rect.op').length;") > 100, "ops drawn");
    assertEquals(3.0, browser.number("return document.querySelectorAll('svg.plot').length;"), "three plots");
    assertTrue(browser.number("return document.querySelector('svg.latency-raw path.pt').getTotalLength();") > 0,
        "latency points");
    assertTrue(browser.number("return document.querySelector('svg.throughput path.line.ok')"
        + ".getBoundingClientRect().width;") > 100, "a throughput line across the plot");
    assertEquals(0.0, browser.number("return document.querySelectorAll('rect.mark.primary').length;"),
        "nothing marked as a violation");

    String ticks = "return Array.from(document.querySelectorAll('#timeline g.ticks text'))"
        + ".map(function (t) { return t.textContent; }).join(' ');";
    String whole = (String) browser.script(ticks);
    double width = browser.number("return document.querySelector('#timeline svg.zoom-area').viewBox.baseVal.width;");
    browser.script("var b = document.querySelector('[data-zoom=in]'); b.click(); b.click(); b.click();");
    double zoomed = browser.number("return document.querySelector('#timeline svg.zoom-area').viewBox.baseVal.width;");
    assertEquals(width / 8, zoomed, 0.01, "three clicks on + show an eighth of the run");
    String closer = (String) browser.script(ticks);
    assertTrue(!closer.equals(whole) && closer.split(" ").length >= 8, whole + " then " + closer);
    browser.screenshot(Browser.screenshotDir().resolve("valid-multi-register-zoomed.png"));
    browser.script("document.querySelector('[data-zoom=fit]').click();");
    assertEquals(whole, browser.script(ticks), "fit shows the whole run again, with the same ticks");
    assertEquals(List.of(), browser.consoleErrors(), "zooming logs no errors");
  }

  @Test
  void linearViolation_marksFailingOpInViewport() throws IOException {
    Path file = Corpus.root().resolve("knossos/cas-register/bad/cas-failure.edn");
    History h = HistoryReader.read(file);
    var result = LinearizabilityChecker.check(h, Models.parse("cas-register", "0"), LinearizabilityOptions.defaults());
    page("linear-violation", Report.of("knossos cas-failure.edn", h, result.toData()));
    common("linear-violation", "INVALID");
    double[] mark = browser.box("#closeup-violation");
    assertNotNull(mark, "the violation is marked in the close-up");
    double[] view = browser.viewport();
    assertTrue(mark[0] >= 0 && mark[2] <= view[0] && mark[1] >= 0 && mark[3] <= view[1],
        "the marked op is in the viewport: " + java.util.Arrays.toString(mark));
    String explanation = (String) browser.script("return document.getElementById('explanation').textContent;");
    assertTrue(explanation.contains(result.failure().explanation()), explanation);
    assertTrue(browser.number("return document.querySelectorAll('table.prefix tr').length;") > 1,
        "the longest linearizable prefix is listed");
    assertTrue(browser.number("return document.querySelectorAll('#timeline g.band').length;") > 0,
        "the nemesis's faults are bands");
    assertTrue(((String) browser.script("return document.querySelector('.states').textContent;")).length() > 0,
        "the states the failing op cannot follow");
  }

  @Test
  void elleCycle_drawsGraphWithLabelledEdgesAndSteps() throws IOException {
    Path file = Corpus.root().resolve("elle-cli/elle/paper-example.edn");
    History h = HistoryReader.read(file);
    var result = TxnChecker.check(h, madjep.txn.TxnOptions.of(Workload.LIST_APPEND));
    page("elle-cycle", Report.of("elle paper-example.edn", h, result.toData()));
    common("elle-cycle", "INVALID");
    assertTrue(browser.number("return document.querySelectorAll('svg.cycle').length;") >= 1, "a cycle graph");
    double nodes = browser.number("return document.querySelectorAll('svg.cycle')[0].querySelectorAll('g.txn').length;");
    double edges = browser.number(
        "return document.querySelectorAll('svg.cycle')[0].querySelectorAll('g.edge').length;");
    assertTrue(nodes >= 2 && nodes == edges, nodes + " transactions, " + edges + " edges");
    String labels = (String) browser.script("return Array.from(document.querySelectorAll('svg.cycle')[0]"
        + ".querySelectorAll('.edge-label')).map(function (e) { return e.textContent; }).join(' ');");
    for (String l : labels.split(" ")) {
      assertTrue(List.of("ww", "wr", "rw", "process", "realtime").contains(l), labels);
    }
    String badges = (String) browser.script("return Array.from(document.querySelectorAll('#closeup .badge'))"
        + ".map(function (e) { return e.textContent; }).sort().join(' ');");
    assertEquals("T1 T2 T3", badges, "the close-up names the cycle's transactions as the graph does");
    String steps = (String) browser.script("return document.querySelector('ol.steps').textContent;");
    assertTrue(steps.contains("a contradiction"), steps);
    double[] graph = browser.box("svg.cycle");
    double[] view = browser.viewport();
    assertTrue(graph[1] < view[1], "the cycle is on the first screen: " + java.util.Arrays.toString(graph));
    assertTrue(Edn.print(result.toData()).contains("G-single"), "the corpus says G-single-item");
  }
}
