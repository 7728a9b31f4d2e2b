package madjep.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import madjep.history.History;
import madjep.history.HistoryStats;
import madjep.history.Verdict;
import madjep.history.edn.Edn;
import madjep.history.edn.Keyword;
import madjep.history.io.AtomicFiles;

/**
 * Renders a {@link Report} as one self-contained HTML page.
 *
 * <pre>{@code
 * History h = HistoryReader.read(Path.of("history.edn"));
 * Result r = LinearizabilityChecker.check(h, Models.byName("cas-register"), Options.defaults());
 * HtmlReport.write(Report.of("history.edn", h, r.toData()), Path.of("report.html"));
 * }</pre>
 */
public final class HtmlReport {
  /** Client ops drawn one by one in a timeline at most; past it, the timeline draws cells (see {@link TimelineSvg}). */
  public static final int DRAWN_OPS = 20_000;
  /** Ops of the violation's neighbourhood drawn in the close-up at most. */
  static final int CLOSE_UP_OPS = 400;
  /** Linearization steps before the violation shown in the close-up. */
  static final int CLOSE_UP_STEPS = 16;
  /** Steps of the longest linearizable prefix listed under the close-up. */
  static final int PREFIX_ROWS = 24;
  /** Items of a list in the checker's result shown at most. */
  static final int RESULT_ITEMS = 100;
  /** Characters of the checker's result shown as EDN at most. */
  static final int RESULT_CHARS = 200_000;

  private static final String CSS = resource("report.css");
  private static final String JS = resource("report.js");

  private HtmlReport() {}

  /** Writes the page to {@code out} (through a temporary file and a rename). */
  public static void write(Report r, Path out) throws IOException {
    String page = render(r);
    AtomicFiles.writeString(out, page);
  }

  /** The page. */
  public static String render(Report r) {
    return new Page(r).render();
  }

  private static String resource(String name) {
    try (InputStream in = HtmlReport.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource madjep/report/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One rendering. */
  private static final class Page {
    private final Report r;
    private final History h;
    private final Axis axis;
    private final Intervals iv;
    private final Faults faults;
    private final Findings f;
    private final List<Announcement> leaders = new ArrayList<>();
    private final TimelineSvg timeline;
    private final StringBuilder sb = new StringBuilder(1 << 16);

    Page(Report r) {
      this.r = r;
      this.h = r.history();
      this.axis = new Axis(h);
      this.iv = new Intervals(h, axis);
      this.faults = new Faults(h, axis);
      this.f = new Findings(r.result(), h);
      if (r.run() != null && axis.timed) {
        for (Announcement a : r.run().announcements()) {
          if (a.isLeader()) {
            leaders.add(a);
          }
        }
      }
      this.timeline = new TimelineSvg(h, axis, iv, faults, leaders, f);
    }

    String render() {
      String verdictWord = switch (f.verdict) {
        case VALID -> "valid";
        case INVALID -> "invalid";
        case UNKNOWN -> "unknown";
      };
      sb.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>")
          .append(Format.esc(verdictWord.toUpperCase(java.util.Locale.ROOT) + " · " + r.title()))
          .append("</title>\n<meta name=\"generator\" content=\"madjep report\">\n<style>\n").append(CSS)
          .append("</style>\n</head>\n<body class=\"").append(verdictWord).append("\">\n<main>\n");
      header(verdictWord);
      if (f.linear != null && f.linear.position() >= 0) {
        linearCloseUp();
      } else if (f.primary >= 0) {
        neighbourhood();
      }
      cycles();
      cases();
      overview();
      plots();
      faultCoverage();
      run();
      result();
      sb.append("<footer>Drawn by madjep report from ").append(Format.esc(h.source())).append(". Every op is in the "
          + "history file; hover over an op or a fault for its details.</footer>\n</main>\n<script>\n").append(JS)
          .append("</script>\n</body></html>\n");
      return sb.toString();
    }

    private void header(String verdictWord) {
      sb.append("<header class=\"verdict ").append(verdictWord).append("\">\n<div class=\"badge\" id=\"verdict\">")
          .append(verdictWord.toUpperCase(java.util.Locale.ROOT)).append("</div>\n<div class=\"headline\"><h1>")
          .append(Format.esc(r.title())).append("</h1>\n<p class=\"what\">").append(Format.esc(checkedWhat()))
          .append("</p>\n</div>\n</header>\n<section class=\"why\">\n");
      if (f.verdict == Verdict.UNKNOWN) {
        sb.append("<p class=\"cause\"><b>Cause:</b> ").append(Format.esc(causeText())).append("</p>\n");
      }
      if (!f.anomalyTypes.isEmpty()) {
        sb.append("<p class=\"anomalies\"><b>Anomalies:</b> ");
        boolean first = true;
        for (Map.Entry<String, Integer> e : f.anomalyCounts().entrySet()) {
          sb.append(first ? "" : ", ").append("<code>").append(Format.esc(e.getKey())).append("</code> ×")
              .append(e.getValue());
          first = false;
        }
        if (!f.not.isEmpty()) {
          sb.append(". <b>Not</b> ").append(Format.esc(String.join(", ", f.not)));
        }
        sb.append("</p>\n");
      }
      if (!f.explanations.isEmpty()) {
        sb.append("<ul class=\"explanation\" id=\"explanation\">\n");
        for (String e : f.explanations) {
          sb.append("<li>").append(Format.esc(e)).append("</li>\n");
        }
        sb.append("</ul>\n");
      } else if (f.verdict == Verdict.VALID) {
        sb.append("<p class=\"explanation\" id=\"explanation\">No violation found").append(opsChecked())
            .append(".</p>\n");
      }
      if (r.run() != null && r.run().replay() != null) {
        sb.append("<p class=\"replay\"><b>Replay:</b> <code id=\"replay\">").append(Format.esc(r.run().replay()))
            .append("</code></p>\n");
      }
      sb.append("</section>\n");
    }

    private String checkedWhat() {
      HistoryStats s = HistoryStats.of(h);
      StringBuilder w = new StringBuilder();
      if (f.checker != null) {
        w.append("checker ").append(f.checker);
        Object model = f.data.get(Keyword.of("model"));
        if (model != null) {
          w.append(" (").append(model).append(')');
        }
        w.append(" · ");
      }
      w.append(Format.plural(s.ops(), "op", "ops")).append(", ").append(Format.plural(iv.size, "client op",
          "client ops")).append(" in ").append(Format.plural(lanes(), "thread", "threads")).append(" (")
          .append(Format.plural(s.clientProcesses(), "process", "processes")).append("), ")
          .append(Format.count(s.crashed())).append(" crashed");
      if (axis.timed) {
        w.append(", ").append(Format.duration(axis.span));
      }
      if (faults.actions > 0) {
        w.append(", ").append(faults.actions).append(" nemesis actions");
      }
      return w.toString();
    }

    private int lanesCache = -1;

    private int lanes() {
      if (lanesCache < 0) {
        int max = 0;
        for (int l : iv.lanes(h, iv.all())) {
          max = Math.max(max, l + 1);
        }
        lanesCache = max;
      }
      return lanesCache;
    }

    private String opsChecked() {
      Object ops = f.data.get(Keyword.of("ops"));
      return ops instanceof Number n ? " in " + Format.count(n.longValue()) + " checked ops" : "";
    }

    private String causeText() {
      if (f.cause == null) {
        return "the checker could not decide";
      }
      return switch (f.cause) {
        case "timeout" -> "the search ran out of time (timeout); the history may or may not be valid";
        case "memory" -> "the search ran out of memory; the history may or may not be valid";
        case "empty" -> "the history holds no client op, so nothing was checked";
        default -> f.cause;
      };
    }

    // ---- the violation ----

    /** Porcupine's view: the failing op's partition around it, each op with its place in the longest prefix. */
    private void linearCloseUp() {
      Findings.LinearFailure lf = f.linear;
      int failing = iv.ofPosition[lf.position()];
      if (failing < 0) {
        return;
      }
      // Per interval: its 1-based place in the prefix (0: not in it) and the state it leaves.
      int[] order = new int[iv.size];
      Object[] stateAfter = new Object[iv.size];
      List<Findings.PrefixStep> prefix = lf.prefix();
      for (int i = 0; i < prefix.size(); i++) {
        int k = prefix.get(i).position() >= 0 ? iv.ofPosition[prefix.get(i).position()] : -1;
        if (k >= 0) {
          order[k] = i + 1;
          stateAfter[k] = prefix.get(i).state();
        }
      }
      long from = iv.start[failing];
      long to = iv.end[failing];
      for (int i = Math.max(0, prefix.size() - CLOSE_UP_STEPS); i < prefix.size(); i++) {
        int k = prefix.get(i).position() >= 0 ? iv.ofPosition[prefix.get(i).position()] : -1;
        if (k >= 0) {
          from = Math.min(from, iv.start[k]);
          to = Math.max(to, Math.min(iv.end[k], iv.end[failing]));
        }
      }
      long pad = Math.max(1, (to - from) / 40);
      from = Math.max(0, from - pad);
      to = Math.min(axis.span, to + pad);
      List<Integer> ids = new ArrayList<>();
      for (int k = 0; k < iv.size; k++) {
        if (iv.start[k] <= to && iv.end[k] >= from && (order[k] > 0 || k == failing
            || inPartition(iv.invoke[k], lf.partition()))) {
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
      sb.append("<section id=\"violation\" class=\"closeup\">\n<h2>The violation").append(lf.partition() == null ? ""
          : ", key " + Format.esc(Format.edn(lf.partition(), 40))).append("</h2>\n<p class=\"note\">")
          .append("The ops of ").append(lf.partition() == null ? "the history" : "this key")
          .append(" around the op that no order explains (outlined in red). <b>#n ⇒ s</b>: the op's place in the "
              + "longest linearizable prefix and the state it leaves; unnumbered ops are not in it. Each "
              + "invocation and completion gets an equal step on this axis, whatever the time between them. Crashed ops "
              + "(orange) may take effect at any point after their invocation, or never.</p>\n");
      legend(true, s.from, s.to);
      sb.append("<div class=\"scroll\">\n").append(timeline.render(s)).append("</div>\n");
      sb.append("<div class=\"two\">\n<div>\n<h3>Longest linearizable prefix (").append(prefix.size())
          .append(prefix.size() == 1 ? " op" : " ops").append(")</h3>\n");
      if (prefix.isEmpty()) {
        sb.append("<p>No op of this key can take effect before the failing one.</p>\n");
      } else {
        sb.append("<table class=\"prefix\"><tr><th>#</th><th>op</th><th>process</th><th>f</th><th>value</th>"
            + "<th>state after</th></tr>\n");
        int first = Math.max(0, prefix.size() - PREFIX_ROWS);
        if (first > 0) {
          sb.append("<tr><td colspan=\"6\" class=\"more\">… ").append(first).append(" earlier steps</td></tr>\n");
        }
        for (int i = first; i < prefix.size(); i++) {
          Findings.PrefixStep p = prefix.get(i);
          Map<?, ?> op = p.op();
          sb.append("<tr><td>").append(i + 1).append("</td><td>")
              .append(Format.esc(Format.edn(op.get(Keyword.of("index")), 20))).append("</td><td>")
              .append(Format.esc(Format.edn(op.get(Keyword.of("process")), 20))).append("</td><td>")
              .append(Format.esc(Format.edn(op.get(Keyword.of("f")), 20))).append("</td><td>")
              .append(Format.esc(Format.edn(op.get(Keyword.of("value")), 60))).append("</td><td>")
              .append(Format.esc(Format.edn(p.state(), 60))).append("</td></tr>\n");
        }
        sb.append("</table>\n");
      }
      sb.append("</div>\n<div>\n<h3>The op that cannot follow</h3>\n<p class=\"failing\"><code>")
          .append(Format.esc(timeline.describe(failing))).append("</code></p>\n<p>States the longest orders leave "
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
      int c = iv.complete[k];
      int i = iv.invoke[k];
      Object v = c >= 0 && h.isOk(c) ? h.value(c) : h.value(i);
      if (split && v instanceof List<?> l && l.size() == 2) {
        v = l.get(1);
      }
      String fn = h.f(i) == null ? "nil" : h.f(i).name();
      // Jepsen's own short forms for the register's functions, so that more of the value fits in a bar.
      fn = switch (fn) {
        case "read" -> "r";
        case "write" -> "w";
        default -> fn;
      };
      return fn + " " + Format.edn(v, 30);
    }

    private boolean inPartition(int pos, Object partition) {
      if (partition == null) {
        return true;
      }
      Object v = h.value(pos);
      if (v instanceof List<?> l && l.size() == 2 && partition.equals(l.get(0))) {
        return true;
      }
      return partition.equals(h.extra(pos, Keyword.of("key")));
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
    private void neighbourhood() {
      int centre = iv.ofPosition[f.primary];
      if (centre < 0) {
        return;
      }
      int lo = Math.max(0, centre - 40);
      int hi = Math.min(iv.size - 1, centre + 20);
      long from = iv.start[lo];
      long to = iv.end[centre];
      for (int k = lo; k <= hi; k++) {
        if (iv.complete[k] >= 0) {
          to = Math.max(to, Math.min(iv.end[k], iv.start[hi]));
        }
      }
      long pad = Math.max(1, (to - from) / 40);
      TimelineSvg.Spec s = new TimelineSvg.Spec();
      s.id = "closeup";
      s.from = Math.max(0, from - pad);
      s.to = Math.min(axis.span, to + pad);
      List<Integer> ids = new ArrayList<>();
      for (int k = 0; k < iv.size; k++) {
        if (iv.start[k] <= s.to && iv.end[k] >= s.from) {
          ids.add(k);
        }
      }
      s.ids = nearest(ids, centre).stream().mapToInt(Integer::intValue).toArray();
      s.laneHeight = 22;
      s.maxHeight = 420;
      s.ordinal = true;
      s.label = k -> shortOp(k, false);
      sb.append("<section id=\"violation\" class=\"closeup\">\n<h2>Around the violation</h2>\n<p class=\"note\">The "
          + "client ops around the first op the result names (outlined in red); the other ops it names are "
          + "outlined too.</p>\n");
      legend(true, s.from, s.to);
      sb.append("<div class=\"scroll\">\n").append(timeline.render(s)).append("</div>\n</section>\n");
    }

    private void cycles() {
      if (f.cycles.isEmpty()) {
        return;
      }
      sb.append("<section id=\"cycles\">\n<h2>Dependency cycles</h2>\n<p class=\"note\">Each transaction is a node;"
          + " an arrow A → B means A must precede B: <b>ww</b> B overwrote A, <b>wr</b> B read A's write, <b>rw</b> B"
          + " overwrote what A read, <b>process</b> same process, <b>realtime</b> A completed before B began. "
          + "No serial order can satisfy a cycle.</p>\n");
      int n = 0;
      for (Findings.Cycle c : f.cycles) {
        sb.append("<div class=\"cycle-box\">\n<h3>").append(Format.esc(c.type())).append("</h3>\n<div class=\"two\">")
            .append("<div>").append(CycleSvg.render(c, "cycle-" + n)).append("</div>\n<div><p><b>Let:</b></p><ul"
                + " class=\"txns\">\n");
        for (int t = 0; t < c.txns().size(); t++) {
          sb.append("<li><b>T").append(t + 1).append("</b> = <code>").append(Format.esc(Format.edn(c.txns().get(t), 300)))
              .append("</code></li>\n");
        }
        sb.append("</ul>\n<p><b>Then:</b></p><ol class=\"steps\">\n");
        for (String line : c.explanation()) {
          sb.append("<li>").append(Format.esc(line)).append("</li>\n");
        }
        sb.append("</ol></div></div>\n</div>\n");
        n++;
      }
      sb.append("</section>\n");
    }

    private void cases() {
      if (f.cases.isEmpty()) {
        return;
      }
      sb.append("<section id=\"cases\">\n<h2>Other anomalies</h2>\n");
      for (Findings.Case c : f.cases) {
        sb.append("<p><code class=\"type\">").append(Format.esc(c.type())).append("</code> <code>")
            .append(Format.esc(Format.edn(c.data(), 600))).append("</code></p>\n");
      }
      sb.append("</section>\n");
    }

    // ---- the whole run ----

    private void overview() {
      TimelineSvg.Spec s = new TimelineSvg.Spec();
      s.id = "timeline";
      s.from = 0;
      s.to = axis.span;
      s.ids = iv.all();
      s.laneHeight = 14;
      s.maxHeight = 620;
      sb.append("<section id=\"run-timeline\">\n<h2>Timeline</h2>\n<p class=\"note\">Every client op as a bar from"
          + " its invocation to its completion, in a lane per client thread (a process that replaces a crashed one "
          + "takes a free lane), along ").append(Format.esc(axis.unit())).append(". Faults are bands in their rows ")
          .append("and shaded over the lanes").append(leaders.isEmpty() ? "" : "; the leader row shows who led when")
          .append(s.ids.length > DRAWN_OPS ? ". With " + Format.count(s.ids.length) + " ops, each pixel column shows"
              + " the worst outcome in it; the close-up above draws the violation op by op" : "")
          .append(".</p>\n");
      legend(false, s.from, s.to);
      sb.append("<div class=\"zoom\"><p class=\"zoom-controls\"><button type=\"button\" data-zoom=\"in\" "
          + "title=\"zoom in\">+</button><button type=\"button\" data-zoom=\"out\" title=\"zoom out\">−</button>"
          + "<button type=\"button\" data-zoom=\"fit\" title=\"the whole run\">fit</button> <span class=\"hint\">"
          + "or Ctrl + wheel over the timeline to zoom, drag to pan</span></p>\n<div class=\"scroll\">\n")
          .append(timeline.render(s)).append("</div></div>\n</section>\n");
    }

    private void legend(boolean marks, long from, long to) {
      sb.append("<p class=\"legend\"><span class=\"sw ok\"></span>ok <span class=\"sw fail\"></span>failed "
          + "<span class=\"sw info\"></span>crashed (info or never completed)");
      if (marks || f.primary >= 0) {
        sb.append(" <span class=\"sw mark-sw\"></span>named by the result <span class=\"sw primary-sw\"></span>"
            + "the violation");
      }
      java.util.TreeSet<String> kinds = new java.util.TreeSet<>();
      for (Faults.Band b : faults.bands) {
        if (b.end() >= from && b.start() <= to) {
          kinds.add(TimelineSvg.kindClass(b.kind()));
        }
      }
      for (String k : kinds) {
        sb.append(" <span class=\"sw band-sw ").append(k).append("\"></span>").append(kindName(k));
      }
      if (!leaders.isEmpty() && leaders.get(0).time() - axis.origin <= to) {
        sb.append(" <span class=\"sw leader-sw\"></span>leader");
      }
      sb.append("</p>\n");
    }

    private static String kindName(String cls) {
      return switch (cls) {
        case "k-partition" -> "partition";
        case "k-down" -> "node down";
        case "k-paused" -> "node paused";
        case "k-clock" -> "clock skew";
        case "k-packet" -> "packet faults";
        case "k-clog" -> "clogged links";
        case "k-fault" -> "nemesis active";
        default -> "other fault";
      };
    }

    private void plots() {
      sb.append("<section id=\"plots\">\n<h2>Latency and throughput</h2>\n");
      if (!axis.timed) {
        sb.append("<p class=\"note\">The history has no <code>:time</code>, so there is no latency to plot.</p>\n");
      } else if (iv.size == 0) {
        sb.append("<p class=\"note\">No client ops.</p>\n");
      } else {
        Plots p = new Plots(axis, iv, faults);
        sb.append("<div class=\"plots\">\n").append(p.latencyRaw()).append(p.latencyQuantiles()).append(p.throughput())
            .append("</div>\n");
        if (r.run() != null && !r.run().metrics().isEmpty()) {
          sb.append("<h3>Node metrics</h3>\n<div class=\"plots\">\n");
          for (String m : p.metrics(r.run().metrics())) {
            sb.append(m);
          }
          sb.append("</div>\n");
        }
      }
      sb.append("</section>\n");
    }

    private void faultCoverage() {
      if (faults.actions == 0) {
        return;
      }
      Map<String, long[]> byKind = new LinkedHashMap<>();
      Map<String, List<long[]>> spans = new LinkedHashMap<>();
      for (Faults.Band b : faults.bands) {
        String k = kindName(TimelineSvg.kindClass(b.kind()));
        byKind.computeIfAbsent(k, x -> new long[1])[0]++;
        spans.computeIfAbsent(k, x -> new ArrayList<>()).add(new long[] {b.start(), b.end()});
      }
      List<long[]> all = new ArrayList<>();
      sb.append("<section id=\"faults\">\n<h2>Faults</h2>\n");
      if (r.run() != null && r.run().faultSettings() != null) {
        sb.append("<p><b>Settings:</b> <code>").append(Format.esc(r.run().faultSettings())).append("</code></p>\n");
      }
      sb.append("<table class=\"coverage\"><tr><th>fault</th><th>times</th><th>in effect</th><th>of the run</th>"
          + "</tr>\n");
      for (Map.Entry<String, long[]> e : byKind.entrySet()) {
        long covered = union(spans.get(e.getKey()));
        all.addAll(spans.get(e.getKey()));
        sb.append("<tr><td>").append(Format.esc(e.getKey())).append("</td><td>").append(e.getValue()[0])
            .append("</td><td>").append(Format.esc(axis.label(covered).replace("op ", ""))).append("</td><td>")
            .append(percent(covered, axis.span)).append("</td></tr>\n");
      }
      long any = union(all);
      int under = 0;
      for (int k = 0; k < iv.size; k++) {
        for (long[] sp : all) {
          if (iv.start[k] <= sp[1] && iv.end[k] >= sp[0]) {
            under++;
            break;
          }
        }
      }
      sb.append("<tr class=\"total\"><td>any fault</td><td>").append(faults.bands.size()).append("</td><td>")
          .append(Format.esc(axis.label(any).replace("op ", ""))).append("</td><td>").append(percent(any, axis.span))
          .append("</td></tr>\n</table>\n<p>").append(Format.count(under)).append(" of ").append(Format.count(iv.size))
          .append(" client ops (").append(percent(under, iv.size)).append(") overlapped a fault")
          .append(faults.markers.isEmpty() ? "" : "; " + faults.markers.size() + " other nemesis actions")
          .append(".</p>\n</section>\n");
    }

    private static long union(List<long[]> spans) {
      List<long[]> s = new ArrayList<>(spans);
      s.sort(java.util.Comparator.comparingLong(a -> a[0]));
      long total = 0;
      long curS = Long.MIN_VALUE;
      long curE = Long.MIN_VALUE;
      for (long[] x : s) {
        if (x[0] > curE) {
          if (curE > curS) {
            total += curE - curS;
          }
          curS = x[0];
          curE = x[1];
        } else {
          curE = Math.max(curE, x[1]);
        }
      }
      if (curE > curS) {
        total += curE - curS;
      }
      return total;
    }

    private static String percent(long part, long whole) {
      return whole <= 0 ? "–" : String.format(java.util.Locale.ROOT, "%.0f%%", 100.0 * part / whole);
    }

    private void run() {
      RunInfo run = r.run();
      if (run == null) {
        return;
      }
      sb.append("<section id=\"run\">\n<h2>Run</h2>\n<table class=\"kv\">\n");
      row("scenario", run.scenario());
      row("seed", run.seed() == null ? null : run.seed().toString());
      row("replay", run.replay());
      for (Map.Entry<String, Long> e : run.counters().entrySet()) {
        row(e.getKey(), Format.count(e.getValue()));
      }
      sb.append("</table>\n");
      if (run.resolvedScenario() != null) {
        sb.append("<details><summary>scenario.toml (fully resolved)</summary><pre>")
            .append(Format.esc(run.resolvedScenario())).append("</pre></details>\n");
      }
      sb.append("</section>\n");
    }

    private static final String TRIMMED = "more not shown";

    /** A copy of an EDN value with lists cut to {@link #RESULT_ITEMS} items, so that printing it stays cheap. */
    private static Object trimmed(Object v, int depth) {
      if (depth > 12) {
        return v;
      }
      if (v instanceof Map<?, ?> m) {
        Map<Object, Object> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : m.entrySet()) {
          out.put(e.getKey(), trimmed(e.getValue(), depth + 1));
        }
        return out;
      }
      if (v instanceof List<?> l) {
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < Math.min(l.size(), RESULT_ITEMS); i++) {
          out.add(trimmed(l.get(i), depth + 1));
        }
        if (l.size() > RESULT_ITEMS) {
          out.add("… " + (l.size() - RESULT_ITEMS) + " " + TRIMMED);
        }
        return out;
      }
      return v;
    }

    private void row(String k, String v) {
      if (v != null) {
        sb.append("<tr><th>").append(Format.esc(k)).append("</th><td><code>").append(Format.esc(v))
            .append("</code></td></tr>\n");
      }
    }

    private void result() {
      String edn = Edn.print(trimmed(r.result(), 0));
      sb.append("<section id=\"result\">\n<details><summary>The checker's result (EDN")
          .append(edn.contains(TRIMMED) ? "; long lists cut, results.edn or --json has it whole" : "")
          .append(")</summary><pre class=\"edn\">")
          .append(Format.esc(edn.length() > RESULT_CHARS ? edn.substring(0, RESULT_CHARS) + " …" : edn))
          .append("</pre></details>\n</section>\n");
    }
  }
}
