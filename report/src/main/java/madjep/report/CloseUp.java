package madjep.report;

import static madjep.report.HtmlReport.CLOSE_UP_OPS;
import static madjep.report.HtmlReport.CLOSE_UP_STEPS;
import static madjep.report.HtmlReport.PREFIX_ROWS;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import madjep.history.edn.Keyword;

/**
 * The violation's close-up: for linearizability Porcupine's view (the failing key's ops around the op no order
 * explains, numbered with their place in the longest linearizable prefix and the state after, then the prefix and
 * the states the op cannot follow); for other checkers every op around the first op their result names.
 */
final class CloseUp {
  private final Page p;

  CloseUp(Page p) {
    this.p = p;
  }

  /** Porcupine's view: the failing op's partition around it, each op with its place in the longest prefix. */
  void linear() {
    Findings.LinearFailure lf = p.f.linear;
    int failing = p.iv.ofPosition(lf.position());
    if (failing < 0) {
      return;
    }
    // Per interval: its 1-based place in the prefix (0: not in it) and the state it leaves.
    int[] order = new int[p.iv.size];
    Object[] stateAfter = new Object[p.iv.size];
    List<Findings.PrefixStep> prefix = lf.prefix();
    for (int i = 0; i < prefix.size(); i++) {
      int k = prefix.get(i).position() >= 0 ? p.iv.ofPosition(prefix.get(i).position()) : -1;
      if (k >= 0) {
        order[k] = i + 1;
        stateAfter[k] = prefix.get(i).state();
      }
    }
    long from = p.iv.start[failing];
    long to = p.iv.end[failing];
    for (int i = Math.max(0, prefix.size() - CLOSE_UP_STEPS); i < prefix.size(); i++) {
      int k = prefix.get(i).position() >= 0 ? p.iv.ofPosition(prefix.get(i).position()) : -1;
      if (k >= 0) {
        from = Math.min(from, p.iv.start[k]);
        to = Math.max(to, Math.min(p.iv.end[k], p.iv.end[failing]));
      }
    }
    long pad = Math.max(1, (to - from) / 40);
    from = Math.max(0, from - pad);
    to = Math.min(p.axis.span, to + pad);
    List<Integer> ids = new ArrayList<>();
    for (int k = 0; k < p.iv.size; k++) {
      if (p.iv.start[k] <= to && p.iv.end[k] >= from && (order[k] > 0 || k == failing
          || inPartition(p.iv.invoke[k], lf.partition()))) {
        ids.add(k);
      }
    }
    ids = nearest(ids, failing);
    String states = statesText(lf.statesBefore(), lf.statesCapped());
    TimelineSvg.Spec s = new TimelineSvg.Spec();
    s.id = "closeup";
    s.from = from;
    s.to = to;
    s.ids = ids.stream().mapToInt(Integer::intValue).toArray();
    s.laneHeight = 30;
    s.nodeRows = true;
    s.maxHeight = 460;
    s.ordinal = true;
    s.label = k -> shortOp(k, lf.partition() != null);
    s.badge = k -> k == failing ? "✗ cannot follow " + states
        : order[k] > 0 ? "#" + order[k] + " ⇒ " + Format.edn(stateAfter[k], 24) : null;
    p.sb.append("<section id=\"violation\" class=\"closeup\">\n<h2>The violation").append(lf.partition() == null ? ""
        : ", key " + Format.esc(Format.edn(lf.partition(), 40))).append("</h2>\n<p class=\"note\">")
        .append("The ops of ").append(lf.partition() == null ? "the history" : "this key")
        .append(" around the op that no order explains (outlined in red). <b>#n ⇒ s</b>: the op's place in the "
            + "longest linearizable prefix and the state it leaves; unnumbered ops are not in it. Each "
            + "invocation and completion gets an equal step on this axis, whatever the time between them. Crashed ops "
            + "(orange) may take effect at any point after their invocation, or never.</p>\n");
    p.legend(true, s.from, s.to);
    p.sb.append("<div class=\"scroll\">\n").append(p.timeline.render(s)).append("</div>\n");
    p.sb.append("<div class=\"two\">\n<div>\n<h3>Longest linearizable prefix (").append(prefix.size())
        .append(prefix.size() == 1 ? " op" : " ops").append(")</h3>\n");
    if (prefix.isEmpty()) {
      p.sb.append("<p>No op of this key can take effect before the failing one.</p>\n");
    } else {
      p.sb.append("<table class=\"prefix\"><tr><th>#</th><th>op</th><th>process</th><th>f</th><th>value</th>"
          + "<th>state after</th></tr>\n");
      int first = Math.max(0, prefix.size() - PREFIX_ROWS);
      if (first > 0) {
        p.sb.append("<tr><td colspan=\"6\" class=\"more\">… ").append(first).append(" earlier steps</td></tr>\n");
      }
      for (int i = first; i < prefix.size(); i++) {
        Findings.PrefixStep step = prefix.get(i);
        Map<?, ?> op = step.op();
        p.sb.append("<tr><td>").append(i + 1).append("</td><td>")
            .append(Format.esc(Format.edn(op.get(Keyword.of("index")), 20))).append("</td><td>")
            .append(Format.esc(Format.edn(op.get(Keyword.of("process")), 20))).append("</td><td>")
            .append(Format.esc(Format.edn(op.get(Keyword.of("f")), 20))).append("</td><td>")
            .append(Format.esc(Format.edn(op.get(Keyword.of("value")), 60))).append("</td><td>")
            .append(Format.esc(Format.edn(step.state(), 60))).append("</td></tr>\n");
      }
      p.sb.append("</table>\n");
    }
    p.sb.append("</div>\n<div>\n<h3>The op that cannot follow</h3>\n<p class=\"failing\"><code>")
        .append(Format.esc(p.timeline.describe(failing))).append("</code></p>\n<p>States the longest orders leave "
            + "before it: <b class=\"states\">").append(Format.esc(states)).append("</b>. From none of them can ")
        .append("this op return what it returned.</p>\n</div>\n</div>\n</section>\n");
  }

  private String statesText(List<Object> states, boolean capped) {
    List<String> parts = new ArrayList<>();
    for (Object s : states) {
      parts.add(Format.edn(s, 40));
    }
    String t = parts.isEmpty() ? "(none)" : String.join(" or ", parts);
    return capped ? t + " (or others)" : t;
  }

  /** The op's f and value, short: {@code read 1}, {@code cas [4 0]}; a tuple's key left out when split. */
  private String shortOp(int k, boolean split) {
    int c = p.iv.complete[k];
    int i = p.iv.invoke[k];
    Object v = c >= 0 && p.h.isOk(c) ? p.h.value(c) : p.h.value(i);
    if (split && v instanceof List<?> l && l.size() == 2) {
      v = l.get(1);
    }
    if (p.h.f(i) == null) {
      return Format.edn(v, 40);
    }
    // Jepsen's own short forms for the register's functions, so that more of the value fits in a bar.
    String fn = switch (p.h.f(i).name()) {
      case "read" -> "r";
      case "write" -> "w";
      default -> p.h.f(i).name();
    };
    return fn + " " + Format.edn(v, 30);
  }

  private boolean inPartition(int pos, Object partition) {
    if (partition == null) {
      return true;
    }
    Object v = p.h.value(pos);
    if (v instanceof List<?> l && l.size() == 2 && partition.equals(l.get(0))) {
      return true;
    }
    return partition.equals(p.h.extra(pos, Keyword.of("key")));
  }

  /** At most {@link #CLOSE_UP_OPS} of {@code ids}, those invoked nearest to {@code centre}, in order. */
  private List<Integer> nearest(List<Integer> ids, int centre) {
    if (ids.size() <= CLOSE_UP_OPS) {
      return ids;
    }
    List<Integer> sorted = new ArrayList<>(ids);
    sorted.sort(java.util.Comparator.comparingInt((Integer k) -> Math.abs(k - centre)).thenComparingInt(k -> k));
    List<Integer> kept = new ArrayList<>(sorted.subList(0, CLOSE_UP_OPS));
    kept.sort(null);
    return kept;
  }

  /** Any other checker's violation: every client op around the first op its result names. */
  void neighbourhood() {
    int centre = p.iv.ofPosition(p.f.primary);
    if (centre < 0) {
      return;
    }
    if (!p.f.cycles.isEmpty() && cycle(p.f.cycles.get(0))) {
      return;
    }
    int lo = Math.max(0, centre - 40);
    int hi = Math.min(p.iv.size - 1, centre + 20);
    long from = p.iv.start[lo];
    long to = p.iv.end[centre];
    for (int k = lo; k <= hi; k++) {
      if (p.iv.complete[k] >= 0) {
        to = Math.max(to, Math.min(p.iv.end[k], p.iv.start[hi]));
      }
    }
    long pad = Math.max(1, (to - from) / 40);
    TimelineSvg.Spec s = new TimelineSvg.Spec();
    s.id = "closeup";
    s.from = Math.max(0, from - pad);
    s.to = Math.min(p.axis.span, to + pad);
    List<Integer> ids = new ArrayList<>();
    for (int k = 0; k < p.iv.size; k++) {
      if (p.iv.start[k] <= s.to && p.iv.end[k] >= s.from) {
        ids.add(k);
      }
    }
    s.ids = nearest(ids, centre).stream().mapToInt(Integer::intValue).toArray();
    s.laneHeight = 22;
    s.maxHeight = 420;
    s.ordinal = true;
    s.label = k -> shortOp(k, false);
    p.sb.append("<section id=\"violation\" class=\"closeup\">\n<h2>Around the violation</h2>\n<p class=\"note\">The "
        + "client ops around the first op the result names (outlined in red); the other ops it names are "
        + "outlined too.</p>\n");
    p.legend(true, s.from, s.to);
    p.sb.append("<div class=\"scroll\">\n").append(p.timeline.render(s)).append("</div>\n</section>\n");
  }

  /**
   * The first cycle's transactions in time, named T1..Tk as in its graph, among the ops that overlap them: where
   * the realtime and process edges come from. False when the cycle's transactions are not in the history's client
   * ops (a history without processes).
   */
  private boolean cycle(Findings.Cycle c) {
    java.util.Map<Integer, String> names = new java.util.HashMap<>();
    long from = Long.MAX_VALUE;
    long to = Long.MIN_VALUE;
    int first = -1;
    for (int t = 0; t < c.positions().length; t++) {
      int k = c.positions()[t] >= 0 ? p.iv.ofPosition(c.positions()[t]) : -1;
      if (k >= 0) {
        names.put(k, "T" + (t + 1));
        from = Math.min(from, p.iv.start[k]);
        to = Math.max(to, p.iv.end[k]);
        first = first < 0 ? k : first;
      }
    }
    if (first < 0) {
      return false;
    }
    List<Integer> ids = new ArrayList<>();
    for (int k = 0; k < p.iv.size; k++) {
      if (p.iv.start[k] <= to && p.iv.end[k] >= from) {
        ids.add(k);
      }
    }
    TimelineSvg.Spec s = new TimelineSvg.Spec();
    s.id = "closeup";
    s.from = from;
    s.to = to;
    s.ids = nearest(ids, first).stream().mapToInt(Integer::intValue).toArray();
    s.laneHeight = 30;
    s.maxHeight = 420;
    s.ordinal = true;
    s.label = k -> shortOp(k, false);
    s.badge = names::get;
    p.sb.append("<section id=\"violation\" class=\"closeup\">\n<h2>The ").append(Format.esc(c.type()))
        .append(" cycle's transactions in time</h2>\n<p class=\"note\">T1..T").append(c.txns().size())
        .append(" as in the graph below, among the transactions that overlap them; each invocation and completion "
            + "gets an equal step on this axis.</p>\n");
    p.legend(true, s.from, s.to);
    p.sb.append("<div class=\"scroll\">\n").append(p.timeline.render(s)).append("</div>\n</section>\n");
    return true;
  }
}
