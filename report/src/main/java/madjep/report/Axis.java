package madjep.report;

import madjep.history.History;

/**
 * The page's horizontal axis: nanoseconds since the history's first op when every op has a {@code :time}, else op
 * positions (histories such as Porcupine's {@code jepsen.log} have no times, and file order is real-time order).
 */
final class Axis {
  final boolean timed;
  /** The history's first time (timed), else 0. */
  final long origin;
  /** The last value on the axis. */
  final long span;
  private final History h;

  Axis(History h) {
    this.h = h;
    boolean timed = h.size() > 0 && h.hasTime();
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (int i = 0; i < h.size() && timed; i++) {
      long t = h.time(i);
      if (t < 0) {
        timed = false;
      }
      min = Math.min(min, t);
      max = Math.max(max, t);
    }
    this.timed = timed;
    this.origin = timed ? min : 0;
    this.span = timed ? Math.max(1, max - min) : Math.max(1, h.size() - 1);
  }

  /** Op {@code i}'s place on the axis. */
  long at(int i) {
    return timed ? h.time(i) - origin : i;
  }

  /** An axis value as a label: {@code 12.5 s}, {@code 340 ms}, or {@code op 1200}. */
  String label(long v) {
    return timed ? Format.duration(v) : "op " + v;
  }

  /**
   * An axis value precise enough for ticks {@code step} apart ({@code 14.312 s}, {@code 71.9974 s}), for close-ups
   * where neighbouring ticks are near.
   */
  String preciseLabel(long v, long step) {
    if (!timed) {
      return "op " + v;
    }
    if (Math.abs(v) < 1_000_000_000L) {
      return Format.duration(v);
    }
    int decimals = (int) Math.max(3, Math.min(9, Math.ceil(-Math.log10(Math.max(1, step) / 1e9))));
    return String.format(java.util.Locale.ROOT, "%." + decimals + "f s", v / 1e9);
  }

  /** The axis unit's name in prose. */
  String unit() {
    return timed ? "time" : "op position (the history has no :time)";
  }
}
