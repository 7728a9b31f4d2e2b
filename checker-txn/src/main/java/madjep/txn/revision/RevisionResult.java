package madjep.txn.revision;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import madjep.history.Verdict;
import madjep.history.edn.EdnVector;
import madjep.history.edn.Keyword;

/**
 * What the revision check found.
 *
 * @param valid strict serializability of the revisions: valid, invalid, or unknown when the history has none
 * @param serializable the same without real-time order
 * @param txns committed transactions read
 * @param revisions transactions whose revision is known (reported or read)
 * @param anomalies what breaks the rules, at most {@value RevisionChecker#MAX_PER_TYPE} of each type, in history
 *     order
 * @param counts how many anomalies of each type there were, by type
 */
public record RevisionResult(
    Verdict valid,
    Verdict serializable,
    int txns,
    int revisions,
    List<Anomaly> anomalies,
    Map<String, Integer> counts) {

  /**
   * One broken rule. Types: {@code revision-disagreement} (a write reported one revision and a read of its version
   * another, or two reads disagreed: two nodes numbered the same write differently), {@code duplicate-revision}
   * (two writes share a revision), {@code revision-order} (a later version of a key has a revision no higher than an
   * earlier one), {@code realtime-revision-order} (a write that began after another ended has no higher revision).
   *
   * @param type the rule broken
   * @param explanation one sentence naming the ops (by index), keys, revisions and nodes
   * @param ops the indices of the ops involved, in the history
   */
  public record Anomaly(String type, String explanation, List<Long> ops) {}

  public RevisionResult {
    anomalies = List.copyOf(anomalies);
    counts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(counts));
  }

  /** The types found, in the order of the rules. */
  public List<String> anomalyTypes() {
    return new ArrayList<>(counts.keySet());
  }

  /** EDN data for results files: {@code :valid?}, {@code :serializable?}, counts, and each anomaly explained. */
  public Map<Keyword, Object> toData() {
    Map<Keyword, Object> m = new LinkedHashMap<>();
    m.put(Keyword.of("valid?"), valid.toData());
    m.put(Keyword.of("serializable?"), serializable.toData());
    m.put(Keyword.of("txns"), (long) txns);
    m.put(Keyword.of("revisions"), (long) revisions);
    if (!counts.isEmpty()) {
      List<Object> types = new ArrayList<>();
      Map<Object, Object> byType = new LinkedHashMap<>();
      for (Map.Entry<String, Integer> e : counts.entrySet()) {
        types.add(Keyword.of(e.getKey()));
        List<Object> items = new ArrayList<>();
        for (Anomaly a : anomalies) {
          if (a.type().equals(e.getKey())) {
            Map<Object, Object> x = new LinkedHashMap<>();
            x.put(Keyword.of("explanation"), a.explanation());
            x.put(Keyword.of("ops"), EdnVector.copyOf(new ArrayList<>(a.ops())));
            items.add(x);
          }
        }
        byType.put(Keyword.of(e.getKey()), EdnVector.copyOf(items));
      }
      m.put(Keyword.of("anomaly-types"), EdnVector.copyOf(types));
      m.put(Keyword.of("anomalies"), byType);
      Map<Object, Object> cs = new LinkedHashMap<>();
      counts.forEach((k, v) -> cs.put(Keyword.of(k), (long) v));
      m.put(Keyword.of("counts"), cs);
    }
    return m;
  }
}
