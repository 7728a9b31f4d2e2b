package madjep.harness;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import madjep.report.MetricSeries;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link MetricsJsonl} reads each line with a streaming parser; it must give the series that reading each line as a
 * tree gives (the oracle below, the way it was read before), on seeded random files that mix samples with lines that
 * are not samples: broken JSON, arrays, numbers, missing fields, nulls, booleans, strings for numbers, nested
 * values, fields named twice, trailing garbage.
 */
class MetricsJsonlTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String[] FIELDS = {"time", "node", "queued", "in-flight", "busy", "memory", "disk-bytes",
      "dirty-bytes", "other"};

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void streamingRead_givesTheTreeReadsSeries(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int samples = 0;
    for (int file = 0; file < 200; file++) {
      StringBuilder jsonl = new StringBuilder();
      int lines = r.nextInt(30);
      for (int i = 0; i < lines; i++) {
        jsonl.append(line(r)).append(r.nextInt(10) == 0 ? "\n\n" : "\n");
      }
      String text = jsonl.toString();
      List<MetricSeries> expected = treeSeries(text);
      List<MetricSeries> actual = MetricsJsonl.series(text);
      assertEquals(expected.size(), actual.size(), text);
      for (int i = 0; i < expected.size(); i++) {
        MetricSeries e = expected.get(i);
        MetricSeries a = actual.get(i);
        assertEquals(e.metric(), a.metric(), text);
        assertEquals(e.node(), a.node(), text);
        assertArrayEquals(e.times(), a.times(), text);
        assertArrayEquals(e.values(), a.values(), text);
        samples += e.times().length;
      }
    }
    assertTrue(samples > 1000, "the files hold samples: " + samples);
  }

  private static String line(SplittableRandom r) {
    int kind = r.nextInt(20);
    if (kind == 0) {
      return "[1, 2]";
    } else if (kind == 1) {
      return "42";
    } else if (kind == 2) {
      return "{\"time\": 5, \"node\": \"n1\", \"busy\": 3"; // cut short
    } else if (kind == 3) {
      return "{\"time\": , \"node\": \"n1\"}";
    }
    StringBuilder b = new StringBuilder("{");
    int fields = r.nextInt(9);
    for (int i = 0; i < fields; i++) {
      if (i > 0) {
        b.append(", ");
      }
      String name = i == 0 ? "time" : i == 1 ? "node" : FIELDS[r.nextInt(FIELDS.length)];
      if (r.nextInt(15) == 0) {
        name = FIELDS[r.nextInt(2)]; // named twice
      }
      b.append('"').append(name).append("\": ").append(value(r, name.equals("node")));
    }
    b.append('}');
    if (r.nextInt(15) == 0) {
      b.append(" trailing");
    }
    return b.toString();
  }

  private static String value(SplittableRandom r, boolean node) {
    return switch (r.nextInt(node ? 14 : 12)) {
      case 0 -> "null";
      case 1 -> r.nextBoolean() ? "true" : "false";
      case 2 -> "\"" + r.nextInt(100) + "\"";
      case 3 -> "\"x" + r.nextInt(3) + "\"";
      case 4 -> "[" + r.nextInt(5) + ", {\"a\": 1}]";
      case 5 -> "{\"a\": [1, 2]}";
      case 6 -> Double.toString(r.nextDouble() * 1e6);
      case 7 -> "1.50";
      case 8 -> "123456789012345678901234567890";
      case 9 -> "-" + r.nextInt(1000);
      case 12, 13 -> "\"n" + r.nextInt(3) + "\"";
      default -> Long.toString(r.nextLong(1_000_000_000_000L));
    };
  }

  /** The oracle: each line read as a tree, as MetricsJsonl did before it streamed. */
  private static List<MetricSeries> treeSeries(String jsonl) {
    Map<String, List<Long>> times = new LinkedHashMap<>();
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
      for (String m : MetricsJsonl.PLOTTED) {
        if (n.has(m)) {
          String key = m + "\u0000" + node;
          times.computeIfAbsent(key, k -> new ArrayList<>()).add(t);
          values.computeIfAbsent(key, k -> new ArrayList<>()).add(n.get(m).asDouble());
        }
      }
    }
    List<MetricSeries> out = new ArrayList<>();
    for (Map.Entry<String, List<Long>> e : times.entrySet()) {
      String[] mn = e.getKey().split("\u0000", 2);
      List<Double> v = values.get(e.getKey());
      long[] ts = new long[v.size()];
      double[] vs = new double[v.size()];
      for (int i = 0; i < ts.length; i++) {
        ts[i] = e.getValue().get(i);
        vs[i] = v.get(i);
      }
      out.add(new MetricSeries(mn[0], mn[1], ts, vs));
    }
    return out;
  }

  /**
   * A run's own samples drawn from their columns ({@link MetricsJsonl#series(madjep.sim.MetricSamples)}) give the
   * series its {@code metrics.jsonl} reads back as: the same series in the same order, value for value, busy
   * fractions included (the line rounds them to four places).
   */
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4})
  void columnsOfARun_giveTheSeriesItsLinesReadBackAs(long seed) {
    madjep.sim.scenario.Scenario s = madjep.sim.scenario.ScenarioFiles.parseToml(String.join("\n",
        "name = \"metrics\"", "system = \"madjep.sim.testing.LeaderStore\"", "nodes = 3", "duration = \"4s\"", "[resources]", "event-cost = \"uniform 10us 3ms\"",
        "[checks]", "metrics-interval = \"50ms\"", ""), "metrics.toml")
        .withSeed(seed);
    madjep.sim.scenario.Observations o = madjep.sim.scenario.SimRunner.run(s).observations();
    List<MetricSeries> expected = MetricsJsonl.series(o.metrics());
    List<MetricSeries> actual = MetricsJsonl.series(o.metricSamples());
    assertEquals(3 * MetricsJsonl.PLOTTED.size(), expected.size());
    assertEquals(expected.size(), actual.size());
    boolean fractions = false;
    for (int i = 0; i < expected.size(); i++) {
      MetricSeries e = expected.get(i);
      MetricSeries a = actual.get(i);
      assertEquals(e.metric(), a.metric());
      assertEquals(e.node(), a.node());
      assertTrue(e.times().length >= 70, "samples every 50 ms for 4 s: " + e.times().length);
      assertArrayEquals(e.times(), a.times(), e.metric() + " " + e.node());
      assertArrayEquals(e.values(), a.values(), e.metric() + " " + e.node());
      for (double v : e.values()) {
        fractions |= e.metric().equals("busy") && v > 0 && v < 1;
      }
    }
    assertTrue(fractions, "some busy fraction between 0 and 1 was compared");
  }
}
