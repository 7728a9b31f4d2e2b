package madjep.txn;

import java.util.Map;
import madjep.history.edn.Keyword;

/**
 * A non-cycle anomaly case: its evidence is an EDN value, such as {@code {:op .. :mop [:r :x [1]] :writer ..
 * :element 1}} for G1a, or {@code true} for empty-transaction-graph.
 */
public record CaseAnomaly(String type, Object data) implements Anomaly {
  @Override
  public Object toData() {
    return data;
  }

  /** The evidence map, or an empty map when the evidence is not a map. */
  @SuppressWarnings("unchecked")
  public Map<Keyword, Object> map() {
    return data instanceof Map<?, ?> m ? (Map<Keyword, Object>) m : Map.of();
  }
}
