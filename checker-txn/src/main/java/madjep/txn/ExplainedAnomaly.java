package madjep.txn;

import java.util.List;
import java.util.Map;
import madjep.history.edn.Keyword;

/**
 * A violation explained in prose over the transactions it involves, as a cycle is: {@code txns} are T1 .. Tk (their
 * completion ops), {@code explanation} the sentences that name them, {@code data} the evidence as EDN. Used for the
 * weak isolation levels, whose violations are a read that misses a visible write, or a cycle in the order a level's
 * visibility rules force.
 */
public record ExplainedAnomaly(String type, List<Map<Keyword, Object>> txns, Map<Keyword, Object> data,
    List<String> explanation) implements Anomaly {
  public ExplainedAnomaly {
    txns = List.copyOf(txns);
    explanation = List.copyOf(explanation);
  }

  @Override
  public Object toData() {
    return data;
  }
}
