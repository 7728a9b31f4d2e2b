package madjep.txn.jepsen;

import it.unimi.dsi.fastutil.ints.Int2LongOpenHashMap;
import java.util.ArrayList;
import java.util.List;
import madjep.history.History;
import madjep.history.Verdict;
import madjep.history.edn.Keyword;

/**
 * Jepsen's {@code counter} checker: a counter starts at 0, {@code :add} ops add a non-negative amount and {@code
 * :read} ops return the current value. Every {@code :ok} read must lie between the sum of the adds acknowledged
 * before the read was invoked (the lower bound) and the sum of the adds attempted before the read completed (the
 * upper bound). Failed adds did not happen and are not attempts; {@code :info} adds and adds that never complete
 * may have happened and count toward the upper bound only.
 *
 * <p>Where Jepsen has no rule: an {@code :ok} add without an invocation in the history counts toward both bounds
 * from where it appears, and an {@code :ok} read without one gets the lower bound 0 (its start is unknown). As in
 * Jepsen, a history without {@code :ok} reads is valid: {@code :read-count 0} shows that nothing was read.
 */
public final class CounterChecker {
  static final Keyword ADD = Keyword.of("add");
  static final Keyword READ = Keyword.of("read");

  private CounterChecker() {}

  /** Checks every {@code :ok} read against the bounds. One pass; O(n). */
  public static CounterResult check(History h) {
    long lower = 0;
    long upper = 0;
    // completion position of a pending ok read -> the lower bound when it was invoked
    Int2LongOpenHashMap pendingLower = new Int2LongOpenHashMap();
    List<CounterResult.Read> reads = new ArrayList<>();
    List<CounterResult.Read> errors = new ArrayList<>();
    for (int i = 0, n = h.size(); i < n; i++) {
      Keyword f = h.f(i);
      if (Ops.isNamedProcess(h, i)) {
        continue;
      }
      if (f == READ) {
        if (h.isInvoke(i)) {
          int c = h.pair(i);
          if (c >= 0 && h.isOk(c)) {
            pendingLower.put(c, lower);
          }
        } else if (h.isOk(i)) {
          long value = Ops.longValue(h, i, "an integer counter value in an :ok :read");
          long lo = h.pair(i) >= 0 ? pendingLower.remove(i) : 0;
          CounterResult.Read r = new CounterResult.Read(i, h.index(i), lo, value, upper);
          reads.add(r);
          if (value < lo || value > upper) {
            errors.add(r);
          }
        }
      } else if (f == ADD) {
        int inv = h.isInvoke(i) ? i : h.pair(i);
        if (h.isInvoke(i)) {
          long amount = amount(h, i);
          if (!Ops.failed(h, i)) {
            upper = Ops.add(h, i, upper, amount);
          }
        } else if (h.isOk(i)) {
          long amount = amount(h, inv >= 0 ? inv : i);
          lower = Ops.add(h, i, lower, amount);
          if (inv < 0) {
            upper = Ops.add(h, i, upper, amount);
          }
        }
      }
    }
    Verdict v = !errors.isEmpty() ? Verdict.INVALID : Ops.none(h, ADD, READ) ? Verdict.UNKNOWN : Verdict.VALID;
    return new CounterResult(v, List.copyOf(reads), List.copyOf(errors), h);
  }

  private static long amount(History h, int i) {
    long a = Ops.longValue(h, i, "a non-negative integer amount to :add");
    if (a < 0) {
      throw h.errorAt(i, "expected a non-negative integer amount to :add (the counter checker allows no "
          + "decrements), found " + a);
    }
    return a;
  }
}
