package madjep.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The faults section: how often each kind of fault was in effect, for how long, and how many ops it touched. */
final class FaultCoverage {
  private final Page p;

  FaultCoverage(Page p) {
    this.p = p;
  }

  void render() {
    if (p.faults.actions == 0) {
      return;
    }
    Map<String, long[]> byKind = new LinkedHashMap<>();
    Map<String, List<long[]>> spans = new LinkedHashMap<>();
    for (Faults.Band b : p.faults.bands) {
      String k = Page.kindName(TimelineSvg.kindClass(b.kind()));
      byKind.computeIfAbsent(k, x -> new long[1])[0]++;
      spans.computeIfAbsent(k, x -> new ArrayList<>()).add(new long[] {b.start(), b.end()});
    }
    List<long[]> all = new ArrayList<>();
    p.sb.append("<section id=\"faults\">\n<h2>Faults</h2>\n");
    if (p.r.run() != null && p.r.run().faultSettings() != null) {
      p.sb.append("<p><b>Settings:</b> <code>").append(Format.esc(p.r.run().faultSettings())).append("</code></p>\n");
    }
    p.sb.append("<table class=\"coverage\"><tr><th>fault</th><th>times</th><th>in effect</th><th>of the run</th>"
        + "</tr>\n");
    for (Map.Entry<String, long[]> e : byKind.entrySet()) {
      long covered = union(spans.get(e.getKey()));
      all.addAll(spans.get(e.getKey()));
      p.sb.append("<tr><td>").append(Format.esc(e.getKey())).append("</td><td>").append(e.getValue()[0])
          .append("</td><td>").append(Format.esc(p.axis.label(covered).replace("op ", ""))).append("</td><td>")
          .append(percent(covered, p.axis.span)).append("</td></tr>\n");
    }
    long any = union(all);
    int under = 0;
    for (int k = 0; k < p.iv.size; k++) {
      for (long[] sp : all) {
        if (p.iv.start[k] <= sp[1] && p.iv.end[k] >= sp[0]) {
          under++;
          break;
        }
      }
    }
    p.sb.append("<tr class=\"total\"><td>any fault</td><td>").append(p.faults.bands.size()).append("</td><td>")
        .append(Format.esc(p.axis.label(any).replace("op ", ""))).append("</td><td>").append(percent(any, p.axis.span))
        .append("</td></tr>\n</table>\n<p>").append(Format.count(under)).append(" of ").append(Format.count(p.iv.size))
        .append(" client ops (").append(percent(under, p.iv.size)).append(") overlapped a fault")
        .append(p.faults.markers.isEmpty() ? "" : "; " + p.faults.markers.size() + " other nemesis actions")
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
}
