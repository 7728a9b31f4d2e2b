package madjep.sim;

import java.util.Locale;

/**
 * Samples every server's {@link NodeMetrics} at a fixed interval of simulated time and keeps them as JSON Lines, one
 * object per server per sample, for the report:
 *
 * <pre>{"time":1000000000,"node":"n1","status":"up","queued":0,"in-flight":3,"busy":0.012,"memory":0,
 * "disk-bytes":4096,"dirty-bytes":0,"inbox-dropped":0}</pre>
 *
 * <p>{@code time} is in nanoseconds, as in the history; {@code busy} is the share of the interval the server spent on
 * CPU and synchronous I/O (at most 1: a handler that runs past the sample counts whole in the interval it began).
 */
public final class MetricsRecorder {
  private final Simulation sim;
  private final long interval;
  private final long[] lastBusy;
  private final StringBuilder lines = new StringBuilder();
  private final MetricSamples.Builder columns;
  private int samples;

  private MetricsRecorder(Simulation sim, long interval) {
    this.sim = sim;
    this.interval = interval;
    this.lastBusy = new long[sim.servers()];
    String[] names = new String[sim.servers()];
    for (int i = 0; i < names.length; i++) {
      names[i] = sim.name(i);
    }
    this.columns = new MetricSamples.Builder(names);
  }

  /** Samples {@code sim} every {@code interval} ns from now until the run ends (null when interval is 0). */
  public static MetricsRecorder start(Simulation sim, long interval) {
    if (interval <= 0) {
      return null;
    }
    MetricsRecorder m = new MetricsRecorder(sim, interval);
    sim.after(interval, new Runnable() {
      @Override
      public void run() {
        m.sample();
        sim.after(interval, this);
      }
    });
    return m;
  }

  private void sample() {
    long now = sim.now();
    columns.next(now);
    for (int i = 0; i < sim.servers(); i++) {
      NodeMetrics m = sim.metrics(i);
      double busy = Math.min(1.0, (m.busyNanos() - lastBusy[i]) / (double) interval);
      lastBusy[i] = m.busyNanos();
      String busyText = String.format(Locale.ROOT, "%.4f", busy);
      lines.append("{\"time\":").append(now).append(",\"node\":\"").append(m.node()).append("\",\"status\":\"")
          .append(m.status()).append("\",\"queued\":").append(m.queued()).append(",\"in-flight\":")
          .append(m.inFlight()).append(",\"busy\":").append(busyText)
          .append(",\"memory\":").append(m.memory()).append(",\"disk-bytes\":").append(m.diskBytes())
          .append(",\"dirty-bytes\":").append(m.dirtyBytes()).append(",\"inbox-dropped\":")
          .append(m.inboxDropped()).append("}\n");
      // In MetricSamples.METRICS order; busy as its line reads back, so that both give the same plots.
      columns.set(0, i, m.queued());
      columns.set(1, i, m.inFlight());
      columns.set(2, i, Double.parseDouble(busyText));
      columns.set(3, i, m.memory());
      columns.set(4, i, m.diskBytes());
      columns.set(5, i, m.dirtyBytes());
      columns.set(6, i, m.inboxDropped());
    }
    samples++;
  }

  /** The samples so far as columns. */
  public MetricSamples columns() {
    return columns.build();
  }

  /** The samples so far, as JSON Lines. */
  public String jsonLines() {
    return lines.toString();
  }

  public int samples() {
    return samples;
  }
}
