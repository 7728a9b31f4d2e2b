package madjep.txn.jepsen;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import madjep.history.edn.Edn;
import madjep.history.edn.Keyword;
import madjep.history.edn.Symbol;

/**
 * A total order on EDN values, so that results list elements deterministically (Jepsen sorts them with Clojure's
 * {@code compare}): nil, booleans, numbers by value, characters, strings, keywords, symbols, lists
 * lexicographically, then maps, sets and anything else by size and printed form.
 */
final class EdnOrder implements Comparator<Object> {
  static final EdnOrder INSTANCE = new EdnOrder();

  private EdnOrder() {}

  @Override
  public int compare(Object a, Object b) {
    if (a instanceof Long x && b instanceof Long y) {
      return Long.compare(x, y);
    }
    int ra = rank(a);
    int rb = rank(b);
    if (ra != rb) {
      return Integer.compare(ra, rb);
    }
    switch (ra) {
      case 0:
        return 0;
      case 1:
        return Boolean.compare((Boolean) a, (Boolean) b);
      case 2:
        return decimal((Number) a).compareTo(decimal((Number) b));
      case 3:
        return Character.compare((Character) a, (Character) b);
      case 4:
        return ((String) a).compareTo((String) b);
      case 5:
        return ((Keyword) a).compareTo((Keyword) b);
      case 6:
        return ((Symbol) a).name().compareTo(((Symbol) b).name());
      case 7: {
        List<?> x = (List<?>) a;
        List<?> y = (List<?>) b;
        for (int i = 0, n = Math.min(x.size(), y.size()); i < n; i++) {
          int c = compare(x.get(i), y.get(i));
          if (c != 0) {
            return c;
          }
        }
        return Integer.compare(x.size(), y.size());
      }
      default: {
        int c = Integer.compare(size(a), size(b));
        return c != 0 ? c : Edn.print(a).compareTo(Edn.print(b));
      }
    }
  }

  private static int rank(Object v) {
    if (v == null) {
      return 0;
    } else if (v instanceof Boolean) {
      return 1;
    } else if (v instanceof Number) {
      return 2;
    } else if (v instanceof Character) {
      return 3;
    } else if (v instanceof String) {
      return 4;
    } else if (v instanceof Keyword) {
      return 5;
    } else if (v instanceof Symbol) {
      return 6;
    } else if (v instanceof List) {
      return 7;
    } else if (v instanceof Map) {
      return 8;
    } else if (v instanceof Set) {
      return 9;
    }
    return 10;
  }

  private static int size(Object v) {
    if (v instanceof Map<?, ?> m) {
      return m.size();
    } else if (v instanceof Set<?> s) {
      return s.size();
    }
    return 0;
  }

  private static BigDecimal decimal(Number n) {
    if (n instanceof BigDecimal d) {
      return d;
    } else if (n instanceof BigInteger i) {
      return new BigDecimal(i);
    } else if (n instanceof Double || n instanceof Float) {
      double d = n.doubleValue();
      // NaN and infinities have no BigDecimal; place them beyond every finite number.
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        return d < 0 ? BigDecimal.valueOf(-Double.MAX_VALUE).subtract(BigDecimal.ONE)
            : BigDecimal.valueOf(Double.MAX_VALUE).add(BigDecimal.ONE);
      }
      return BigDecimal.valueOf(d);
    }
    return BigDecimal.valueOf(n.longValue());
  }
}
