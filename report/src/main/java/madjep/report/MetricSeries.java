package madjep.report;

import java.util.Objects;

/**
 * One node's samples of one metric over a run, such as the Raft log length of {@code n2}; the report draws one plot
 * per metric with a line per node.
 *
 * @param metric the metric's name
 * @param node the node's name
 * @param times sample times, nanoseconds on the history's clock, ascending
 * @param values the samples, one per time
 */
public record MetricSeries(String metric, String node, long[] times, double[] values) {
  public MetricSeries {
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(node, "node");
    if (times.length != values.length) {
      throw new IllegalArgumentException("expected as many values as times, found " + values.length + " values and "
          + times.length + " times");
    }
    times = times.clone();
    values = values.clone();
  }
}
