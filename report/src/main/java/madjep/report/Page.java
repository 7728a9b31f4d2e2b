package madjep.report;

import static madjep.report.HtmlReport.DRAWN_OPS;
import static madjep.report.HtmlReport.RESULT_CHARS;
import static madjep.report.HtmlReport.RESULT_ITEMS;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import madjep.history.History;
import madjep.history.HistoryStats;
import madjep.history.Verdict;
import madjep.history.edn.Edn;
import madjep.history.edn.Keyword;

/** One rendering of a {@link Report}: the model the sections share, and the sections in page order. */
final class Page {
  private static final String CSS = HtmlReport.resource("report.css");
  private static final String JS = HtmlReport.resource("report.js");

  final Report r;
  final History h;
  final Axis axis;
  final Intervals iv;
  final Faults faults;
  final Findings f;
  final List<Announcement> leaders;
  final TimelineSvg timeline;
  final StringBuilder sb = new StringBuilder(1 << 16);

  final PageModel m;

  /** The page of {@code r}, with {@code m} made from its history and run (or null: made here). */
  Page(Report r, PageModel m) {
    this.r = r;
    this.h = r.history();
    this.m = m != null && m.h == h && m.run == r.run() ? m : new PageModel(h, r.run());
    this.axis = this.m.axis;
    this.iv = this.m.iv;
    this.faults = this.m.faults;
    this.f = new Findings(r.result(), h);
    this.leaders = this.m.leaders;
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
      new CloseUp(this).linear();
    } else if (f.primary >= 0) {
      new CloseUp(this).neighbourhood();
    }
    cycles();
    cases();
    overview();
    sb.append(m.plots);
    sb.append(m.faultCoverage);
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
    HistoryStats s = m.stats;
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
        "client ops")).append(" in ").append(Format.plural(m.overviewLaneCount(), "thread", "threads")).append(" (")
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
    TimelineSvg.Spec s = m.overviewSpec();
    s.cells = m.overviewCells;
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

  void legend(boolean marks, long from, long to) {
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

  static String kindName(String cls) {
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
