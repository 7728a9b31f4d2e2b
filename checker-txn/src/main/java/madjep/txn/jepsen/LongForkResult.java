package madjep.txn.jepsen;

import java.util.List;
import java.util.Map;
import madjep.history.History;
import madjep.history.Verdict;
import madjep.history.edn.EdnVector;
import madjep.history.edn.Keyword;

/**
 * The result of {@link LongForkChecker}.
 *
 * @param valid invalid when there is a fork; unknown when a key was written twice, or two reads saw different
 *     values of one key
 * @param readCount {@code :ok} read transactions
 * @param earlyReadCount reads that saw no write
 * @param lateReadCount reads that saw every key written
 * @param forks pairs of reads that observed writes in opposite orders, by position
 * @param multipleWrites a key written twice, or null
 * @param conflict two reads that saw different values of one key, or null
 * @param history the checked history
 */
public record LongForkResult(
    Verdict valid,
    int readCount,
    int earlyReadCount,
    int lateReadCount,
    List<Fork> forks,
    Object multipleWrites,
    Conflict conflict,
    History history)
    implements JepsenResult {

  /** Two incomparable reads, by position ({@code first < second}). */
  public record Fork(int first, int second) {}

  /**
   * Two reads that saw different values of one key.
   *
   * @param key the key
   * @param firstValue the value the first read saw
   * @param firstPosition the first read's position
   * @param secondValue the value the second read saw
   * @param secondPosition the second read's position
   */
  public record Conflict(Object key, Object firstValue, int firstPosition, Object secondValue,
      int secondPosition) {}

  private static final Keyword MULTIPLE_WRITES = Keyword.of("multiple-writes");
  private static final Keyword DISTINCT_VALUES = Keyword.of("distinct-values");

  @Override
  public Map<Keyword, Object> toData() {
    Data d = Data.result(valid)
        .put("reads-count", readCount)
        .put("early-read-count", earlyReadCount)
        .put("late-read-count", lateReadCount);
    if (multipleWrites != null) {
      return d.put("error", EdnVector.of(MULTIPLE_WRITES, multipleWrites)).build();
    }
    if (conflict != null) {
      return d.put("error", EdnVector.of(DISTINCT_VALUES, conflict.key()))
          .put("reads", Data.ops(history, new int[] {conflict.firstPosition(), conflict.secondPosition()}))
          .build();
    }
    if (!forks.isEmpty()) {
      Object[] fs = new Object[forks.size()];
      for (int k = 0; k < fs.length; k++) {
        fs[k] = Data.ops(history, new int[] {forks.get(k).first(), forks.get(k).second()});
      }
      d.put("forks", EdnVector.of(fs));
    }
    return d.build();
  }
}
