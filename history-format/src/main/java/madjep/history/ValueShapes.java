package madjep.history;

import java.util.List;
import madjep.history.edn.EdnParser;
import madjep.history.edn.Keyword;

/**
 * Checks that client op values have the shapes a checker needs, so that a malformed value is reported at its op
 * ({@link DataError.Kind#VALUE_SHAPE}, file:line:column) instead of surfacing as a wrong verdict or a crash deep in a
 * search. Nemesis and other named-process ops are not checked.
 */
public final class ValueShapes {
  private static final Keyword CAS = Keyword.of("cas");

  private ValueShapes() {}

  /**
   * Register histories: a {@code :cas} value is a two-element vector {@code [expected new]}; reads and writes may
   * hold any value. Throws at the first op that breaks this.
   */
  public static void requireRegister(History h) {
    for (int i = 0; i < h.size(); i++) {
      if (h.isClient(i) && h.f(i) == CAS && !(h.value(i) instanceof List<?> l && l.size() == 2)) {
        throw h.errorAt(i, "expected a :cas value [expected new], found " + describe(h.value(i)));
      }
    }
  }

  /**
   * Transaction histories: every client op's value is a vector of micro-ops {@code [f k v]} (or {@code [f k]} in an
   * invocation) whose {@code f} is a keyword. Throws at the first op that breaks this.
   */
  public static void requireMicroOps(History h) {
    for (int i = 0; i < h.size(); i++) {
      if (!h.isClient(i)) {
        continue;
      }
      Object v = h.value(i);
      if (!(v instanceof List<?> txn)) {
        throw h.errorAt(i, "expected a transaction: a vector of micro-ops such as [[:append 1 2] [:r 1 nil]],"
            + " found " + describe(v));
      }
      for (Object m : txn) {
        if (!(m instanceof List<?> mop) || mop.size() < 2 || mop.size() > 3 || !(mop.get(0) instanceof Keyword)) {
          throw h.errorAt(i, "expected micro-ops of the form [f key value] such as [:r 1 nil], found "
              + describe(m) + " in " + describe(v));
        }
      }
    }
  }

  /** A short EDN rendering of a value for "found ..." in messages. */
  public static String describe(Object v) {
    return EdnParser.describe(v);
  }
}
