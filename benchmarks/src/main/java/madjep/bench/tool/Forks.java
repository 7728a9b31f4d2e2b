package madjep.bench.tool;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.apache.commons.math3.distribution.TDistribution;

/** Merges the results of one benchmark's forks into one JMH result object. */
final class Forks {
  private Forks() {}

  /**
   * The first fork's result with every fork's iterations in {@code primaryMetric.rawData}, the score and its 99.9%
   * error (Student's t, as JMH reports them) over all iterations, {@code forks} set to their number and every fork's
   * load kept. Percentiles and secondary metrics are dropped: they were per fork.
   */
  static ObjectNode merge(List<ObjectNode> forks) {
    ObjectNode merged = forks.get(0).deepCopy();
    ObjectNode pm = (ObjectNode) merged.get("primaryMetric");
    ArrayNode raw = pm.putArray("rawData");
    ArrayNode load = merged.putArray("load");
    double sum = 0;
    double sumSq = 0;
    int n = 0;
    for (ObjectNode f : forks) {
      for (JsonNode fork : f.path("primaryMetric").path("rawData")) {
        raw.add(fork.deepCopy());
        for (JsonNode v : fork) {
          sum += v.asDouble();
          sumSq += v.asDouble() * v.asDouble();
          n++;
        }
      }
      for (JsonNode l : f.path("load")) {
        load.add(l.asDouble());
      }
    }
    double mean = sum / n;
    double error = Double.NaN;
    if (n > 1) {
      double sd = Math.sqrt(Math.max(0, (sumSq - n * mean * mean) / (n - 1)));
      error = new TDistribution(n - 1).inverseCumulativeProbability(1 - 0.001 / 2) * sd / Math.sqrt(n);
    }
    pm.put("score", mean);
    pm.put("scoreError", error);
    pm.putArray("scoreConfidence").add(mean - error).add(mean + error);
    pm.remove("scorePercentiles");
    merged.putObject("secondaryMetrics");
    merged.put("forks", forks.size());
    return merged;
  }
}
