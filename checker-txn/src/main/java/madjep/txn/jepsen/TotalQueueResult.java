package madjep.txn.jepsen;

import java.util.List;
import java.util.Map;
import madjep.history.History;
import madjep.history.Verdict;
import madjep.history.edn.Keyword;

/**
 * The result of {@link TotalQueueChecker}. Each list is a sorted multiset: a value appears as many times as it
 * counts.
 *
 * @param valid invalid when values were lost or unexpected; unknown after a crashed drain
 * @param attemptCount enqueues attempted (not failed)
 * @param acknowledgedCount enqueues acknowledged
 * @param dequeueCount values dequeued (drained values included)
 * @param ok dequeued values that were attempted
 * @param lost acknowledged values never dequeued
 * @param unexpected dequeued values never attempted
 * @param duplicated dequeued values beyond their attempts
 * @param recovered dequeued values whose enqueue was indeterminate
 * @param crashedDrain position of the first drain that crashed or never completed, or -1
 * @param history the checked history
 */
public record TotalQueueResult(
    Verdict valid,
    int attemptCount,
    int acknowledgedCount,
    int dequeueCount,
    List<Object> ok,
    List<Object> lost,
    List<Object> unexpected,
    List<Object> duplicated,
    List<Object> recovered,
    int crashedDrain,
    History history)
    implements JepsenResult {

  @Override
  public Map<Keyword, Object> toData() {
    Data d = Data.result(valid);
    if (crashedDrain >= 0) {
      d.put("error", "a :drain crashed or never completed, so lost values cannot be told")
          .put("crashed-drain", Data.op(history, crashedDrain));
    }
    return d.put("attempt-count", attemptCount)
        .put("acknowledged-count", acknowledgedCount)
        .put("ok-count", ok.size())
        .put("unexpected-count", unexpected.size())
        .put("duplicated-count", duplicated.size())
        .put("lost-count", lost.size())
        .put("recovered-count", recovered.size())
        .put("lost", Data.sorted(lost))
        .put("unexpected", Data.sorted(unexpected))
        .put("duplicated", Data.sorted(duplicated))
        .put("recovered", Data.sorted(recovered))
        .build();
  }
}
