package madjep.report;

/** Round tick values for an axis: 1, 2 or 5 times a power of ten, about {@code target} of them. */
final class Ticks {
  private Ticks() {}

  /** The step between ticks for values from 0 to {@code span}. */
  static long step(long span, int target) {
    double raw = Math.max(1, span) / (double) Math.max(1, target);
    double pow = Math.pow(10, Math.floor(Math.log10(raw)));
    double f = raw / pow;
    double nice = f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10;
    return Math.max(1, (long) (nice * pow));
  }

  /** A "nice" step for doubles. */
  static double step(double span, int target) {
    double raw = Math.max(span, 1e-12) / Math.max(1, target);
    double pow = Math.pow(10, Math.floor(Math.log10(raw)));
    double f = raw / pow;
    return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * pow;
  }
}
