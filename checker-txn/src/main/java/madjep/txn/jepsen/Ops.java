package madjep.txn.jepsen;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import madjep.history.History;
import madjep.history.edn.EdnParser;
import madjep.history.edn.Keyword;

/** Which ops the checkers look at, and reading their values with a clear error when the shape is wrong. */
final class Ops {
  private Ops() {}

  /** True for ops of named processes such as {@code :nemesis}, which every checker here ignores. */
  static boolean isNamedProcess(History h, int i) {
    return h.process(i) <= -2;
  }

  /** True when op {@code i} is a client op (numbered process, or none given) with function {@code f}. */
  static boolean is(History h, int i, Keyword f) {
    return h.f(i) == f && h.process(i) >= History.NO_PROCESS;
  }

  /**
   * True when no client op has any of the functions {@code fs}: the history holds nothing the checker reads, so
   * its answer is unknown rather than a silent valid (a file checked with the wrong checker, say).
   */
  static boolean none(History h, Keyword... fs) {
    for (int i = 0, n = h.size(); i < n; i++) {
      for (Keyword f : fs) {
        if (is(h, i, f)) {
          return false;
        }
      }
    }
    return true;
  }

  /** True when invocation {@code i} completed with {@code :fail}: it did not happen. */
  static boolean failed(History h, int invoke) {
    int c = h.pair(invoke);
    return c >= 0 && h.isFail(c);
  }

  /** The value of op {@code i} as a long, or a data error saying what was expected. */
  static long longValue(History h, int i, String expected) {
    Object v = h.value(i);
    if (v instanceof Long l) {
      return l;
    }
    throw h.errorAt(i, "expected " + expected + ", found " + EdnParser.describe(v));
  }

  /** The value of op {@code i} as a collection (vector, list or set), or a data error. */
  static Collection<?> collectionValue(History h, int i, String expected) {
    Object v = h.value(i);
    if (v instanceof List<?> || v instanceof Set<?>) {
      return (Collection<?>) v;
    }
    throw h.errorAt(i, "expected " + expected + ", found " + EdnParser.describe(v));
  }

  /** {@code a + b}, or a data error at op {@code i} when the sum does not fit in a long. */
  static long add(History h, int i, long a, long b) {
    long s = a + b;
    if (((a ^ s) & (b ^ s)) < 0) {
      throw h.errorAt(i, "expected sums that fit in a 64-bit integer, found an overflow adding " + b);
    }
    return s;
  }
}
