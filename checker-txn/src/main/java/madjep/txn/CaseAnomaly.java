package madjep.txn;

/**
 * A non-cycle anomaly case: its evidence is an EDN value, such as {@code {:op .. :mop [:r :x [1]] :writer ..
 * :element 1}} for G1a, or {@code true} for empty-transaction-graph.
 */
public record CaseAnomaly(String type, Object data) implements Anomaly {
  @Override
  public Object toData() {
    return data;
  }
}
