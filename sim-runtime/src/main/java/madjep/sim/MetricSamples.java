package madjep.sim;

import java.util.Arrays;
import java.util.List;

/**
 * The numeric metrics a {@link MetricsRecorder} sampled, as columns: one time per sample, and per metric and server
 * one value per sample, equal to what the recorder's JSON line holds for it read back as a double (a {@code busy} of
 * {@code 0.0123} is the double nearest 0.0123, not the fraction it was rounded from). A report draws these without
 * reading the lines back: the hour's 18,000 lines took a tenth of a second or more to parse after the simulation.
 * Every server is sampled at every time, so all series share one time column.
 */
public final class MetricSamples {
  /** The numeric fields of a sample line, in the line's order. */
  public static final List<String> METRICS =
      List.of("queued", "in-flight", "busy", "memory", "disk-bytes", "dirty-bytes", "inbox-dropped");

  /** No samples (metrics off). */
  public static final MetricSamples NONE = new MetricSamples(new String[0], new long[0], new double[0][0][0]);

  private final String[] nodes;
  private final long[] times;
  /** [metric][server][sample]. */
  private final double[][][] values;

  MetricSamples(String[] nodes, long[] times, double[][][] values) {
    this.nodes = nodes;
    this.times = times;
    this.values = values;
  }

  /** The servers' names, in server order (the order of each sample's lines). */
  public List<String> nodes() {
    return List.of(nodes);
  }

  public int samples() {
    return times.length;
  }

  /** The sample times, nanoseconds on the history's clock, ascending (a copy). */
  public long[] times() {
    return times.clone();
  }

  /** Server {@code server}'s values of {@code metric} (one of {@link #METRICS}), one per sample (a copy). */
  public double[] values(String metric, int server) {
    int m = METRICS.indexOf(metric);
    if (m < 0) {
      throw new IllegalArgumentException("expected one of " + METRICS + ", found " + metric);
    }
    return values[m][server].clone();
  }

  /** Columns growing by one sample at a time. */
  static final class Builder {
    private final String[] nodes;
    private long[] times = new long[64];
    private final double[][][] values;
    private int n;

    /** Columns for the servers named {@code nodes}, in server order. */
    Builder(String[] nodes) {
      this.nodes = nodes.clone();
      values = new double[METRICS.size()][nodes.length][64];
    }

    /** Starts the sample at {@code time}; {@link #set} fills it. */
    void next(long time) {
      if (n == times.length) {
        times = Arrays.copyOf(times, n * 2);
        for (double[][] m : values) {
          for (int s = 0; s < m.length; s++) {
            m[s] = Arrays.copyOf(m[s], n * 2);
          }
        }
      }
      times[n++] = time;
    }

    void set(int metric, int server, double v) {
      values[metric][server][n - 1] = v;
    }

    MetricSamples build() {
      double[][][] out = new double[values.length][nodes.length][];
      for (int m = 0; m < values.length; m++) {
        for (int s = 0; s < nodes.length; s++) {
          out[m][s] = Arrays.copyOf(values[m][s], n);
        }
      }
      return new MetricSamples(nodes.clone(), Arrays.copyOf(times, n), out);
    }
  }
}
