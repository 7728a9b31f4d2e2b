package madjep.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Jepsen's performance plots as inline SVG: latency of every op by outcome (sampled past {@link #MAX_POINTS}),
 * latency quantiles over time, throughput over time, and per-node metrics; fault bands shaded behind them.
 */
final class Plots {
  /** Scatter points drawn at most; failed and crashed ops are kept before ok ones. */
  static final int MAX_POINTS = 12_000;
  /** Time buckets of the quantile and throughput plots. */
  static final int BUCKETS = 80;
  static final double[] QUANTILES = {0.5, 0.95, 0.99, 1.0};
  private static final String[] QUANTILE_NAMES = {"p50", "p95", "p99", "max"};

  private static final int W = 580;
  private static final int H = 250;
  private static final int L = 58;
  private static final int R = 10;
  private static final int T = 26;
  private static final int B = 30;

  private final Axis axis;
  private final Intervals iv;
  private final Faults faults;

  Plots(Axis axis, Intervals iv, Faults faults) {
    this.axis = axis;
    this.iv = iv;
    this.faults = faults;
  }

  /** The latency scatter: x the invocation time, y the latency on a log scale. */
  String latencyRaw() {
    long[] range = latencyRange();
    StringBuilder sb = open("latency-raw", "Latency, every op" + (completed() > MAX_POINTS ? " (sampled)" : ""), W);
    LogY y = new LogY(range[0], range[1]);
    frame(sb, W, y);
    int total = completed();
    int stride = Math.max(1, (int) Math.ceil(total / (double) MAX_POINTS));
    for (byte o : new byte[] {Intervals.OK, Intervals.FAIL, Intervals.INFO}) {
      StringBuilder d = new StringBuilder();
      for (int k : drawn(o, stride)) {
        double px = x(iv.start[k], W);
        double py = y.at(Math.max(1, iv.end[k] - iv.start[k]));
        d.append('M').append(Format.px(px - 1.2)).append(' ').append(Format.px(py - 1.2)).append("h2.4v2.4h-2.4z");
      }
      if (d.length() > 0) {
        sb.append("<path class=\"pt ").append(TimelineSvg.outcomeClass(o)).append("\" d=\"").append(d)
            .append("\"/>\n");
      }
    }
    legend(sb, W, new String[] {"ok", "fail", "info"}, new String[] {"ok", "failed", "crashed"});
    return sb.append("</svg>\n").toString();
  }

  /**
   * The completed ops with outcome {@code o} that the scatter draws, at most {@link #MAX_POINTS}: every failed and
   * crashed op (they are few and tell the story), and every {@code stride}-th ok op. The passes over every op are
   * methods of their own (here and in {@link #throughput}), so that the JIT compiles a small loop, not the whole plot
   * around it: on the page of a simulated hour the plots' own compilations on stack took 270 ms of C2 time.
   */
  private int[] drawn(byte o, int stride) {
    int[] out = new int[Math.min(MAX_POINTS, iv.size)];
    int n = 0;
    int seen = 0;
    for (int k = 0; k < iv.size && n < out.length; k++) {
      if (iv.complete[k] < 0 || iv.outcome[k] != o) {
        continue;
      }
      if (o == Intervals.OK && seen++ % stride != 0) {
        continue;
      }
      out[n++] = k;
    }
    return java.util.Arrays.copyOf(out, n);
  }

  /** Latency quantiles of ok ops per time bucket. */
  String latencyQuantiles() {
    long[] range = latencyRange();
    StringBuilder sb = open("latency-quantiles", "Latency quantiles, ok ops", W);
    LogY y = new LogY(range[0], range[1]);
    frame(sb, W, y);
    long bucket = Math.max(1, (axis.span + BUCKETS - 1) / BUCKETS);
    long[][] per = okLatencies(bucket);
    // Each bucket's quantiles, ranks ascending: each rank is selected among what lies above the one before.
    long[][] at = new long[BUCKETS][QUANTILES.length];
    for (int b = 0; b < BUCKETS; b++) {
      int from = 0;
      for (int q = 0; q < QUANTILES.length && per[b].length > 0; q++) {
        int rank = rank(QUANTILES[q], per[b].length);
        at[b][q] = rank < from ? per[b][rank] : Select.kth(per[b], from, per[b].length, rank);
        from = Math.max(from, rank + 1);
      }
    }
    for (int q = 0; q < QUANTILES.length; q++) {
      StringBuilder d = new StringBuilder();
      boolean pen = false;
      for (int b = 0; b < BUCKETS; b++) {
        if (per[b].length == 0) {
          pen = false;
          continue;
        }
        long v = at[b][q];
        d.append(pen ? 'L' : 'M').append(Format.px(x(b * bucket + bucket / 2, W))).append(' ')
            .append(Format.px(y.at(v)));
        pen = true;
      }
      sb.append("<path class=\"line q").append(q).append("\" d=\"").append(d).append("\"><title>")
          .append(QUANTILE_NAMES[q]).append("</title></path>\n");
    }
    legend(sb, W, new String[] {"q0", "q1", "q2", "q3"}, QUANTILE_NAMES);
    return sb.append("</svg>\n").toString();
  }

  /** The 0-based rank of quantile {@code q} among {@code n} sorted values: the nearest rank, ceil(q n) - 1. */
  static int rank(double q, int n) {
    int r = (int) Math.ceil(q * n) - 1;
    return Math.min(n - 1, Math.max(0, r));
  }

  /** Completions per second by outcome, per time bucket. */
  String throughput() {
    int width = 2 * W + 20;
    long bucket = Math.max(1, (axis.span + BUCKETS - 1) / BUCKETS);
    int[][] counts = completions(bucket);
    double perSecond = axis.timed ? 1e9 / bucket : 1;
    double max = 1;
    for (int[] c : counts) {
      for (int v : c) {
        max = Math.max(max, v * perSecond);
      }
    }
    StringBuilder sb = open("throughput", axis.timed ? "Throughput, completions per second" : "Completions per "
        + bucket + " positions", width);
    LinearY y = new LinearY(max);
    frame(sb, width, y);
    String[] cls = {"ok", "fail", "info"};
    for (int o = 0; o < 3; o++) {
      StringBuilder d = new StringBuilder();
      for (int b = 0; b < BUCKETS; b++) {
        d.append(b == 0 ? 'M' : 'L').append(Format.px(x(b * bucket + bucket / 2, width))).append(' ')
            .append(Format.px(y.at(counts[o][b] * perSecond)));
      }
      sb.append("<path class=\"line ").append(cls[o]).append("\" d=\"").append(d).append("\"/>\n");
    }
    legend(sb, width, cls, new String[] {"ok", "failed", "crashed"});
    return sb.append("</svg>\n").toString();
  }

  /** The latencies of ok ops per bucket of {@code bucket} by their invocation, in invocation order. */
  private long[][] okLatencies(long bucket) {
    long[][] per = new long[BUCKETS][];
    int[] n = new int[BUCKETS];
    for (int k = 0; k < iv.size; k++) {
      if (iv.complete[k] >= 0 && iv.outcome[k] == Intervals.OK) {
        int b = (int) Math.min(BUCKETS - 1, iv.start[k] / bucket);
        n[b]++;
      }
    }
    for (int b = 0; b < BUCKETS; b++) {
      per[b] = new long[n[b]];
      n[b] = 0;
    }
    for (int k = 0; k < iv.size; k++) {
      if (iv.complete[k] >= 0 && iv.outcome[k] == Intervals.OK) {
        int b = (int) Math.min(BUCKETS - 1, iv.start[k] / bucket);
        per[b][n[b]++] = Math.max(1, iv.end[k] - iv.start[k]);
      }
    }
    return per;
  }

  /** Completed ops per outcome and per bucket of {@code bucket} by their completion. */
  private int[][] completions(long bucket) {
    int[][] counts = new int[3][BUCKETS];
    for (int k = 0; k < iv.size; k++) {
      if (iv.complete[k] >= 0) {
        counts[iv.outcome[k]][(int) Math.min(BUCKETS - 1, iv.end[k] / bucket)]++;
      }
    }
    return counts;
  }

  /** One plot per metric, a line per node. */
  List<String> metrics(List<MetricSeries> series) {
    Map<String, List<MetricSeries>> byMetric = new TreeMap<>();
    for (MetricSeries s : series) {
      byMetric.computeIfAbsent(s.metric(), k -> new ArrayList<>()).add(s);
    }
    List<String> out = new ArrayList<>();
    for (Map.Entry<String, List<MetricSeries>> e : byMetric.entrySet()) {
      double max = 1e-9;
      for (MetricSeries s : e.getValue()) {
        for (double v : s.values()) {
          max = Math.max(max, v);
        }
      }
      StringBuilder sb = open("metric", e.getKey(), W);
      LinearY y = new LinearY(max);
      frame(sb, W, y);
      String[] cls = new String[e.getValue().size()];
      String[] names = new String[cls.length];
      for (int i = 0; i < cls.length; i++) {
        MetricSeries s = e.getValue().get(i);
        cls[i] = "l" + (i % 6);
        names[i] = s.node();
        StringBuilder d = new StringBuilder();
        int stride = Math.max(1, s.times().length / 1000);
        for (int j = 0; j < s.times().length; j += stride) {
          d.append(j == 0 ? 'M' : 'L').append(Format.px(x(s.times()[j] - axis.origin, W))).append(' ')
              .append(Format.px(y.at(s.values()[j])));
        }
        sb.append("<path class=\"line l").append(i % 6).append("\" d=\"").append(d).append("\"><title>")
            .append(Format.esc(s.node())).append("</title></path>\n");
      }
      legend(sb, W, cls, names);
      out.add(sb.append("</svg>\n").toString());
    }
    return out;
  }

  private int completed() {
    int n = 0;
    for (int k = 0; k < iv.size; k++) {
      if (iv.complete[k] >= 0) {
        n++;
      }
    }
    return n;
  }

  private long[] latencyRange() {
    long min = Long.MAX_VALUE;
    long max = 1;
    for (int k = 0; k < iv.size; k++) {
      if (iv.complete[k] >= 0) {
        long l = Math.max(1, iv.end[k] - iv.start[k]);
        min = Math.min(min, l);
        max = Math.max(max, l);
      }
    }
    return new long[] {min == Long.MAX_VALUE ? 1 : min, Math.max(max, min == Long.MAX_VALUE ? 10 : min * 10)};
  }

  private double x(long t, int width) {
    return L + Math.min(Math.max(0, t), axis.span) * (width - L - R) / (double) Math.max(1, axis.span);
  }

  private StringBuilder open(String cls, String title, int width) {
    StringBuilder sb = new StringBuilder();
    sb.append("<svg class=\"plot ").append(cls).append("\" width=\"").append(width).append("\" height=\"").append(H)
        .append("\" viewBox=\"0 0 ").append(width).append(' ').append(H)
        .append("\" xmlns=\"http://www.w3.org/2000/svg\">\n<text class=\"plot-title\" x=\"").append(L)
        .append("\" y=\"16\">").append(Format.esc(title)).append("</text>\n");
    for (Faults.Band b : faults.shades()) {
      double x0 = x(b.start(), width);
      double x1 = x(b.end(), width);
      sb.append("<rect class=\"band over ").append(TimelineSvg.kindClass(b.kind())).append("\" x=\"")
          .append(Format.px(x0)).append("\" y=\"").append(T).append("\" width=\"").append(Format.px(Math.max(1, x1 - x0)))
          .append("\" height=\"").append(H - T - B).append("\"/>\n");
    }
    return sb;
  }

  /** A y scale. */
  private interface YScale {
    double at(double v);

    /** Tick values and their labels. */
    List<Object[]> ticks();
  }

  private final class LogY implements YScale {
    private final double lo;
    private final double hi;

    LogY(long min, long max) {
      lo = Math.floor(Math.log10(Math.max(1, min)));
      hi = Math.max(lo + 1, Math.ceil(Math.log10(Math.max(1, max))));
    }

    @Override
    public double at(double v) {
      double f = (Math.log10(Math.max(1, v)) - lo) / (hi - lo);
      return H - B - f * (H - T - B);
    }

    @Override
    public List<Object[]> ticks() {
      List<Object[]> t = new ArrayList<>();
      for (double e = lo; e <= hi; e++) {
        long v = (long) Math.pow(10, e);
        t.add(new Object[] {(double) v, axis.timed ? Format.duration(v) : v + ""});
      }
      return t;
    }
  }

  private final class LinearY implements YScale {
    private final double max;
    private final double step;

    LinearY(double max) {
      this.step = Ticks.step(max, 4);
      this.max = Math.ceil(max / step) * step;
    }

    @Override
    public double at(double v) {
      return H - B - v / max * (H - T - B);
    }

    @Override
    public List<Object[]> ticks() {
      List<Object[]> t = new ArrayList<>();
      for (double v = 0; v <= max + step / 2; v += step) {
        t.add(new Object[] {v, v >= 100 || v == Math.rint(v) ? String.format(Locale.ROOT, "%,.0f", v)
            : String.format(Locale.ROOT, "%.2f", v)});
      }
      return t;
    }
  }

  private void frame(StringBuilder sb, int width, YScale y) {
    sb.append("<g class=\"axis\">\n");
    for (Object[] t : y.ticks()) {
      double py = y.at((Double) t[0]);
      sb.append("<line class=\"grid\" x1=\"").append(L).append("\" x2=\"").append(width - R).append("\" y1=\"")
          .append(Format.px(py)).append("\" y2=\"").append(Format.px(py)).append("\"/><text x=\"").append(L - 4)
          .append("\" y=\"").append(Format.px(py + 3.5)).append("\" text-anchor=\"end\">")
          .append(Format.esc((String) t[1])).append("</text>\n");
    }
    long step = Ticks.step(axis.span, width > W ? 12 : 6);
    for (long t = 0; t <= axis.span; t += step) {
      double px = x(t, width);
      sb.append("<text x=\"").append(Format.px(px)).append("\" y=\"").append(H - B + 16)
          .append("\" text-anchor=\"middle\">").append(Format.esc(axis.label(t))).append("</text>\n");
    }
    sb.append("<rect class=\"frame\" x=\"").append(L).append("\" y=\"").append(T).append("\" width=\"")
        .append(width - L - R).append("\" height=\"").append(H - T - B).append("\"/>\n</g>\n");
  }

  private static void legend(StringBuilder sb, int width, String[] cls, String[] names) {
    double x = width - R - 8;
    for (int i = names.length - 1; i >= 0; i--) {
      double w = names[i].length() * 6.5 + 18;
      x -= w;
      sb.append("<g class=\"legend\"><rect class=\"swatch ").append(cls[i]).append("\" x=\"").append(Format.px(x))
          .append("\" y=\"8\" width=\"10\" height=\"10\"/><text x=\"").append(Format.px(x + 13))
          .append("\" y=\"17\">").append(Format.esc(names[i])).append("</text></g>\n");
    }
  }
}
