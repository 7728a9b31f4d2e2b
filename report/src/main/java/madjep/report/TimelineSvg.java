package madjep.report;

import it.unimi.dsi.fastutil.ints.IntOpenHashSet;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import madjep.history.History;

/**
 * A timeline as inline SVG: time runs left to right; a row for the leader, one per node that faults touched, one
 * for cluster-wide faults, then a lane per concurrent client thread. Ops are bars coloured by outcome, with their
 * process, f, value and latency on hover; faults are bands in their rows and shaded over the lanes; the violation
 * is outlined and crossed by a red line. Past {@link HtmlReport#DRAWN_OPS} ops in view, ops are drawn as cells of
 * one pixel column each, coloured by the worst outcome in them.
 */
final class TimelineSvg {
  static final int WIDTH = 1180;
  static final int LEFT = 78;
  static final int RIGHT = 12;
  static final int AXIS = 18;
  static final int ROW = 15;

  /** What one timeline shows. */
  static final class Spec {
    String id = "timeline";
    long from;
    long to;
    int[] ids;
    /** The lane of each of {@link #ids} when already known (the overview's), or null: assigned here. */
    int[] lanes;
    int laneHeight = 14;
    /** Text inside an op's bar, or null. */
    IntFunction<String> label;
    /** A badge above an op's bar (the linearization order), or null. */
    IntFunction<String> badge;
    boolean nodeRows = true;
    int maxHeight = 560;
    /**
     * Porcupine's axis: every invocation and completion gets an equal step, whatever the time between them, so
     * that short ops beside long ones stay readable.
     */
    boolean ordinal;
    /**
     * The cells {@link #cells(Spec)} drew for this very spec beforehand (the overview's, drawn while the run is
     * checked: they need no verdict), or null: drawn here when there are more ops than are drawn one by one.
     */
    String cells;
  }

  /** Where a timeline's lanes are, from its spec, the faults and the leaders alone (not the findings). */
  private record Geometry(int[] lane, int lanes, List<String> nodeRows, boolean leaderRow, boolean networkRow,
      int laneH, int lanesTop, int height, double scale) {}

  private final History h;
  private final Axis axis;
  private final Intervals iv;
  private final Faults faults;
  private final List<Announcement> leaders;
  /** Unboxed: a finished run's timeline asks about every one of millions of ops. */
  private final IntOpenHashSet markedIntervals = new IntOpenHashSet();
  private final int primaryInterval;

  TimelineSvg(History h, Axis axis, Intervals iv, Faults faults, List<Announcement> leaders, Findings findings) {
    this.h = h;
    this.axis = axis;
    this.iv = iv;
    this.faults = faults;
    this.leaders = leaders;
    if (findings != null) {
      for (int p : findings.marked) {
        int k = iv.ofPosition(p);
        if (k >= 0) {
          markedIntervals.add(k);
        }
      }
    }
    primaryInterval = findings != null && findings.primary >= 0 ? iv.ofPosition(findings.primary) : -1;
  }

  /** A timeline that marks nothing: for {@link #cells(Spec)} before the verdict is known. */
  TimelineSvg(History h, Axis axis, Intervals iv, Faults faults, List<Announcement> leaders) {
    this(h, axis, iv, faults, leaders, null);
  }

  private Geometry geometry(Spec s) {
    int[] lane = s.lanes != null ? s.lanes : iv.lanes(h, s.ids);
    int lanes = 0;
    for (int l : lane) {
      lanes = Math.max(lanes, l + 1);
    }
    List<String> nodeRows = s.nodeRows ? nodesWithFaults(s.from, s.to) : List.of();
    boolean leaderRow = s.nodeRows && !leaders.isEmpty();
    boolean networkRow = s.nodeRows && hasClusterFaults(s.from, s.to);
    int rows = (leaderRow ? 1 : 0) + nodeRows.size() + (networkRow ? 1 : 0);
    int laneH = s.laneHeight;
    int budget = s.maxHeight - AXIS * 2 - rows * ROW;
    if (lanes > 0 && lanes * laneH > budget) {
      laneH = Math.max(3, budget / lanes);
    }
    int lanesTop = AXIS + rows * ROW + (rows > 0 ? 4 : 0);
    int height = lanesTop + lanes * laneH + AXIS;
    double span = Math.max(1, s.to - s.from);
    double scale = (WIDTH - LEFT - RIGHT) / span;
    return new Geometry(lane, lanes, nodeRows, leaderRow, networkRow, laneH, lanesTop, height, scale);
  }

  /**
   * The cells {@link #render} draws for {@code s} when it has more than {@link HtmlReport#DRAWN_OPS} ops, or null
   * when it draws them one by one: the same text, for {@link Spec#cells}.
   */
  String cells(Spec s) {
    if (s.ids.length <= HtmlReport.DRAWN_OPS) {
      return null;
    }
    Geometry g = geometry(s);
    StringBuilder sb = new StringBuilder();
    cells(sb, s, g);
    return sb.toString();
  }

  String render(Spec s) {
    Geometry g = geometry(s);
    int[] lane = g.lane();
    int lanes = g.lanes();
    List<String> nodeRows = g.nodeRows();
    boolean leaderRow = g.leaderRow();
    boolean networkRow = g.networkRow();
    int laneH = g.laneH();
    int lanesTop = g.lanesTop();
    int height = g.height();
    double scale = g.scale();
    long[] events = s.ordinal ? events(s) : null;
    X x = s.ordinal ? t -> ordinalX(events, t) : t -> LEFT + (Math.min(Math.max(t, s.from), s.to) - s.from) * scale;

    // Sized for the ops drawn one by one: past DRAWN_OPS they are drawn as cells, and a capacity per op in view
    // would reserve hundreds of megabytes for an hour-long run.
    StringBuilder sb = new StringBuilder(64 + Math.min(s.ids.length, HtmlReport.DRAWN_OPS) * 160);
    sb.append("<svg class=\"timeline\" id=\"").append(s.id).append("\" width=\"").append(WIDTH).append("\" height=\"")
        .append(height).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
        .append("\" xmlns=\"http://www.w3.org/2000/svg\" data-from=\"").append(s.from).append("\" data-to=\"")
        .append(s.to).append("\" data-timed=\"").append(axis.timed).append("\" data-ordinal=\"").append(s.ordinal)
        .append("\">\n");
    if (s.ordinal) {
      ordinalTicks(sb, events, height);
    } else {
      axisTicks(sb, s, x, height);
    }
    // Labels sit left of the plot area; everything placed by time is inside it, so that the page's script can
    // zoom and pan the area alone (its viewBox), leaving labels and strokes as they are.
    int ly = AXIS;
    if (leaderRow) {
      rowLabel(sb, "leader", ly);
      ly += ROW;
    }
    for (String node : nodeRows) {
      rowLabel(sb, node, ly);
      ly += ROW;
    }
    if (networkRow) {
      rowLabel(sb, "faults", ly);
    }
    for (int l = 0; l < lanes; l++) {
      if (laneH >= 10 || l % 5 == 0) {
        sb.append("<text class=\"lane-label\" x=\"").append(LEFT - 6).append("\" y=\"")
            .append(Format.px(lanesTop + l * laneH + laneH * 0.5 + 3.5)).append("\">thread ").append(l)
            .append("</text>\n");
      }
    }
    int areaWidth = WIDTH - LEFT;
    sb.append("<svg class=\"zoom-area\" x=\"").append(LEFT).append("\" y=\"0\" width=\"").append(areaWidth)
        .append("\" height=\"").append(height).append("\" viewBox=\"").append(LEFT).append(" 0 ").append(areaWidth)
        .append(' ').append(height).append("\" preserveAspectRatio=\"none\">\n");
    int y = AXIS;
    if (leaderRow) {
      leaderRow(sb, s, x, y);
      y += ROW;
    }
    for (String node : nodeRows) {
      for (Faults.Band b : faults.bands) {
        if (node.equals(b.node()) && b.end() >= s.from && b.start() <= s.to) {
          band(sb, b, x, y + 1, ROW - 2, true);
        }
      }
      y += ROW;
    }
    if (networkRow) {
      for (Faults.Band b : faults.bands) {
        if (b.node() == null && b.end() >= s.from && b.start() <= s.to) {
          band(sb, b, x, y + 1, ROW - 2, true);
        }
      }
      for (Faults.Marker m : faults.markers) {
        if (m.at() >= s.from && m.at() <= s.to) {
          double mx = x.at(m.at());
          sb.append("<path class=\"marker\" d=\"M").append(Format.px(mx)).append(' ').append(y + 2).append("l4 ")
              .append(ROW - 4).append("h-8z\"><title>").append(Format.esc(m.detail())).append("</title></path>\n");
        }
      }
    }
    // Faults shaded over the lanes, under the ops.
    if (lanes > 0) {
      for (Faults.Band b : faults.shades()) {
        if (b.end() >= s.from && b.start() <= s.to) {
          band(sb, b, x, lanesTop, lanes * laneH, false);
        }
      }
    }
    if (s.ids.length > HtmlReport.DRAWN_OPS) {
      if (s.cells != null) {
        sb.append(s.cells);
      } else {
        cells(sb, s, g);
      }
    } else {
      for (int j = 0; j < s.ids.length; j++) {
        op(sb, s, s.ids[j], x, lanesTop + lane[j] * laneH, laneH);
      }
    }
    // The marked ops on top, the violation last. A valid run marks none: no lookup for each of millions of ops.
    if (!markedIntervals.isEmpty()) {
      for (int j = 0; j < s.ids.length; j++) {
        int id = s.ids[j];
        if (markedIntervals.contains(id) && id != primaryInterval) {
          outline(sb, id, x, lanesTop + lane[j] * laneH, laneH, "mark", null);
        }
      }
    }
    String pin = null;
    // As for the marks: a valid run has no violation to look for among its millions of ops.
    for (int j = 0; j < s.ids.length && primaryInterval >= 0; j++) {
      if (s.ids[j] == primaryInterval) {
        int id = s.ids[j];
        double cx = x.at(iv.end[id]);
        sb.append("<line class=\"violation-line\" x1=\"").append(Format.px(cx)).append("\" x2=\"")
            .append(Format.px(cx)).append("\" y1=\"").append(AXIS).append("\" y2=\"").append(height - AXIS)
            .append("\"/>\n");
        outline(sb, id, x, lanesTop + lane[j] * laneH, laneH, "mark primary", s.id + "-violation");
        String text = "✗ op " + h.index(iv.complete[id] >= 0 ? iv.complete[id] : iv.invoke[id]);
        boolean right = cx < WIDTH - 120;
        pin = "<text class=\"violation-label pin\" data-x=\"" + Format.px(cx) + "\" data-dx=\"" + (right ? 4 : -4)
            + "\" x=\"" + Format.px(cx + (right ? 4 : -4)) + "\" y=\"" + (AXIS - 5) + "\" text-anchor=\""
            + (right ? "start" : "end") + "\">" + Format.esc(text) + "</text>\n";
      }
    }
    sb.append("</svg>\n");
    if (pin != null) {
      sb.append(pin);
    }
    sb.append("</svg>\n");
    return sb.toString();
  }

  @FunctionalInterface
  private interface X {
    double at(long t);
  }

  private void axisTicks(StringBuilder sb, Spec s, X x, int height) {
    long span = Math.max(1, s.to - s.from);
    long step = axis.timed ? Ticks.step(span, 10) : Ticks.step(span, 10);
    long first = Math.floorDiv(s.from + step - 1, step) * step;
    sb.append("<g class=\"axis ticks\">\n");
    for (long t = first; t <= s.to; t += step) {
      double tx = x.at(t);
      sb.append("<line class=\"grid\" x1=\"").append(Format.px(tx)).append("\" x2=\"").append(Format.px(tx))
          .append("\" y1=\"").append(AXIS).append("\" y2=\"").append(height - AXIS).append("\"/>")
          .append("<text x=\"").append(Format.px(tx)).append("\" y=\"").append(height - 5)
          .append("\" text-anchor=\"middle\">").append(Format.esc(axis.label(t))).append("</text>\n");
    }
    sb.append("</g>\n");
  }

  /** The distinct invocation and completion times in view, and the window's ends, ascending. */
  private long[] events(Spec s) {
    it.unimi.dsi.fastutil.longs.LongAVLTreeSet set = new it.unimi.dsi.fastutil.longs.LongAVLTreeSet();
    set.add(s.from);
    set.add(s.to);
    for (int id : s.ids) {
      set.add(Math.max(s.from, Math.min(s.to, iv.start[id])));
      set.add(Math.max(s.from, Math.min(s.to, iv.end[id])));
    }
    return set.toLongArray();
  }

  /** Equal steps between events, linear in between. */
  private static double ordinalX(long[] events, long t) {
    double step = (WIDTH - LEFT - RIGHT) / (double) Math.max(1, events.length - 1);
    if (t <= events[0]) {
      return LEFT;
    }
    if (t >= events[events.length - 1]) {
      return LEFT + (events.length - 1) * step;
    }
    int i = java.util.Arrays.binarySearch(events, t);
    if (i >= 0) {
      return LEFT + i * step;
    }
    int hi = -i - 1;
    int lo = hi - 1;
    double f = (t - events[lo]) / (double) (events[hi] - events[lo]);
    return LEFT + (lo + f) * step;
  }

  private void ordinalTicks(StringBuilder sb, long[] events, int height) {
    double step = (WIDTH - LEFT - RIGHT) / (double) Math.max(1, events.length - 1);
    int every = Math.max(1, (int) Math.ceil(events.length / 9.0));
    sb.append("<g class=\"axis\">\n");
    for (int i = 0; i < events.length; i++) {
      double tx = LEFT + i * step;
      sb.append("<line class=\"grid\" x1=\"").append(Format.px(tx)).append("\" x2=\"").append(Format.px(tx))
          .append("\" y1=\"").append(AXIS).append("\" y2=\"").append(height - AXIS).append("\"/>");
      if (i % every == 0) {
        long gap = i + every < events.length ? events[i + every] - events[i] : events[i] - events[Math.max(0, i - every)];
        sb.append("<text x=\"").append(Format.px(tx)).append("\" y=\"").append(height - 5)
            .append("\" text-anchor=\"middle\">").append(Format.esc(axis.preciseLabel(events[i], gap)))
            .append("</text>");
      }
      sb.append('\n');
    }
    sb.append("</g>\n");
  }

  private static void rowLabel(StringBuilder sb, String label, int y) {
    sb.append("<text class=\"row-label\" x=\"").append(LEFT - 6).append("\" y=\"").append(y + ROW - 4)
        .append("\">").append(Format.esc(label)).append("</text>\n");
  }

  private void leaderRow(StringBuilder sb, Spec s, X x, int y) {
    for (int i = 0; i < leaders.size(); i++) {
      Announcement a = leaders.get(i);
      long at = Math.max(0, a.time() - axis.origin);
      long until = i + 1 < leaders.size() ? Math.max(0, leaders.get(i + 1).time() - axis.origin) : axis.span;
      if (until < s.from || at > s.to) {
        continue;
      }
      double x0 = x.at(at);
      double x1 = x.at(until);
      int colour = Math.floorMod(nodeNumber(a.node()), 6);
      String title = a.node() + " became leader" + (a.value() == null ? "" : " (term " + a.value() + ")") + " at "
          + axis.label(at);
      sb.append("<g class=\"leader\"><rect class=\"leader-span l").append(colour).append("\" x=\"")
          .append(Format.px(x0)).append("\" y=\"").append(y + 3).append("\" width=\"")
          .append(Format.px(Math.max(1, x1 - x0))).append("\" height=\"").append(ROW - 6).append("\"/>")
          .append("<path class=\"leader-mark\" d=\"M").append(Format.px(x0)).append(' ').append(y + ROW - 1)
          .append("l-3.5 -6h7z\"/>");
      if (x1 - x0 > 24) {
        sb.append("<text class=\"band-text\" x=\"").append(Format.px(x0 + 3)).append("\" y=\"").append(y + ROW - 4)
            .append("\">").append(Format.esc(a.node())).append("</text>");
      }
      sb.append("<title>").append(Format.esc(title)).append("</title></g>\n");
    }
  }

  private static int nodeNumber(String node) {
    String digits = node.replaceAll("\\D", "");
    try {
      return digits.isEmpty() ? node.hashCode() : Integer.parseInt(digits.substring(Math.max(0, digits.length() - 6)));
    } catch (NumberFormatException e) {
      return node.hashCode();
    }
  }

  private static void band(StringBuilder sb, Faults.Band b, X x, double y, double height, boolean inRow) {
    double x0 = x.at(b.start());
    double x1 = x.at(b.end());
    String cls = "band " + kindClass(b.kind()) + (inRow ? "" : " over");
    sb.append("<g class=\"").append(cls).append("\" data-kind=\"").append(Format.esc(b.kind())).append("\"><rect x=\"")
        .append(Format.px(x0)).append("\" y=\"").append(Format.px(y)).append("\" width=\"")
        .append(Format.px(Math.max(2, x1 - x0))).append("\" height=\"").append(Format.px(height)).append("\"/>");
    if (inRow) {
      String text = b.node() == null ? b.label() : b.label();
      int chars = (int) ((x1 - x0 - 4) / 6.2);
      if (chars >= 3) {
        sb.append("<text class=\"band-text\" x=\"").append(Format.px(x0 + 3)).append("\" y=\"")
            .append(Format.px(y + height - 3)).append("\">")
            .append(Format.esc(text.length() <= chars ? text : text.substring(0, chars - 1) + "…")).append("</text>");
      }
      sb.append("<title>").append(Format.esc(b.detail())).append("</title>");
    }
    sb.append("</g>\n");
  }

  /** The CSS class of a fault kind: the known ones, or {@code other}. */
  static String kindClass(String kind) {
    return switch (kind) {
      case "partition", "down", "paused", "clock", "packet", "clog", "fault" -> "k-" + kind;
      default -> "k-other";
    };
  }

  private void op(StringBuilder sb, Spec s, int id, X x, double y, int laneH) {
    double x0 = x.at(iv.start[id]);
    double x1 = x.at(iv.end[id]);
    double w = Math.max(1.5, x1 - x0);
    sb.append("<rect class=\"op ").append(outcomeClass(iv.outcome[id])).append("\" x=\"").append(Format.px(x0))
        .append("\" y=\"").append(Format.px(y + 1)).append("\" width=\"").append(Format.px(w)).append("\" height=\"")
        .append(Math.max(1, laneH - 2)).append("\"><title>").append(Format.esc(describe(id))).append("</title></rect>");
    int chars = (int) ((w - 4) / 6.2);
    String b = s.badge == null ? null : s.badge.apply(id);
    if (s.label != null) {
      String text = s.label.apply(id);
      if (text != null && chars >= 2) {
        double ty = b != null && laneH >= 24 ? y + laneH - 6 : y + laneH * 0.5 + 4;
        sb.append("<text class=\"op-text\" x=\"").append(Format.px(x0 + 3)).append("\" y=\"")
            .append(Format.px(ty)).append("\">").append(Format.esc(fit(text, chars))).append("</text>");
      }
    }
    if (b != null && laneH >= 24) {
      // A badge may run past its bar to the right, where the next op of the lane starts later; at the right edge
      // it ends where its bar ends.
      String text = fit(b, Math.max(chars, 3) + 6);
      boolean atEdge = x0 + 2 + text.length() * 6.2 > WIDTH - RIGHT;
      if (atEdge) {
        text = fit(b, Math.max(Math.max(chars, 3) + 6, (int) ((x1 - LEFT) / 6.2)));
      }
      sb.append("<text class=\"badge\" x=\"").append(Format.px(atEdge ? x1 - 2 : x0 + 2)).append("\" y=\"")
          .append(Format.px(y + 11)).append(atEdge ? "\" text-anchor=\"end\">" : "\">").append(Format.esc(text))
          .append("</text>");
    }
    sb.append('\n');
  }

  private static String fit(String text, int chars) {
    return text.length() <= chars ? text : text.substring(0, Math.max(1, chars - 1)) + "…";
  }

  private void outline(StringBuilder sb, int id, X x, double y, int laneH, String cls, String elementId) {
    double x0 = x.at(iv.start[id]);
    double x1 = x.at(iv.end[id]);
    sb.append("<rect class=\"").append(cls).append("\"");
    if (elementId != null) {
      sb.append(" id=\"").append(elementId).append("\"");
    }
    sb.append(" x=\"").append(Format.px(x0 - 1)).append("\" y=\"").append(Format.px(y)).append("\" width=\"")
        .append(Format.px(Math.max(3, x1 - x0 + 2))).append("\" height=\"").append(laneH).append("\"><title>")
        .append(Format.esc(describe(id))).append("</title></rect>\n");
  }

  /** One cell per lane and pixel column, coloured by the worst outcome among the ops in it. */
  private void cells(StringBuilder sb, Spec s, Geometry g) {
    int[] lane = g.lane();
    int lanes = g.lanes();
    int lanesTop = g.lanesTop();
    int laneH = g.laneH();
    double scale = g.scale();
    int columns = WIDTH - LEFT - RIGHT;
    byte[] worst = new byte[lanes * columns];
    java.util.Arrays.fill(worst, (byte) -1);
    int[] count = new int[lanes * columns];
    for (int j = 0; j < s.ids.length; j++) {
      int id = s.ids[j];
      int c0 = (int) Math.max(0, Math.min(columns - 1, (iv.start[id] - s.from) * scale));
      int c1 = (int) Math.max(0, Math.min(columns - 1, (iv.end[id] - s.from) * scale));
      for (int c = c0; c <= c1; c++) {
        int k = lane[j] * columns + c;
        count[k]++;
        byte o = iv.outcome[id];
        if (worst[k] < 0 || severity(o) > severity(worst[k])) {
          worst[k] = o;
        }
      }
    }
    for (byte o : new byte[] {Intervals.OK, Intervals.FAIL, Intervals.INFO}) {
      sb.append("<path class=\"op ").append(outcomeClass(o)).append("\" d=\"");
      for (int l = 0; l < lanes; l++) {
        int c = 0;
        while (c < columns) {
          if (worst[l * columns + c] != o) {
            c++;
            continue;
          }
          int c0 = c;
          while (c < columns && worst[l * columns + c] == o) {
            c++;
          }
          sb.append('M').append(LEFT + c0).append(' ').append(lanesTop + l * laneH + 1).append('h').append(c - c0)
              .append('v').append(Math.max(1, laneH - 2)).append('h').append(c0 - c).append('z');
        }
      }
      sb.append("\"><title>").append(Format.count(s.ids.length))
          .append(" ops drawn as one cell per pixel: the worst outcome in each cell shows (crashed, then failed,"
              + " then ok)</title></path>\n");
    }
  }

  private static int severity(byte o) {
    return o == Intervals.INFO ? 2 : o == Intervals.FAIL ? 1 : 0;
  }

  static String outcomeClass(byte o) {
    return o == Intervals.OK ? "ok" : o == Intervals.FAIL ? "fail" : "info";
  }

  /** {@code process 67: read [11 nil] → ok [11 1], 3.2 ms, op 4637 (line 4638)}. */
  String describe(int id) {
    int i = iv.invoke[id];
    int c = iv.complete[id];
    StringBuilder d = new StringBuilder("process ").append(Format.edn(h.processValue(i), 20)).append(": ")
        .append(h.f(i) == null ? "nil" : h.f(i).name()).append(' ').append(Format.edn(h.value(i), 120));
    if (c >= 0) {
      d.append(" → ").append(h.type(c).keyword().name()).append(' ').append(Format.edn(h.value(c), 160));
      if (h.error(c) != null) {
        d.append(" (error ").append(Format.edn(h.error(c), 60)).append(')');
      }
      d.append(", ").append(axis.timed ? Format.duration(iv.end[id] - iv.start[id]) : (iv.end[id] - iv.start[id])
          + " positions");
    } else {
      d.append(" → never completed");
    }
    d.append(", op ").append(h.index(c >= 0 ? c : i));
    int line = h.line(c >= 0 ? c : i);
    if (line > 0) {
      d.append(" (line ").append(line).append(')');
    }
    return d.toString();
  }

  /** True when a cluster-wide fault or a nemesis marker falls in the window. */
  private boolean hasClusterFaults(long from, long to) {
    for (Faults.Band b : faults.bands) {
      if (b.node() == null && b.end() >= from && b.start() <= to) {
        return true;
      }
    }
    for (Faults.Marker m : faults.markers) {
      if (m.at() >= from && m.at() <= to) {
        return true;
      }
    }
    return false;
  }

  /** The nodes with a fault in view, in name order. */
  private List<String> nodesWithFaults(long from, long to) {
    List<String> out = new ArrayList<>();
    for (String n : faults.nodes) {
      for (Faults.Band b : faults.bands) {
        if (n.equals(b.node()) && b.end() >= from && b.start() <= to) {
          out.add(n);
          break;
        }
      }
    }
    return out;
  }
}
