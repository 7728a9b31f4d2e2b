package madjep.history.edn;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * EDN text in and out for single values: {@code Edn.parse("{:x 0 :y 0}")} and {@code Edn.print(value)}. Printing
 * follows Clojure's {@code prn}, which is what Jepsen writes: map entries separated by {@code ", "}, big integers
 * with {@code N}, characters as {@code \a} or {@code \newline}.
 */
public final class Edn {
  private Edn() {}

  /** Parses exactly one EDN value. */
  public static Object parse(String text) {
    return EdnParser.parse(text);
  }

  /** The EDN text of a value from EDN's data model. */
  public static String print(Object value) {
    StringBuilder sb = new StringBuilder();
    print(sb, value);
    return sb.toString();
  }

  /** Appends the EDN text of a value. */
  public static void print(StringBuilder out, Object v) {
    if (v == null) {
      out.append("nil");
    } else if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
      out.append(((Number) v).longValue());
    } else if (v instanceof Keyword) {
      out.append(':').append(((Keyword) v).name());
    } else if (v instanceof String s) {
      printString(out, s);
    } else if (v instanceof List<?> list) {
      boolean isList = v instanceof EdnList;
      out.append(isList ? '(' : '[');
      for (int i = 0, n = list.size(); i < n; i++) {
        if (i > 0) {
          out.append(' ');
        }
        print(out, list.get(i));
      }
      out.append(isList ? ')' : ']');
    } else if (v instanceof Map<?, ?> map) {
      out.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (!first) {
          out.append(", ");
        }
        first = false;
        print(out, e.getKey());
        out.append(' ');
        print(out, e.getValue());
      }
      out.append('}');
    } else if (v instanceof Set<?> set) {
      out.append("#{");
      printElements(out, set);
      out.append('}');
    } else if (v instanceof Boolean) {
      out.append(v);
    } else if (v instanceof Double || v instanceof Float) {
      printDouble(out, ((Number) v).doubleValue());
    } else if (v instanceof BigInteger) {
      out.append(v).append('N');
    } else if (v instanceof BigDecimal d) {
      out.append(d.toString()).append('M');
    } else if (v instanceof Character c) {
      printChar(out, c);
    } else if (v instanceof Symbol s) {
      out.append(s.name());
    } else if (v instanceof Tagged t) {
      out.append('#').append(t.tag().name()).append(' ');
      print(out, t.value());
    } else if (v instanceof Collection<?> c) {
      out.append('(');
      printElements(out, c);
      out.append(')');
    } else {
      throw new IllegalArgumentException("not an EDN value: " + v.getClass().getName());
    }
  }

  private static void printElements(StringBuilder out, Collection<?> c) {
    Iterator<?> it = c.iterator();
    boolean first = true;
    while (it.hasNext()) {
      if (!first) {
        out.append(' ');
      }
      first = false;
      print(out, it.next());
    }
  }

  private static void printDouble(StringBuilder out, double d) {
    if (Double.isNaN(d)) {
      out.append("##NaN");
    } else if (Double.isInfinite(d)) {
      out.append(d > 0 ? "##Inf" : "##-Inf");
    } else {
      out.append(d);
    }
  }

  /** Appends {@code s} as an EDN string literal with escapes. */
  public static void printString(StringBuilder out, String s) {
    out.append('"');
    for (int i = 0, n = s.length(); i < n; i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        case '\r' -> out.append("\\r");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c < 0x20 || (Character.isSurrogate(c) && !pairedSurrogate(s, i))) {
            // Control characters and unpaired surrogates have no UTF-8 form of their own: escape them.
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  private static boolean pairedSurrogate(String s, int i) {
    char c = s.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
    }
    return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
  }

  private static void printChar(StringBuilder out, char c) {
    switch (c) {
      case '\n' -> out.append("\\newline");
      case ' ' -> out.append("\\space");
      case '\t' -> out.append("\\tab");
      case '\r' -> out.append("\\return");
      case '\f' -> out.append("\\formfeed");
      case '\b' -> out.append("\\backspace");
      default -> {
        if (c < 0x21 || c == 0x7f || Character.isSurrogate(c)) {
          out.append(String.format("\\u%04x", (int) c));
        } else {
          out.append('\\').append(c);
        }
      }
    }
  }
}
