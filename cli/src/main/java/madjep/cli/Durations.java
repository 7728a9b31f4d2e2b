package madjep.cli;

import java.time.Duration;
import java.util.Locale;

/** Durations on the command line: {@code 60s}, {@code 500ms}, {@code 2m}, {@code 1h}; and printing nanoseconds. */
final class Durations {
  private Durations() {}

  /** Parses {@code 30s}, {@code 500ms}, {@code 2m}, {@code 1h}, {@code 100us}, {@code 10ns}; bare numbers are seconds. */
  static Duration parse(String s) {
    String t = s.trim().toLowerCase(Locale.ROOT);
    try {
      if (t.endsWith("ms")) {
        return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
      }
      if (t.endsWith("us")) {
        return Duration.ofNanos(Long.parseLong(t.substring(0, t.length() - 2)) * 1000);
      }
      if (t.endsWith("ns")) {
        return Duration.ofNanos(Long.parseLong(t.substring(0, t.length() - 2)));
      }
      if (t.endsWith("s")) {
        return Duration.ofMillis(Math.round(Double.parseDouble(t.substring(0, t.length() - 1)) * 1000));
      }
      if (t.endsWith("m")) {
        return Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1)) * 60);
      }
      if (t.endsWith("h")) {
        return Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1)) * 3600);
      }
      return Duration.ofMillis(Math.round(Double.parseDouble(t) * 1000));
    } catch (NumberFormatException e) {
      throw new UsageError("expected a duration such as 30s, 500ms or 2m, found '" + s + "'");
    }
  }

  /** A human reading of nanoseconds: {@code 1.234 s}, {@code 12.5 ms}, {@code 830 µs}. */
  static String format(long nanos) {
    if (nanos >= 1_000_000_000L) {
      return String.format(Locale.ROOT, "%.3f s", nanos / 1e9);
    }
    if (nanos >= 1_000_000L) {
      return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
    }
    if (nanos >= 1_000L) {
      return String.format(Locale.ROOT, "%.0f µs", nanos / 1e3);
    }
    return nanos + " ns";
  }

  /** Picocli converter for duration options. */
  static final class Converter implements picocli.CommandLine.ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      return parse(value);
    }
  }
}
