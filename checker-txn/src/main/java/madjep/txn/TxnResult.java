package madjep.txn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import madjep.history.Verdict;
import madjep.history.edn.EdnVector;
import madjep.history.edn.Keyword;

/**
 * Elle's result map as a value.
 *
 * @param valid true when nothing reportable was found; false when a prohibited anomaly was; unknown otherwise
 * @param anomalyTypes the reportable anomaly types found, sorted
 * @param anomalies the evidence of each reportable type, in {@code anomalyTypes} order
 * @param not the weakest consistency models the anomalies rule out (friendly names, sorted)
 * @param alsoNot the other models they rule out
 */
public record TxnResult(
    Verdict valid,
    List<String> anomalyTypes,
    Map<String, List<Anomaly>> anomalies,
    Set<String> not,
    Set<String> alsoNot) {

  private static final Keyword VALID = Keyword.of("valid?");
  private static final Keyword ANOMALY_TYPES = Keyword.of("anomaly-types");
  private static final Keyword ANOMALIES = Keyword.of("anomalies");
  private static final Keyword NOT = Keyword.of("not");
  private static final Keyword ALSO_NOT = Keyword.of("also-not");

  public TxnResult {
    anomalyTypes = List.copyOf(anomalyTypes);
    anomalies = Collections.unmodifiableMap(new LinkedHashMap<>(anomalies));
    not = Collections.unmodifiableSet(new LinkedHashSet<>(not));
    alsoNot = Collections.unmodifiableSet(new LinkedHashSet<>(alsoNot));
  }

  /** True when valid is true. */
  public boolean isValid() {
    return valid == Verdict.VALID;
  }

  /** The number of pieces of evidence of one type (0 when absent). */
  public int count(String type) {
    List<Anomaly> list = anomalies.get(type);
    return list == null ? 0 : list.size();
  }

  /** The result as EDN data: exactly {@code {:valid? true}} when valid, else Elle's full map. */
  public Map<Keyword, Object> toData() {
    LinkedHashMap<Keyword, Object> m = new LinkedHashMap<>();
    m.put(VALID, valid.toData());
    if (valid == Verdict.VALID && anomalyTypes.isEmpty()) {
      return m;
    }
    List<Object> types = new ArrayList<>();
    for (String t : anomalyTypes) {
      types.add(Keyword.of(t));
    }
    m.put(ANOMALY_TYPES, EdnVector.copyOf(types));
    LinkedHashMap<Keyword, Object> as = new LinkedHashMap<>();
    for (Map.Entry<String, List<Anomaly>> e : anomalies.entrySet()) {
      Object data;
      if (e.getValue().size() == 1 && e.getValue().get(0).toData() == Boolean.TRUE) {
        data = Boolean.TRUE;
      } else {
        List<Object> items = new ArrayList<>();
        for (Anomaly a : e.getValue()) {
          items.add(a.toData());
        }
        data = EdnVector.copyOf(items);
      }
      as.put(Keyword.of(e.getKey()), data);
    }
    m.put(ANOMALIES, as);
    m.put(NOT, keywords(not));
    m.put(ALSO_NOT, keywords(alsoNot));
    return m;
  }

  private static Set<Object> keywords(Set<String> names) {
    LinkedHashSet<Object> s = new LinkedHashSet<>();
    for (String n : names) {
      s.add(Keyword.of(n));
    }
    return Collections.unmodifiableSet(s);
  }
}
