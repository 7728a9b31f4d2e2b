package madjep.harness;

import java.util.Locale;
import madjep.history.History;
import madjep.history.edn.Edn;

/**
 * A Jepsen-style {@code timeline.html}: one column per process, each op a box from its invocation to its completion
 * (green ok, pink fail, orange info or never completed), faults in their own column; hover shows the op. Only the
 * first {@value #MAX_OPS} ops are drawn, so the page stays small for long runs.
 */
final class TimelineHtml {
  static final int MAX_OPS = 20_000;
  private static final int COLUMN = 96;
  private static final double MAX_HEIGHT = 60_000;

  private TimelineHtml() {}

  static String render(History h, String title) {
    int n = Math.min(h.size(), MAX_OPS);
    long t0 = Long.MAX_VALUE;
    long t1 = Long.MIN_VALUE;
    int maxProcess = 0;
    for (int i = 0; i < n; i++) {
      t0 = Math.min(t0, h.time(i));
      t1 = Math.max(t1, h.time(i));
      maxProcess = Math.max(maxProcess, h.process(i));
    }
    double perNano = t1 > t0 ? Math.min(MAX_HEIGHT / (t1 - t0), 1e-5) : 1e-5;
    StringBuilder sb = new StringBuilder(1 << 16);
    sb.append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>").append(escape(title))
        .append("</title>\n<style>body{font-family:sans-serif;font-size:11px}.op{position:absolute;width:")
        .append(COLUMN - 6).append("px;overflow:hidden;border-radius:2px;border:1px solid #888;min-height:2px}")
        .append(".ok{background:#B3F3B5}.fail{background:#F2B3B3}.info{background:#FFE0A3}")
        .append(".nemesis{background:#C9C9F5}.head{position:absolute;top:0;width:").append(COLUMN - 6)
        .append("px;font-weight:bold}</style></head><body>\n<h1>").append(escape(title)).append("</h1>\n");
    if (h.size() > n) {
      sb.append("<p>The first ").append(n).append(" of ").append(h.size()).append(" ops; history.edn has all.</p>\n");
    }
    sb.append("<div style=\"position:relative\">\n");
    int nemesisColumn = maxProcess + 1;
    for (int p = 0; p <= nemesisColumn; p++) {
      sb.append("<div class=\"head\" style=\"left:").append(p * COLUMN).append("px\">")
          .append(p == nemesisColumn ? "nemesis" : "process " + p).append("</div>\n");
    }
    for (int i = 0; i < n; i++) {
      boolean client = h.isClient(i);
      if (client && !h.isInvoke(i)) {
        continue;
      }
      int done = h.pair(i);
      if (!client && done >= 0 && done < i) {
        continue;
      }
      long start = h.time(i);
      long end = done >= 0 && done < n ? h.time(done) : t1;
      String kind = !client ? "nemesis"
          : done < 0 || done >= n || h.isInfo(done) ? "info" : h.isOk(done) ? "ok" : "fail";
      int column = client ? h.process(i) : nemesisColumn;
      double top = 20 + (start - t0) * perNano;
      double height = Math.max(2, (end - start) * perNano);
      String text = h.f(i).name() + " " + Edn.print(done >= 0 && done < n ? h.value(done) : h.value(i));
      sb.append(String.format(Locale.ROOT, "<div class=\"op %s\" style=\"left:%dpx;top:%.1fpx;height:%.1fpx\" "
          + "title=\"%s\">%s</div>%n", kind, column * COLUMN, top, height,
          escape(text + " @ " + start + " ns"), escape(text)));
    }
    sb.append("</div></body></html>\n");
    return sb.toString();
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
