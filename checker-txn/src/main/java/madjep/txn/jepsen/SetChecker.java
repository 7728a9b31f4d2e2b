package madjep.txn.jepsen;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import madjep.history.History;
import madjep.history.Verdict;
import madjep.history.edn.Keyword;

/**
 * Jepsen's {@code set} checker: {@code :add} ops add one element each, and the last {@code :ok} {@code :read} returns
 * the whole set. An element is <em>lost</em> when its add was acknowledged but the final read lacks it,
 * <em>unexpected</em> when the final read has it but no add of it was attempted, <em>recovered</em> when its add was
 * indeterminate ({@code :info} or never completed) and the final read has it. Lost or unexpected elements make the
 * history invalid; without an {@code :ok} read the verdict is unknown.
 *
 * <p>One deliberate difference from Jepsen: an add that failed did not happen, so it is not an attempt, and reading
 * its element is unexpected (Jepsen counts every invocation as an attempt and would call that element recovered).
 */
public final class SetChecker {
  static final Keyword ADD = Keyword.of("add");
  static final Keyword READ = Keyword.of("read");

  private SetChecker() {}

  public static SetResult check(History h) {
    Set<Object> attempts = new HashSet<>();
    Set<Object> acknowledged = new HashSet<>();
    int finalRead = -1;
    for (int i = 0, n = h.size(); i < n; i++) {
      Keyword f = h.f(i);
      if (f == ADD && Ops.is(h, i, ADD)) {
        if (h.isInvoke(i) && !Ops.failed(h, i)) {
          attempts.add(h.value(i));
        } else if (h.isOk(i)) {
          Object v = h.pair(i) >= 0 ? h.value(h.pair(i)) : h.value(i);
          acknowledged.add(v);
          attempts.add(v);
        }
      } else if (f == READ && h.isOk(i) && Ops.is(h, i, READ)) {
        Ops.collectionValue(h, i, "a collection of elements in an :ok :read");
        finalRead = i;
      }
    }
    if (finalRead < 0) {
      return new SetResult(Verdict.UNKNOWN, attempts.size(), acknowledged.size(), List.of(), List.of(), List.of(),
          List.of(), -1, h);
    }
    Collection<?> read = (Collection<?>) h.value(finalRead);
    Set<Object> readSet = new HashSet<>(read);
    List<Object> ok = new ArrayList<>();
    List<Object> unexpected = new ArrayList<>();
    List<Object> recovered = new ArrayList<>();
    for (Object e : readSet) {
      if (!attempts.contains(e)) {
        unexpected.add(e);
      } else {
        ok.add(e);
        if (!acknowledged.contains(e)) {
          recovered.add(e);
        }
      }
    }
    List<Object> lost = new ArrayList<>();
    for (Object e : acknowledged) {
      if (!readSet.contains(e)) {
        lost.add(e);
      }
    }
    Verdict v = lost.isEmpty() && unexpected.isEmpty() ? Verdict.VALID : Verdict.INVALID;
    return new SetResult(v, attempts.size(), acknowledged.size(), Data.sorted(ok), Data.sorted(lost),
        Data.sorted(unexpected), Data.sorted(recovered), finalRead, h);
  }
}
