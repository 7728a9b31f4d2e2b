package madjep.txn.jepsen;

import java.util.List;
import java.util.Map;
import madjep.history.History;
import madjep.history.Verdict;
import madjep.history.edn.Keyword;

/**
 * The result of {@link SetChecker}. Element lists are sorted.
 *
 * @param valid invalid when elements were lost or unexpected; unknown when the set was never read
 * @param attemptCount distinct elements whose add was attempted (and did not fail)
 * @param acknowledgedCount distinct elements whose add succeeded
 * @param ok elements of the final read whose add was attempted
 * @param lost acknowledged elements missing from the final read
 * @param unexpected elements of the final read that no add attempted
 * @param recovered elements of the final read whose add was indeterminate
 * @param finalRead position of the final {@code :ok} read, or -1
 * @param history the checked history
 */
public record SetResult(
    Verdict valid,
    int attemptCount,
    int acknowledgedCount,
    List<Object> ok,
    List<Object> lost,
    List<Object> unexpected,
    List<Object> recovered,
    int finalRead,
    History history)
    implements JepsenResult {

  @Override
  public Map<Keyword, Object> toData() {
    Data d = Data.result(valid);
    if (finalRead < 0) {
      return d.put("error", "Set was never read").build();
    }
    return d.put("attempt-count", attemptCount)
        .put("acknowledged-count", acknowledgedCount)
        .put("ok-count", ok.size())
        .put("lost-count", lost.size())
        .put("recovered-count", recovered.size())
        .put("unexpected-count", unexpected.size())
        .put("ok", IntervalSets.render(ok))
        .put("lost", Data.sorted(lost))
        .put("unexpected", Data.sorted(unexpected))
        .put("recovered", Data.sorted(recovered))
        .put("final-read", Data.op(history, finalRead))
        .build();
  }
}
