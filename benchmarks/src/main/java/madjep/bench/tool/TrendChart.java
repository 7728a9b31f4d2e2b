package madjep.bench.tool;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Renders runs as SVG small multiples: one chart per benchmark, runs oldest to newest on a shared x axis, the score
 * with its error bar, filled for the full suite and hollow for the quick one. Each chart's y axis starts at zero, so
 * that heights compare as ratios.
 */
final class TrendChart {
  private static final int COLUMNS = 2;
  private static final int W = 480;
  private static final int H = 180;
  private static final int LEFT = 62;
  private static final int RIGHT = 14;
  private static final int TOP = 34;
  private static final int BOTTOM = 30;
  private static final int HEADER = 44;

  private TrendChart() {}

  /** One run's figure for one benchmark. */
  private record Point(int run, double score, double error, String tip, boolean quick) {}

  static String render(List<RunFile> runs, Pattern include) {
    Map<String, List<Point>> series = new LinkedHashMap<>();
    Map<String, Measurement> shapes = new LinkedHashMap<>();
    for (int i = 0; i < runs.size(); i++) {
      RunFile run = runs.get(i);
      boolean quick = run.root.path("suite").asText().equals("quick");
      for (JsonNode r : run.results()) {
        Measurement m = RunFile.measurement(r);
        if (include != null && !include.matcher(m.key()).find()) {
          continue;
        }
        JsonNode pm = r.path("primaryMetric");
        double score = pm.path("score").asDouble(m.mean());
        double error = pm.path("scoreError").asDouble(Double.NaN);
        String tip = String.format(Locale.ROOT, "%s\n%s %s, %s suite\n%.4g ± %.2g %s\nload %s",
            m.key(), run.root.path("commit").asText(), run.root.path("date").asText(),
            run.root.path("suite").asText(), score, error, m.unit(), r.path("load").toString());
        series.computeIfAbsent(m.key(), k -> new ArrayList<>()).add(new Point(i, score, error, tip, quick));
        shapes.putIfAbsent(m.key(), m);
      }
    }
    int rows = (series.size() + COLUMNS - 1) / COLUMNS;
    int width = COLUMNS * W;
    int height = HEADER + Math.max(1, rows) * H;
    StringBuilder svg = new StringBuilder();
    svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
        + "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"11\">%n", width, height, width, height));
    svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
    svg.append(text(10, 18, 14, "MadJep benchmark history: " + runs.size() + " runs, "
        + runs.get(0).root.path("date").asText() + " to " + runs.get(runs.size() - 1).root.path("date").asText()));
    svg.append(text(10, 34, 11, "filled: full suite, hollow: quick suite; bars: JMH's 99.9% error; "
        + "compare runs from different machines as ratios only (bench compare --normalize)"));
    int k = 0;
    for (Map.Entry<String, List<Point>> e : series.entrySet()) {
      int x0 = (k % COLUMNS) * W;
      int y0 = HEADER + (k / COLUMNS) * H;
      chart(svg, x0, y0, shapes.get(e.getKey()), e.getValue(), runs.size());
      k++;
    }
    svg.append("</svg>\n");
    return svg.toString();
  }

  private static void chart(StringBuilder svg, int x0, int y0, Measurement m, List<Point> points, int runs) {
    double max = 0;
    for (Point p : points) {
      max = Math.max(max, p.score() + (Double.isFinite(p.error()) ? p.error() : 0));
    }
    max = max <= 0 ? 1 : max * 1.1;
    int plotW = W - LEFT - RIGHT;
    int plotH = H - TOP - BOTTOM;
    svg.append(text(x0 + 8, y0 + 18, 12, m.shortKey() + " (" + m.unit() + ", "
        + (m.higherIsBetter() ? "higher" : "lower") + " is better)"));
    svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" "
        + "stroke=\"#bbb\"/>%n", x0 + LEFT, y0 + TOP, plotW, plotH));
    for (int t = 0; t <= 4; t++) {
      double v = max * t / 4;
      double y = y0 + TOP + plotH - plotH * t / 4.0;
      svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#eee\"/>%n",
          x0 + LEFT, x0 + LEFT + plotW, y, y));
      svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\" fill=\"#555\">%s</text>%n",
          x0 + LEFT - 4, y + 4, escape(String.format(Locale.ROOT, "%.3g", v))));
    }
    StringBuilder line = new StringBuilder();
    for (Point p : points) {
      double x = xOf(p.run(), runs, x0, plotW);
      double y = y0 + TOP + plotH - plotH * p.score() / max;
      line.append(line.length() == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.1f,%.1f", x, y));
      if (Double.isFinite(p.error()) && p.error() > 0) {
        double lo = y0 + TOP + plotH - plotH * Math.max(0, p.score() - p.error()) / max;
        double hi = y0 + TOP + plotH - plotH * (p.score() + p.error()) / max;
        svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\" "
            + "stroke=\"#4477aa\"/>%n", x, x, lo, hi));
      }
    }
    svg.append(String.format("<polyline points=\"%s\" fill=\"none\" stroke=\"#4477aa\" stroke-opacity=\"0.5\"/>%n",
        line));
    for (Point p : points) {
      double x = xOf(p.run(), runs, x0, plotW);
      double y = y0 + TOP + plotH - plotH * p.score() / max;
      svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"%s\" stroke=\"#4477aa\" "
          + "stroke-width=\"1.5\"><title>%s</title></circle>%n", x, y, p.quick() ? "white" : "#4477aa",
          escape(p.tip())));
    }
    svg.append(text(x0 + LEFT, y0 + H - 10, 10, "run 1"));
    svg.append(String.format("<text x=\"%d\" y=\"%d\" text-anchor=\"end\" font-size=\"10\">run %d</text>%n",
        x0 + LEFT + plotW, y0 + H - 10, runs));
  }

  private static double xOf(int run, int runs, int x0, int plotW) {
    return runs == 1 ? x0 + LEFT + plotW / 2.0 : x0 + LEFT + 10 + (plotW - 20) * run / (double) (runs - 1);
  }

  private static String text(int x, int y, int size, String s) {
    return String.format("<text x=\"%d\" y=\"%d\" font-size=\"%d\">%s</text>%n", x, y, size, escape(s));
  }

  static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
