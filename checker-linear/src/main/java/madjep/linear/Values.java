package madjep.linear;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import madjep.history.edn.EdnParser;
import madjep.history.edn.EdnVector;
import madjep.history.edn.Keyword;

/** Small helpers for EDN values in models: one representation per number, and short renderings. */
final class Values {
  static final Keyword READ = Keyword.of("read");
  static final Keyword WRITE = Keyword.of("write");
  static final Keyword CAS = Keyword.of("cas");

  private Values() {}

  /**
   * The value with every integer as a Long (values built in Java may hold Integers, which never equal the Longs the
   * readers produce); other values are returned as they are.
   */
  static Object canonical(Object v) {
    if (v instanceof Long || v == null || v instanceof String || v instanceof Keyword) {
      return v;
    }
    if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
      return EdnParser.box(((Number) v).longValue());
    }
    if (v instanceof BigInteger b && b.bitLength() < 64) {
      return EdnParser.box(b.longValue());
    }
    if (v instanceof List<?> list) {
      List<Object> copy = null;
      for (int i = 0, n = list.size(); i < n; i++) {
        Object e = list.get(i);
        Object c = canonical(e);
        if (c != e && copy == null) {
          copy = new ArrayList<>(list.subList(0, i));
        }
        if (copy != null) {
          copy.add(c);
        }
      }
      return copy == null ? v : EdnVector.copyOf(copy);
    }
    return v;
  }

  /** A short EDN rendering for "found ..." in messages. */
  static String describe(Object v) {
    return EdnParser.describe(v);
  }

  /** {@code "expected " + what + ", found " + v} for {@link Model#checkOp}. */
  static String expected(String what, Object v) {
    return "expected " + what + ", found " + describe(v);
  }

  /** {@code "expected :f to be one of ..., found :x"} for ops a model does not know. */
  static String unknownFunction(Keyword f, String known) {
    return "expected :f " + known + ", found " + (f == null ? "none" : f.toString());
  }
}
