package madjep.report;

import java.util.Locale;
import madjep.history.edn.Edn;
import madjep.history.edn.Keyword;

/** Numbers, durations, EDN and HTML text as the page shows them. */
final class Format {
  private Format() {}

  /** {@code 1.5 s}, {@code 340 ms}, {@code 12 µs}, {@code 800 ns}: three significant figures at most. */
  static String duration(long ns) {
    if (ns == 0) {
      return "0";
    }
    long a = Math.abs(ns);
    if (a >= 1_000_000_000L) {
      return trim(ns / 1e9) + " s";
    }
    if (a >= 1_000_000L) {
      return trim(ns / 1e6) + " ms";
    }
    if (a >= 1_000L) {
      return trim(ns / 1e3) + " µs";
    }
    return ns + " ns";
  }

  private static String trim(double v) {
    double a = Math.abs(v);
    String s = String.format(Locale.ROOT, a >= 100 ? "%.0f" : a >= 10 ? "%.1f" : "%.2f", v);
    if (s.contains(".")) {
      s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
    return s;
  }

  /** A coordinate with one decimal, as SVG wants it. */
  static String px(double v) {
    long tenths = Math.round(v * 10);
    if (tenths % 10 == 0) {
      return Long.toString(tenths / 10);
    }
    // What String.format("%.1f", tenths / 10.0) prints, without the formatter: a page draws hundreds of thousands.
    long abs = Math.abs(tenths);
    return (tenths < 0 ? "-" : "") + abs / 10 + "." + abs % 10;
  }

  /** {@code 1 thread}, {@code 2 threads}. */
  static String plural(long n, String one, String many) {
    return count(n) + " " + (n == 1 ? one : many);
  }

  /** {@code 12,345}. */
  static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  /** A value as EDN, at most {@code max} characters. */
  static String edn(Object v, int max) {
    String s = v instanceof Keyword k ? k.toString() : Edn.print(v);
    return s.length() <= max ? s : s.substring(0, Math.max(0, max - 1)) + "…";
  }

  /** Text safe inside HTML and SVG elements and attributes. */
  static String esc(String s) {
    StringBuilder sb = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      String r = switch (c) {
        case '&' -> "&amp;";
        case '<' -> "&lt;";
        case '>' -> "&gt;";
        case '"' -> "&quot;";
        case '\'' -> "&#39;";
        default -> null;
      };
      if (r != null && sb == null) {
        sb = new StringBuilder(s.length() + 16).append(s, 0, i);
      }
      if (sb != null) {
        if (r != null) {
          sb.append(r);
        } else {
          sb.append(c);
        }
      }
    }
    return sb == null ? s : sb.toString();
  }
}
