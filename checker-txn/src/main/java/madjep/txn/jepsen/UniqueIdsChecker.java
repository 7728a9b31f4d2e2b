package madjep.txn.jepsen;

import it.unimi.dsi.fastutil.objects.Object2IntMap;
import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import madjep.history.History;
import madjep.history.Verdict;
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
    Object2IntOpenHashMap<Object> counts = new Object2IntOpenHashMap<>();
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
        counts.addTo(id, 1);
        if (lowest == null || EdnOrder.INSTANCE.compare(id, lowest) < 0) {
          lowest = id;
        }
        if (highest == null || EdnOrder.INSTANCE.compare(id, highest) > 0) {
          highest = id;
        }
      }
    }
    // Duplicates are rare: find the first two ops of each in a second pass.
    HashMap<Object, int[]> firstTwo = new HashMap<>();
    for (Object2IntMap.Entry<Object> e : counts.object2IntEntrySet()) {
      if (e.getIntValue() > 1) {
        firstTwo.put(e.getKey(), new int[] {-1, -1});
      }
    }
    List<UniqueIdsResult.Duplicate> dups = new ArrayList<>();
    if (!firstTwo.isEmpty()) {
      for (int i = 0, n = h.size(); i < n; i++) {
        if (h.f(i) == GENERATE && h.isOk(i) && Ops.is(h, i, GENERATE)) {
          int[] at = firstTwo.get(h.value(i));
          if (at != null && at[1] < 0) {
            at[at[0] < 0 ? 0 : 1] = i;
          }
        }
      }
      for (Map.Entry<Object, int[]> e : firstTwo.entrySet()) {
        int[] at = e.getValue();
        dups.add(new UniqueIdsResult.Duplicate(e.getKey(), counts.getInt(e.getKey()), at[0], at[1]));
      }
      dups.sort((a, b) -> EdnOrder.INSTANCE.compare(a.id(), b.id()));
    }
    Verdict v = !dups.isEmpty() ? Verdict.INVALID : Ops.none(h, GENERATE) ? Verdict.UNKNOWN : Verdict.VALID;
    return new UniqueIdsResult(v, attempted, acknowledged, List.copyOf(dups), lowest, highest, h);
  }
}
