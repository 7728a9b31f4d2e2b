package madjep.sim;

/** Virtual durations in nanoseconds, and their text form: {@code 250us}, {@code 5ms}, {@code 2s}, {@code 1m}. */
public final class Durations {
  public static final long US = 1_000L;
  public static final long MS = 1_000_000L;
  public static final long S = 1_000_000_000L;

  private Durations() {}

  public static long ms(long n) {
    return n * MS;
  }

  public static long s(long n) {
    return n * S;
  }

  /** The shortest exact text of {@code nanos}: {@code 1500ms}, {@code 2s}, {@code 250us}, {@code 7ns}. */
  public static String format(long nanos) {
    if (nanos != 0 && nanos % (60 * S) == 0) {
      return nanos / (60 * S) + "m";
    }
    if (nanos != 0 && nanos % S == 0) {
      return nanos / S + "s";
    }
    if (nanos != 0 && nanos % MS == 0) {
      return nanos / MS + "ms";
    }
    if (nanos != 0 && nanos % US == 0) {
      return nanos / US + "us";
    }
    return nanos + "ns";
  }

  /**
   * The exact text of {@code nanos} that reads best: a decimal in the largest unit it reaches ({@code 5.699462449s},
   * {@code 1.5s}, {@code 12.5ms}, {@code 250us}, {@code 7ns}; whole minutes as {@code 2m}). {@link #parse} reads every
   * such text back to the same value (up to about a hundred days).
   */
  public static String readable(long nanos) {
    long a = Math.abs(nanos);
    if (a < US || a % (60 * S) == 0) {
      return format(nanos);
    }
    long unit = a >= S ? S : a >= MS ? MS : US;
    String name = unit == S ? "s" : unit == MS ? "ms" : "us";
    java.math.BigDecimal d = java.math.BigDecimal.valueOf(nanos).divide(java.math.BigDecimal.valueOf(unit));
    return d.stripTrailingZeros().toPlainString() + name;
  }

  /** Reads {@code 10ns}, {@code 5us}, {@code 1.5ms}, {@code 2s}, {@code 3m}, {@code 1h}. */
  public static long parse(String text) {
    String s = text.trim();
    int i = 0;
    while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
      i++;
    }
    if (i == 0) {
      throw new IllegalArgumentException("expected a duration such as 5ms, found '" + text + "'");
    }
    double n = Double.parseDouble(s.substring(0, i));
    long unit;
    switch (s.substring(i)) {
      case "ns" -> unit = 1;
      case "us" -> unit = US;
      case "ms" -> unit = MS;
      case "s" -> unit = S;
      case "m" -> unit = 60 * S;
      case "h" -> unit = 3600 * S;
      default -> throw new IllegalArgumentException(
          "expected a duration unit ns, us, ms, s, m or h in '" + text + "'");
    }
    return Math.round(n * unit);
  }
}
