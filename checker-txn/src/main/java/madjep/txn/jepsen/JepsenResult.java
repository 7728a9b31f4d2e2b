package madjep.txn.jepsen;

import java.util.Map;
import madjep.history.Verdict;
import madjep.history.edn.Keyword;

/** What every checker of this package returns: a verdict and the result as EDN data. */
public interface JepsenResult {
  /** The verdict. */
  Verdict valid();

  /**
   * The result as Jepsen's checker would return it: an insertion-ordered map keyed by keywords such as {@code
   * :valid?}, with values from EDN's data model (ops rendered as op maps), ready for {@code Edn.print} or {@code
   * JsonValues.toJson}.
   */
  Map<Keyword, Object> toData();
}
