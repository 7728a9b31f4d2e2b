package madjep.report;

import java.util.List;
import java.util.Map;
import madjep.history.edn.Keyword;

/**
 * An Elle cycle as a graph: transactions T1..Tk around a circle, each dependency an arrow labelled with its kind
 * (ww, wr, rw, process, realtime), bent to one side so that T1 → T2 and T2 → T1 stay apart.
 */
final class CycleSvg {
  private CycleSvg() {}

  static String render(Findings.Cycle c, String id) {
    int k = c.txns().size();
    double r = k <= 2 ? 70 : Math.min(170, 45 + 22 * k);
    int size = (int) (2 * r + 110);
    double cx = size / 2.0;
    double cy = size / 2.0;
    double[] px = new double[k];
    double[] py = new double[k];
    for (int i = 0; i < k; i++) {
      double a = -Math.PI / 2 + 2 * Math.PI * i / k;
      px[i] = cx + r * Math.cos(a);
      py[i] = cy + r * Math.sin(a);
    }
    StringBuilder sb = new StringBuilder();
    sb.append("<svg class=\"cycle\" id=\"").append(id).append("\" width=\"").append(size).append("\" height=\"")
        .append(size).append("\" viewBox=\"0 0 ").append(size).append(' ').append(size)
        .append("\" xmlns=\"http://www.w3.org/2000/svg\">\n<defs><marker id=\"").append(id)
        .append("-arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\""
            + " orient=\"auto-start-reverse\"><path d=\"M0 0L10 5L0 10z\" class=\"arrow-head\"/></marker></defs>\n");
    double node = 20;
    for (int i = 0; i < k; i++) {
      int j = (i + 1) % k;
      double dx = px[j] - px[i];
      double dy = py[j] - py[i];
      double len = Math.max(1, Math.hypot(dx, dy));
      double ux = dx / len;
      double uy = dy / len;
      // Bend to the right of the direction of travel, by a fifth of the length.
      double bend = Math.max(24, len * 0.2);
      double mx = (px[i] + px[j]) / 2 - uy * bend;
      double my = (py[i] + py[j]) / 2 + ux * bend;
      double[] s = toward(px[i], py[i], mx, my, node);
      double[] e = toward(px[j], py[j], mx, my, node + 2);
      String kind = c.edges().get(i);
      String cls = switch (kind) {
        case "ww", "wr", "rw", "process", "realtime" -> kind;
        default -> "other";
      };
      String why = c.explanation().get(i);
      sb.append("<g class=\"edge e-").append(cls).append("\"><path d=\"M").append(Format.px(s[0])).append(' ')
          .append(Format.px(s[1])).append("Q").append(Format.px(mx)).append(' ').append(Format.px(my)).append(' ')
          .append(Format.px(e[0])).append(' ').append(Format.px(e[1])).append("\" marker-end=\"url(#").append(id)
          .append("-arrow)\"/>");
      // The label sits on the curve's midpoint: the quadratic's t = 1/2.
      double lx = 0.25 * s[0] + 0.5 * mx + 0.25 * e[0];
      double ly = 0.25 * s[1] + 0.5 * my + 0.25 * e[1];
      sb.append("<rect class=\"edge-label-bg\" x=\"").append(Format.px(lx - 4 - kind.length() * 3.6)).append("\" y=\"")
          .append(Format.px(ly - 9)).append("\" width=\"").append(Format.px(8 + kind.length() * 7.2))
          .append("\" height=\"16\" rx=\"3\"/><text class=\"edge-label\" x=\"").append(Format.px(lx)).append("\" y=\"")
          .append(Format.px(ly + 3.5)).append("\" text-anchor=\"middle\">").append(Format.esc(kind))
          .append("</text><title>").append(Format.esc(why)).append("</title></g>\n");
    }
    for (int i = 0; i < k; i++) {
      Map<Keyword, Object> t = c.txns().get(i);
      sb.append("<g class=\"txn\"><circle cx=\"").append(Format.px(px[i])).append("\" cy=\"").append(Format.px(py[i]))
          .append("\" r=\"").append(Format.px(node)).append("\"/><text x=\"").append(Format.px(px[i])).append("\" y=\"")
          .append(Format.px(py[i] + 4.5)).append("\" text-anchor=\"middle\">T").append(i + 1).append("</text><title>T")
          .append(i + 1).append(" = ").append(Format.esc(Format.edn(t, 400))).append("</title></g>\n");
    }
    sb.append("</svg>\n");
    return sb.toString();
  }

  /** The point {@code d} along the line from (x, y) toward (tx, ty). */
  private static double[] toward(double x, double y, double tx, double ty, double d) {
    double len = Math.max(1e-9, Math.hypot(tx - x, ty - y));
    return new double[] {x + (tx - x) / len * d, y + (ty - y) / len * d};
  }

  /** The kinds of edge in the cycles, in the order of the legend. */
  static final List<String> KINDS = List.of("ww", "wr", "rw", "process", "realtime");
}
