package madjep.history.fuzz;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import madjep.history.History;
import madjep.history.edn.EdnList;
import madjep.history.edn.Keyword;
import madjep.history.edn.Symbol;
import madjep.history.edn.Tagged;

/**
 * One text per value, so that the reference readings and the production readers can be compared: typed and
 * unambiguous ({@code L5} is the long 5, {@code S1:x} the string "x", {@code Kread} the keyword :read). In JSON
 * mode keywords and strings both print as strings without a leading colon, because JSON has no keywords and the
 * reader's conversions between them (micro-op names, jepsen-rs's colon dialect) are conventions, not values.
 */
final class Canon {
  static final String NIL = "nil";

  private Canon() {}

  static String lng(long v) {
    return "L" + v;
  }

  static String bigInteger(BigInteger v) {
    return "N" + v;
  }

  static String bigDecimal(BigDecimal v) {
    return "M" + v;
  }

  static String dbl(double v) {
    return "D" + Double.doubleToLongBits(v);
  }

  static String string(String s) {
    return "S" + s.length() + ":" + s;
  }

  static String keyword(String name) {
    return "K" + name.length() + ":" + name;
  }

  static String symbol(String name) {
    return "Y" + name.length() + ":" + name;
  }

  static String character(char c) {
    return "C" + (int) c;
  }

  /** What {@link Keyword#isValidName} promises, restated: not empty, no whitespace, control or EDN delimiter. */
  static boolean validKeywordName(String name) {
    if (name.isEmpty()) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c <= ' ' || c == 0x7f || "()[]{}\",;\\".indexOf(c) >= 0) {
        return false;
      }
    }
    return true;
  }

  /** A value as the production readers hold it. */
  static String of(Object v, boolean json) {
    if (v == null) {
      return NIL;
    }
    if (v instanceof Boolean x) {
      return x.toString();
    }
    if (v instanceof Long x) {
      return lng(x);
    }
    if (v instanceof BigInteger x) {
      return bigInteger(x);
    }
    if (v instanceof BigDecimal x) {
      return bigDecimal(x);
    }
    if (v instanceof Double x) {
      return dbl(x);
    }
    if (v instanceof String s) {
      return json ? jsonName(s) : string(s);
    }
    if (v instanceof Keyword k) {
      // A keyword read from JSON already lost the one leading colon that jsonName strips from a string.
      return json ? string(k.name()) : keyword(k.name());
    }
    if (v instanceof Symbol s) {
      return symbol(s.name());
    }
    if (v instanceof Character c) {
      return character(c);
    }
    if (v instanceof Tagged t) {
      return "#" + t.tag().name() + " " + of(t.value(), json);
    }
    if (v instanceof List<?> l) {
      List<String> items = new ArrayList<>();
      for (Object o : l) {
        items.add(of(o, json));
      }
      String body = String.join(" ", items);
      return v instanceof EdnList ? "(" + body + ")" : "[" + body + "]";
    }
    if (v instanceof Set<?> s) {
      List<String> items = new ArrayList<>();
      for (Object o : s) {
        items.add(of(o, json));
      }
      return "#{" + String.join(" ", items) + "}";
    }
    if (v instanceof Map<?, ?> m) {
      List<String> items = new ArrayList<>();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        items.add(of(e.getKey(), json));
        items.add(of(e.getValue(), json));
      }
      return "{" + String.join(" ", items) + "}";
    }
    throw new AssertionError("a value of an unexpected class: " + v.getClass());
  }

  /** A JSON string or a keyword's name, as JSON mode prints both. */
  static String jsonName(String s) {
    return string(s.length() > 1 && s.charAt(0) == ':' ? s.substring(1) : s);
  }

  /** One op: type, process, function and value, as both sides print them. */
  static String op(String type, String process, String f, String value) {
    return type + " " + process + " " + f + " " + value;
  }

  /** The ops of a history read by a production reader. */
  static List<String> ops(History h, boolean json) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < h.size(); i++) {
      Object p = h.processValue(i);
      out.add(op(h.type(i).keyword().name(), p == null ? NIL : of(p, json), h.f(i) == null ? NIL : of(h.f(i), json),
          of(h.value(i), json)));
    }
    return out;
  }
}
