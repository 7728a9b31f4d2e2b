package madjep.report;

import java.util.ArrayList;
import java.util.List;
import madjep.history.History;
import madjep.history.HistoryStats;

/**
 * What a page draws from its history and run alone, never from the checker's result: the axis, the ops as
 * intervals, the faults, the leaders, the overview's lanes, the statistics, and the plots and fault coverage sections
 * whole. For an hour-long run this is most of the page's work, so {@link HtmlReport#prepare} lets a caller do it while
 * the checker runs.
 */
final class PageModel {
  final History h;
  final RunInfo run;
  final Axis axis;
  final Intervals iv;
  final Faults faults;
  final List<Announcement> leaders = new ArrayList<>();
  final HistoryStats stats;
  /** Every client op, in order: the overview's ops, made once (2.5 million of them in a simulated hour). */
  final int[] overviewIds;
  /** The lane of every client op in the overview (all of them, in order). */
  final int[] overviewLanes;
  /** The overview timeline's cells ({@link TimelineSvg#cells}), or null when it draws its ops one by one. */
  final String overviewCells;
  final String plots;
  final String faultCoverage;

  PageModel(History h, RunInfo run) {
    this.h = h;
    this.run = run;
    this.axis = new Axis(h);
    this.iv = new Intervals(h, axis);
    this.faults = new Faults(h, axis);
    if (run != null && axis.timed) {
      for (Announcement a : run.announcements()) {
        if (a.isLeader()) {
          leaders.add(a);
        }
      }
    }
    this.stats = HistoryStats.of(h);
    this.overviewIds = iv.all();
    this.overviewLanes = iv.lanes(h, overviewIds);
    // The hour's 2.5 million ops took 0.13 s to draw as cells once the verdict was known; they need none.
    this.overviewCells = new TimelineSvg(h, axis, iv, faults, leaders).cells(overviewSpec());
    this.plots = plots();
    this.faultCoverage = new FaultCoverage(this).render();
  }

  /** What the whole run's timeline shows, without its {@link TimelineSvg.Spec#cells}. */
  TimelineSvg.Spec overviewSpec() {
    TimelineSvg.Spec s = new TimelineSvg.Spec();
    s.id = "timeline";
    s.from = 0;
    s.to = axis.span;
    s.ids = overviewIds;
    s.lanes = overviewLanes;
    s.laneHeight = 14;
    s.maxHeight = 620;
    return s;
  }

  /** The number of lanes the overview draws. */
  int overviewLaneCount() {
    int max = 0;
    for (int l : overviewLanes) {
      max = Math.max(max, l + 1);
    }
    return max;
  }

  private String plots() {
    StringBuilder sb = new StringBuilder();
    sb.append("<section id=\"plots\">\n<h2>Latency and throughput</h2>\n");
    if (!axis.timed) {
      sb.append("<p class=\"note\">The history has no <code>:time</code>, so there is no latency to plot.</p>\n");
    } else if (iv.size == 0) {
      sb.append("<p class=\"note\">No client ops.</p>\n");
    } else {
      Plots p = new Plots(axis, iv, faults);
      sb.append("<div class=\"plots\">\n").append(p.latencyRaw()).append(p.latencyQuantiles()).append(p.throughput())
          .append("</div>\n");
      if (run != null && !run.metrics().isEmpty()) {
        sb.append("<h3>Node metrics</h3>\n<div class=\"plots\">\n");
        for (String m : p.metrics(run.metrics())) {
          sb.append(m);
        }
        sb.append("</div>\n");
      }
    }
    return sb.append("</section>\n").toString();
  }
}
