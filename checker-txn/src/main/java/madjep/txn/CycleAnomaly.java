package madjep.txn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import madjep.history.edn.EdnVector;
import madjep.history.edn.Keyword;

/**
 * A dependency cycle: transactions T1 .. Tk (completion ops), and for each Ti the step explaining why it precedes
 * T(i+1), the last step closing the cycle back to T1.
 */
public record CycleAnomaly(String type, List<Map<Keyword, Object>> txns, List<Step> steps) implements Anomaly {
  private static final Keyword CYCLE = Keyword.of("cycle");
  private static final Keyword STEPS = Keyword.of("steps");
  private static final Keyword TYPE = Keyword.of("type");

  /** {@code {:cycle [T1 .. Tk T1], :steps [...], :type :G-single-item}}. */
  @Override
  public Object toData() {
    List<Object> cycle = new ArrayList<>(txns);
    cycle.add(txns.get(0));
    List<Object> s = new ArrayList<>();
    for (Step step : steps) {
      s.add(step.toData());
    }
    LinkedHashMap<Keyword, Object> m = new LinkedHashMap<>();
    m.put(CYCLE, EdnVector.copyOf(cycle));
    m.put(STEPS, EdnVector.copyOf(s));
    m.put(TYPE, Keyword.of(type));
    return m;
  }

  /** The explanation as prose, step by step, naming the transactions T1, T2, ... */
  public List<String> explanation() {
    List<String> lines = new ArrayList<>();
    int k = txns.size();
    for (int i = 0; i < k; i++) {
      String a = "T" + (i + 1);
      String b = "T" + ((i + 1) % k + 1);
      String why = steps.get(i).explain(a, b);
      lines.add(i == k - 1
          ? "However, " + a + " < " + b + ", because " + why + ": a contradiction!"
          : a + " < " + b + ", because " + why + ".");
    }
    return lines;
  }
}
