package madjep.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The faults section: how often each kind of fault was in effect, for how long, and how many ops it touched. */
final class FaultCoverage {
  private final PageModel p;
  private final StringBuilder sb = new StringBuilder();

  FaultCoverage(PageModel p) {
    this.p = p;
  }

  /** The section, or nothing when the history has no fault. */
  String render() {
    if (p.faults.actions == 0) {
      return "";
    }
    Map<String, long[]> byKind = new LinkedHashMap<>();
    Map<String, List<long[]>> spans = new LinkedHashMap<>();
    for (Faults.Band b : p.faults.bands) {
      String k = Page.kindName(TimelineSvg.kindClass(b.kind()));
      byKind.computeIfAbsent(k, x -> new long[1])[0]++;
      spans.computeIfAbsent(k, x -> new ArrayList<>()).add(new long[] {b.start(), b.end()});
    }
    List<long[]> all = new ArrayList<>();
    sb.append("<section id=\"faults\">\n<h2>Faults</h2>\n");
    if (p.run != null && p.run.faultSettings() != null) {
      sb.append("<p><b>Settings:</b> <code>").append(Format.esc(p.run.faultSettings())).append("</code></p>\n");
    }
    sb.append("<table class=\"coverage\"><tr><th>fault</th><th>times</th><th>in effect</th><th>of the run</th>"
        + "</tr>\n");
    for (Map.Entry<String, long[]> e : byKind.entrySet()) {
      long covered = union(spans.get(e.getKey()));
      all.addAll(spans.get(e.getKey()));
      sb.append("<tr><td>").append(Format.esc(e.getKey())).append("</td><td>").append(e.getValue()[0])
          .append("</td><td>").append(Format.esc(p.axis.label(covered).replace("op ", ""))).append("</td><td>")
          .append(percent(covered, p.axis.span)).append("</td></tr>\n");
    }
    long any = union(all);
    int under = overlapping(p.iv.start, p.iv.end, p.iv.size, all);
    sb.append("<tr class=\"total\"><td>any fault</td><td>").append(p.faults.bands.size()).append("</td><td>")
        .append(Format.esc(p.axis.label(any).replace("op ", ""))).append("</td><td>").append(percent(any, p.axis.span))
        .append("</td></tr>\n</table>\n<p>").append(Format.count(under)).append(" of ").append(Format.count(p.iv.size))
        .append(" client ops (").append(percent(under, p.iv.size)).append(") overlapped a fault")
        .append(p.faults.markers.isEmpty() ? "" : "; " + p.faults.markers.size() + " other nemesis actions")
        .append(".</p>\n</section>\n");
    return sb.toString();
  }

  /** The time covered by at least one of {@code spans} (closed intervals). */
  static long union(List<long[]> spans) {
    long[][] u = merge(spans);
    long total = 0;
    for (int j = 0; j < u[0].length; j++) {
      total += u[1][j] - u[0][j];
    }
    return total;
  }

  /**
   * How many of the intervals {@code [opStart[k], opEnd[k]]}, {@code k < n}, overlap at least one of {@code spans}.
   * Each is looked up in the spans' union: while the ops' starts ascend (ops in invocation order, timed), by walking
   * forward from the previous op's part, else by binary search; so a long run with thousands of faults costs
   * O(ops + faults), or at worst O(ops log faults), never O(ops x faults). (A binary search per op was 80 ms of the page
   * of a simulated hour.)
   */
  static int overlapping(long[] opStart, long[] opEnd, int n, List<long[]> spans) {
    long[][] u = merge(spans);
    long[] starts = u[0];
    long[] ends = u[1];
    int under = 0;
    int j = 0;
    long lastStart = Long.MIN_VALUE;
    for (int k = 0; k < n; k++) {
      // The first part of the union that does not end before the op starts; the op overlaps it or none.
      long s = opStart[k];
      if (s >= lastStart) {
        while (j < ends.length && ends[j] < s) {
          j++;
        }
      } else {
        j = java.util.Arrays.binarySearch(ends, s);
        if (j < 0) {
          j = -j - 1;
        }
      }
      lastStart = s;
      if (j < ends.length && starts[j] <= opEnd[k]) {
        under++;
      }
    }
    return under;
  }

  /**
   * The union of closed intervals as disjoint parts in time order, {starts, ends}: parts that touch are one, so the
   * ends ascend strictly and a gap separates each part from the next.
   */
  private static long[][] merge(List<long[]> spans) {
    List<long[]> s = new ArrayList<>(spans);
    s.sort(java.util.Comparator.comparingLong(a -> a[0]));
    long[] starts = new long[s.size()];
    long[] ends = new long[s.size()];
    int n = 0;
    for (long[] x : s) {
      if (n > 0 && x[0] <= ends[n - 1]) {
        ends[n - 1] = Math.max(ends[n - 1], x[1]);
      } else {
        starts[n] = x[0];
        ends[n] = x[1];
        n++;
      }
    }
    return new long[][] {java.util.Arrays.copyOf(starts, n), java.util.Arrays.copyOf(ends, n)};
  }

  private static String percent(long part, long whole) {
    return whole <= 0 ? "–" : String.format(java.util.Locale.ROOT, "%.0f%%", 100.0 * part / whole);
  }
}
