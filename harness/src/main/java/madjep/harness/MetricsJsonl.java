package madjep.harness;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import madjep.report.MetricSeries;
import madjep.sim.MetricSamples;

/**
 * Reads the simulator's per-node metrics ({@code metrics.jsonl}, one object per node per sample) into the report's
 * series: one per metric and node, in the order they first appear.
 */
final class MetricsJsonl {
  /** The metrics the report plots, by their key in the lines. */
  static final List<String> PLOTTED = List.of("queued", "in-flight", "busy", "memory", "disk-bytes", "dirty-bytes");

  private static final ObjectMapper JSON = new ObjectMapper();

  private MetricsJsonl() {}

  /**
   * The series of {@code jsonl}; lines that are not metric samples are skipped. Each line is read by a streaming
   * parser that keeps only the fields plotted: a simulated hour's 2.8 MB of samples took a tenth of the store's time
   * after the simulation as one tree per line. A field named twice counts as its last occurrence, as in a tree.
   */
  static List<MetricSeries> series(String jsonl) {
    Map<String, List<long[]>> times = new LinkedHashMap<>();
    Map<String, List<Double>> values = new LinkedHashMap<>();
    Sample sample = new Sample();
    int from = 0;
    while (from < jsonl.length()) {
      int nl = jsonl.indexOf('\n', from);
      int to = nl < 0 ? jsonl.length() : nl;
      String line = jsonl.substring(from, to);
      from = to + 1;
      if (line.isBlank() || !sample.read(line)) {
        continue;
      }
      for (int k = 0; k < PLOTTED.size(); k++) {
        if (sample.has[k]) {
          String key = PLOTTED.get(k) + "\u0000" + sample.node;
          times.computeIfAbsent(key, x -> new ArrayList<>()).add(new long[] {sample.time});
          values.computeIfAbsent(key, x -> new ArrayList<>()).add(sample.value[k]);
        }
      }
    }
    List<MetricSeries> out = new ArrayList<>();
    for (Map.Entry<String, List<long[]>> e : times.entrySet()) {
      String[] mn = e.getKey().split("\u0000", 2);
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

  /**
   * The series of a run's own samples, as {@link #series(String)} reads them from the lines the same run wrote (each
   * server's plotted metrics in server order), without reading the lines back.
   */
  static List<MetricSeries> series(MetricSamples samples) {
    List<MetricSeries> out = new ArrayList<>();
    if (samples.samples() == 0) {
      return out;
    }
    long[] times = samples.times();
    List<String> nodes = samples.nodes();
    for (int s = 0; s < nodes.size(); s++) {
      for (String metric : PLOTTED) {
        out.add(new MetricSeries(metric, nodes.get(s), times, samples.values(metric, s)));
      }
    }
    return out;
  }

  /**
   * One line's time, node and plotted values, read as a tree's {@code asLong}, {@code asText} and {@code asDouble}
   * would read them.
   */
  private static final class Sample {
    long time;
    String node;
    final boolean[] has = new boolean[PLOTTED.size()];
    final double[] value = new double[PLOTTED.size()];

    /** False when the line is not an object with a time and a node, or does not parse. */
    boolean read(String line) {
      java.util.Arrays.fill(has, false);
      boolean hasTime = false;
      boolean hasNode = false;
      try (JsonParser p = JSON.getFactory().createParser(line)) {
        if (p.nextToken() != JsonToken.START_OBJECT) {
          return false;
        }
        JsonToken t = p.nextToken();
        for (; t == JsonToken.FIELD_NAME; t = p.nextToken()) {
          String name = p.currentName();
          JsonToken v = p.nextToken();
          if (v == JsonToken.START_OBJECT || v == JsonToken.START_ARRAY) {
            p.skipChildren(); // a container reads as 0 and as "", but its contents still have to parse
          }
          switch (name) {
            case "time" -> {
              hasTime = true;
              time = asLong(p, v);
            }
            case "node" -> {
              hasNode = true;
              node = asText(p, v);
            }
            default -> {
              int k = PLOTTED.indexOf(name);
              if (k >= 0) {
                has[k] = true;
                value[k] = v.isScalarValue() ? p.getValueAsDouble() : 0;
              }
            }
          }
        }
        if (t != JsonToken.END_OBJECT) {
          return false;
        }
      } catch (IOException e) {
        return false;
      }
      return hasTime && hasNode;
    }

    private static long asLong(JsonParser p, JsonToken v) throws IOException {
      return switch (v) {
        case VALUE_NUMBER_INT -> p.getNumberValue().longValue();
        case VALUE_NUMBER_FLOAT -> (long) p.getDoubleValue();
        case VALUE_STRING, VALUE_TRUE, VALUE_FALSE -> p.getValueAsLong();
        default -> 0;
      };
    }

    private static String asText(JsonParser p, JsonToken v) throws IOException {
      return switch (v) {
        case VALUE_NUMBER_INT -> p.getNumberValue().toString();
        case VALUE_NUMBER_FLOAT -> Double.toString(p.getDoubleValue());
        case VALUE_NULL -> "null";
        case VALUE_STRING, VALUE_TRUE, VALUE_FALSE -> p.getText();
        default -> "";
      };
    }
  }
}
