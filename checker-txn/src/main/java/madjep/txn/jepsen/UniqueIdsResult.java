package madjep.txn.jepsen;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import madjep.history.History;
import madjep.history.Verdict;
import madjep.history.edn.EdnParser;
import madjep.history.edn.EdnVector;
import madjep.history.edn.Keyword;

/**
 * The result of {@link UniqueIdsChecker}.
 *
 * @param valid invalid when an id was returned twice
 * @param attemptedCount {@code :generate} invocations
 * @param acknowledgedCount {@code :ok} {@code :generate} completions
 * @param duplicated every id returned more than once, sorted by id
 * @param lowest the lowest id returned, or null
 * @param highest the highest id returned, or null
 * @param history the checked history
 */
public record UniqueIdsResult(
    Verdict valid,
    int attemptedCount,
    int acknowledgedCount,
    List<Duplicate> duplicated,
    Object lowest,
    Object highest,
    History history)
    implements JepsenResult {

  /**
   * An id returned more than once.
   *
   * @param id the id
   * @param count how many {@code :ok} ops returned it
   * @param firstPosition the position of the first of them
   * @param secondPosition the position of the second
   */
  public record Duplicate(Object id, int count, int firstPosition, int secondPosition) {}

  @Override
  public Map<Keyword, Object> toData() {
    // Jepsen shows the 48 most frequent duplicates, as a map sorted by id.
    List<Duplicate> shown = new ArrayList<>(duplicated);
    shown.sort((a, b) -> a.count() != b.count() ? Integer.compare(b.count(), a.count())
        : EdnOrder.INSTANCE.compare(a.id(), b.id()));
    shown = shown.subList(0, Math.min(shown.size(), UniqueIdsChecker.MAX_DUPLICATES_SHOWN));
    shown.sort((a, b) -> EdnOrder.INSTANCE.compare(a.id(), b.id()));
    LinkedHashMap<Object, Object> dups = new LinkedHashMap<>();
    for (Duplicate d : shown) {
      dups.put(d.id(), EdnParser.box(d.count()));
    }
    Data d = Data.result(valid);
    return d.put("attempted-count", attemptedCount)
        .put("acknowledged-count", acknowledgedCount)
        .put("duplicated-count", duplicated.size())
        .put("duplicated", Collections.unmodifiableMap(dups))
        .put("range", lowest == null ? null : EdnVector.of(lowest, highest))
        .putIfPresent("first-duplicate", firstDuplicate())
        .build();
  }

  /** The duplicate seen earliest in the history, with the two ops that returned it. */
  private Map<Keyword, Object> firstDuplicate() {
    Duplicate first = null;
    for (Duplicate d : duplicated) {
      if (first == null || d.secondPosition() < first.secondPosition()) {
        first = d;
      }
    }
    if (first == null) {
      return null;
    }
    return Data.map().put("id", first.id())
        .put("ops", Data.ops(history, new int[] {first.firstPosition(), first.secondPosition()}))
        .build();
  }
}
