package madjep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import madjep.report.Browser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code report.html} that runs write, in headless Chromium at a laptop's 1400 × 900: the demo's page fits the
 * screen's width, and a failing stale-read seed shows its violation on the first screen without scrolling sideways.
 */
class RunPageBrowserTest {
  private static final int WIDTH = 1400;
  private static final int HEIGHT = 900;
  private static Browser browser;

  @BeforeAll
  static void start() {
    browser = Browser.start(WIDTH, HEIGHT);
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  void staleReadSeed_violationOnFirstScreen_noSidewaysScrolling(@TempDir Path store) {
    CliRun run = CliRun.of("sim", "run", "raft-kv-stale-read", "--seed", "1", "--store", store.toString());
    assertEquals(ExitCode.INVALID, run.code(), run.out() + run.err());
    browser.open(store.resolve("latest/report.html"));
    assertEquals(List.of(), browser.consoleErrors());
    assertEquals("INVALID", browser.script("return document.getElementById('verdict').textContent;"));
    assertTrue(browser.number("return document.documentElement.scrollWidth;") <= WIDTH, "no sideways scrolling");
    double[] mark = browser.box("#closeup-violation");
    assertNotNull(mark, "the violation is marked");
    assertTrue(mark[0] >= 0 && mark[2] <= WIDTH && mark[1] >= 0 && mark[3] <= HEIGHT,
        "the violation is on the first screen: " + Arrays.toString(mark));
    assertTrue(browser.number("return document.querySelectorAll('#timeline .leader').length;") > 0, "leaders");
    assertTrue(browser.number("return document.querySelectorAll('#timeline g.band.k-partition').length;") > 0,
        "partitions");
    browser.screenshot(Browser.screenshotDir().resolve("stale-read-seed-1.png"));
  }

  @Test
  void demoRun_pageFitsOneScreenWide_withFaultsAndPlots(@TempDir Path store) {
    CliRun run = CliRun.of("demo", "--store", store.toString());
    assertEquals(ExitCode.VALID, run.code(), run.out() + run.err());
    browser.open(store.resolve("latest/report.html"));
    assertEquals(List.of(), browser.consoleErrors());
    assertEquals("VALID", browser.script("return document.getElementById('verdict').textContent;"));
    assertTrue(browser.number("return document.documentElement.scrollWidth;") <= WIDTH, "one screen wide");
    assertTrue(browser.number("return document.querySelectorAll('#timeline g.band').length;") > 10, "fault bands");
    // Latency, throughput and their quantiles, then the six per-node metrics of metrics.jsonl.
    assertEquals(9.0, browser.number("return document.querySelectorAll('svg.plot').length;"), "plots");
    browser.screenshot(Browser.screenshotDir().resolve("demo.png"));
  }
}
