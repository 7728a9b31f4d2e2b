package madjep.txn.jepsen;

import java.util.List;
import madjep.history.History;
import madjep.history.edn.EdnParser;
import madjep.history.edn.Keyword;

/** Transactions as long-fork writes them: a list of micro-ops {@code [f k v]} ({@code [f k]} when v is absent). */
final class Txns {
  static final Keyword R = Keyword.of("r");
  static final Keyword W = Keyword.of("w");

  private Txns() {}

  /** The micro-ops of op {@code i}'s value, or a data error when the value is not a transaction. */
  static List<?> txn(History h, int i) {
    Object v = h.value(i);
    if (v instanceof List<?> txn) {
      for (Object m : txn) {
        if (!(m instanceof List<?> mop) || mop.size() < 2 || mop.size() > 3 || !(mop.get(0) instanceof Keyword)) {
          throw h.errorAt(i, "expected a transaction of micro-ops [f k v], found the micro-op "
              + EdnParser.describe(m) + " in " + EdnParser.describe(v));
        }
      }
      return txn;
    }
    throw h.errorAt(i, "expected a transaction [[f k v] ...], found " + EdnParser.describe(v));
  }

  static Keyword f(Object mop) {
    return (Keyword) ((List<?>) mop).get(0);
  }

  static Object key(Object mop) {
    return ((List<?>) mop).get(1);
  }

  /** The micro-op's value; null when absent. */
  static Object value(Object mop) {
    List<?> m = (List<?>) mop;
    return m.size() > 2 ? m.get(2) : null;
  }

  /** True when every micro-op reads. */
  static boolean isRead(List<?> txn) {
    for (Object m : txn) {
      if (f(m) != R) {
        return false;
      }
    }
    return true;
  }

  /** True for a single write micro-op. */
  static boolean isWrite(List<?> txn) {
    return txn.size() == 1 && f(txn.get(0)) == W;
  }
}
