package madjep.txn.jepsen;

import java.util.List;
import java.util.Map;
import madjep.history.History;
import madjep.history.Verdict;
import madjep.history.edn.EdnVector;
import madjep.history.edn.Keyword;

/**
 * The result of {@link CounterChecker}.
 *
 * @param valid invalid when some read is out of bounds
 * @param reads every {@code :ok} read with its bounds, in history order
 * @param errors the reads outside their bounds
 * @param history the checked history, to render ops
 */
public record CounterResult(Verdict valid, List<Read> reads, List<Read> errors, History history)
    implements JepsenResult {

  /**
   * One {@code :ok} read.
   *
   * @param position the read completion's position in the history
   * @param index its {@code :index}
   * @param lower the sum of adds acknowledged before the read was invoked
   * @param value the value read
   * @param upper the sum of adds attempted before the read completed
   */
  public record Read(int position, long index, long lower, long value, long upper) {
    /** Jepsen's {@code [lower value upper]}. */
    EdnVector toData() {
      return Data.longs(lower, value, upper);
    }
  }

  @Override
  public Map<Keyword, Object> toData() {
    Object[] rs = new Object[reads.size()];
    for (int k = 0; k < rs.length; k++) {
      rs[k] = reads.get(k).toData();
    }
    Object[] es = new Object[errors.size()];
    long[] indices = new long[errors.size()];
    for (int k = 0; k < es.length; k++) {
      es[k] = errors.get(k).toData();
      indices[k] = errors.get(k).index();
    }
    Data d = Data.result(valid).put("read-count", reads.size()).put("error-count", errors.size());
    return d.put("reads", EdnVector.of(rs))
        .put("errors", EdnVector.of(es))
        .put("error-indices", Data.longs(indices))
        .putIfPresent("first-error", errors.isEmpty() ? null : Data.op(history, errors.get(0).position()))
        .build();
  }
}
