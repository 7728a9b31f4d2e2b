package madjep.sim;

import java.util.Arrays;
import java.util.function.Supplier;

/**
 * Runs a seed twice and compares the running event hash after every event (madsim's check, per event rather than
 * per random draw). The first run records; the second stops at the first event whose hash differs and reports it.
 */
public final class DeterminismCheck {
  private DeterminismCheck() {}

  /** Where two runs of one seed parted; {@code event} is the 0-based index of the first differing event. */
  public record Divergence(long event, long time, String node, String kind, long timeOther, String nodeOther,
      String kindOther) {
    public String describe() {
      return "runs diverge at event " + event + ": first run " + kind + " at " + time + " ns on " + node
          + ", second run " + kindOther + " at " + timeOther + " ns on " + nodeOther;
    }
  }

  /** The outcome: identical runs (same events, same hash) or the first divergence. */
  public record Report(long events, long hash, Divergence divergence) {
    public boolean deterministic() {
      return divergence == null;
    }
  }

  /**
   * Builds a simulation twice with {@code setup} (which must make a fresh, unstarted one from the same seed) and
   * runs each to {@code until} through {@code run}.
   */
  public static Report check(Supplier<Simulation> setup, java.util.function.Consumer<Simulation> run) {
    Recorder rec = new Recorder();
    Simulation first = setup.get();
    first.setProbe(rec);
    run.accept(first);
    Comparer cmp = new Comparer(rec, first);
    Simulation second = setup.get();
    cmp.second = second;
    second.setProbe(cmp);
    run.accept(second);
    if (cmp.divergence == null && second.eventCount() != first.eventCount()) {
      long i = Math.min(first.eventCount(), second.eventCount());
      cmp.divergence = new Divergence(i, i < rec.n ? rec.time[(int) i] : -1,
          i < rec.n ? nodeName(first, rec.node[(int) i]) : "(none: run ended)",
          i < rec.n ? Simulation.KIND_NAMES[rec.kind[(int) i]] : "end", second.now(), "(run ended)", "end");
    }
    return new Report(second.eventCount(), second.eventHash(), cmp.divergence);
  }

  static String nodeName(Simulation sim, int node) {
    return node < 0 ? "sim" : sim.name(node);
  }

  private static final class Recorder implements Simulation.EventProbe {
    long[] hash = new long[1 << 16];
    long[] time = new long[1 << 16];
    int[] node = new int[1 << 16];
    byte[] kind = new byte[1 << 16];
    int n;

    @Override
    public boolean event(long index, long t, int k, int nd, long h) {
      if (n == hash.length) {
        int m = n * 2;
        hash = Arrays.copyOf(hash, m);
        time = Arrays.copyOf(time, m);
        node = Arrays.copyOf(node, m);
        kind = Arrays.copyOf(kind, m);
      }
      hash[n] = h;
      time[n] = t;
      node[n] = nd;
      kind[n] = (byte) k;
      n++;
      return true;
    }
  }

  private static final class Comparer implements Simulation.EventProbe {
    final Recorder rec;
    final Simulation first;
    Simulation second;
    Divergence divergence;

    Comparer(Recorder rec, Simulation first) {
      this.rec = rec;
      this.first = first;
    }

    @Override
    public boolean event(long index, long t, int k, int nd, long h) {
      if (index < rec.n && rec.hash[(int) index] == h) {
        return true;
      }
      int i = (int) index;
      divergence = i < rec.n
          ? new Divergence(index, rec.time[i], nodeName(first, rec.node[i]), Simulation.KIND_NAMES[rec.kind[i]], t,
              nodeName(second, nd), Simulation.KIND_NAMES[k])
          : new Divergence(index, -1, "(run ended)", "end", t, nodeName(second, nd), Simulation.KIND_NAMES[k]);
      return false;
    }
  }
}
