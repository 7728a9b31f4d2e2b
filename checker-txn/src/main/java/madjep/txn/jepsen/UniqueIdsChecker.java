package madjep.txn.jepsen;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import madjep.history.History;
import madjep.history.edn.EdnParser;
import madjep.history.edn.Keyword;

/**
 * Jepsen's {@code unique-ids} checker: every {@code :ok} {@code :generate} op returns an id, and no id may be
 * returned twice.
 */
public final class UniqueIdsChecker {
  static final Keyword GENERATE = Keyword.of("generate");

  /** Jepsen lists at most this many duplicated ids, the most frequent first. */
  static final int MAX_DUPLICATES_SHOWN = 48;

  private UniqueIdsChecker() {}

  public static UniqueIdsResult check(History h) {
    int attempted = 0;
    int acknowledged = 0;
    HashMap<Object, int[]> counts = new HashMap<>();
    // the positions of the first two ops that returned each id, so a duplicate names both
    HashMap<Object, int[]> firstTwo = new HashMap<>();
    Object lowest = null;
    Object highest = null;
    for (int i = 0, n = h.size(); i < n; i++) {
      if (h.f(i) != GENERATE || !Ops.is(h, i, GENERATE)) {
        continue;
      }
      if (h.isInvoke(i)) {
        attempted++;
      } else if (h.isOk(i)) {
        Object id = h.value(i);
        if (id == null) {
          throw h.errorAt(i, "expected the generated id in an :ok :generate, found " + EdnParser.describe(null));
        }
        acknowledged++;
        int[] c = counts.computeIfAbsent(id, k -> new int[1]);
        if (c[0] < 2) {
          firstTwo.computeIfAbsent(id, k -> new int[2])[c[0]] = i;
        }
        c[0]++;
        if (lowest == null || EdnOrder.INSTANCE.compare(id, lowest) < 0) {
          lowest = id;
        }
        if (highest == null || EdnOrder.INSTANCE.compare(id, highest) > 0) {
          highest = id;
        }
      }
    }
    List<UniqueIdsResult.Duplicate> dups = new ArrayList<>();
    for (Map.Entry<Object, int[]> e : counts.entrySet()) {
      if (e.getValue()[0] > 1) {
        int[] at = firstTwo.get(e.getKey());
        dups.add(new UniqueIdsResult.Duplicate(e.getKey(), e.getValue()[0], at[0], at[1]));
      }
    }
    dups.sort((a, b) -> EdnOrder.INSTANCE.compare(a.id(), b.id()));
    Verdict v = dups.isEmpty() ? Verdict.VALID : Verdict.INVALID;
    return new UniqueIdsResult(v, attempted, acknowledged, List.copyOf(dups), lowest, highest, h);
  }
}
