package madjep.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import madjep.report.MetricSeries;

/**
 * Reads the simulator's per-node metrics ({@code metrics.jsonl}, one object per node per sample) into the report's
 * series: one per metric and node, in the order they first appear.
 */
final class MetricsJsonl {
  /** The metrics the report plots, by their key in the lines. */
  static final List<String> PLOTTED = List.of("queued", "in-flight", "busy", "memory", "disk-bytes", "dirty-bytes");

  private static final ObjectMapper JSON = new ObjectMapper();

  private MetricsJsonl() {}

  /** The series of {@code jsonl}; lines that are not metric samples are skipped. */
  static List<MetricSeries> series(String jsonl) {
    Map<String, List<long[]>> times = new LinkedHashMap<>();
    Map<String, List<Double>> values = new LinkedHashMap<>();
    for (String line : jsonl.split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode n;
      try {
        n = JSON.readTree(line);
      } catch (IOException e) {
        continue;
      }
      if (n == null || !n.has("time") || !n.has("node")) {
        continue;
      }
      long t = n.get("time").asLong();
      String node = n.get("node").asText();
      for (String m : PLOTTED) {
        if (n.has(m)) {
          String key = m + "\u0000" + node;
          times.computeIfAbsent(key, k -> new ArrayList<>()).add(new long[] {t});
          values.computeIfAbsent(key, k -> new ArrayList<>()).add(n.get(m).asDouble());
        }
      }
    }
    List<MetricSeries> out = new ArrayList<>();
    for (Map.Entry<String, List<long[]>> e : times.entrySet()) {
      String[] mn = e.getKey().split("\u0000");
      List<Double> v = values.get(e.getKey());
      long[] ts = new long[v.size()];
      double[] vs = new double[v.size()];
      for (int i = 0; i < ts.length; i++) {
        ts[i] = e.getValue().get(i)[0];
        vs[i] = v.get(i);
      }
      out.add(new MetricSeries(mn[0], mn[1], ts, vs));
    }
    return out;
  }
}
