package madjep.txn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import madjep.history.Verdict;
import madjep.history.edn.EdnVector;
import madjep.history.edn.Keyword;
import madjep.history.txn.TxnHistory;
import madjep.txn.graph.Digraph;

/**
 * What a workload's analysis hands the checker: dependency edges (ww, wr, rw) between transactions, the non-cycle
 * anomalies it found, and how to explain an edge. An analysis that cannot go on (micro-ops it does not know) sets
 * {@code early} instead, which is returned as the result.
 */
public final class Analysis {
  public final Digraph.Builder edges;
  public final Map<String, List<Anomaly>> anomalies = new LinkedHashMap<>();
  public Explainer explainer;
  public TxnResult early;
  /** Non-cycle checks that may run on another thread while the graph is searched; they only call {@link #add}. */
  public Runnable deferred;
  /** Reasoning that needs the built graph (rw-register version orders by refutation), or null. */
  public Refiner refiner;

  public Analysis(int size) {
    this.edges = new Digraph.Builder(size);
  }

  /** An analysis whose edge list starts with room for about {@code edges} edges. */
  public Analysis(int size, int edges) {
    this.edges = new Digraph.Builder(size, edges);
  }

  /** The anomalies found, once any deferred checks have finished. */
  public synchronized Map<String, List<Anomaly>> anomalies() {
    return anomalies;
  }

  /** Input a workload cannot judge: an unknown result with one case of {@code type}, its data then type and message. */
  public static TxnResult unknown(String type, String message, Map<Keyword, Object> data) {
    LinkedHashMap<Keyword, Object> m = new LinkedHashMap<>(data);
    m.put(Keyword.of("type"), Keyword.of(type));
    m.put(Keyword.of("message"), message);
    Map<String, List<Anomaly>> as = new LinkedHashMap<>();
    as.put(type, List.of(new CaseAnomaly(type, m)));
    return new TxnResult(Verdict.UNKNOWN, List.of(type), as, java.util.Set.of(), java.util.Set.of());
  }

  /**
   * Elle's answer to micro-ops a workload does not know (list-append: :r and :append; rw-register: :w, and :r of
   * single values): unknown, with up to 8 example transactions; null when there are none.
   */
  public static TxnResult unexpectedMicroOps(TxnHistory h, boolean lists) {
    List<Object> bad = new ArrayList<>();
    for (int t = 0; t < h.size() && bad.size() < 8; t++) {
      for (int m = h.mopStart(t); m < h.mopStart(t + 1); m++) {
        byte f = h.mopF(m);
        boolean known = lists ? f == TxnHistory.READ || f == TxnHistory.APPEND
            : (f == TxnHistory.READ || f == TxnHistory.WRITE) && h.listStart(m) < 0;
        if (!known) {
          bad.add(h.opData(t));
          break;
        }
      }
    }
    return bad.isEmpty() ? null : unknown("unexpected-txn-micro-op-types", lists
        ? "history contained operations other than appends or reads"
        : "history contained operations other than register writes and reads of single values",
        Map.of(Keyword.of("examples"), EdnVector.copyOf(bad)));
  }

  /** Records evidence of one anomaly type. */
  public synchronized void add(String type, List<Anomaly> cases) {
    if (!cases.isEmpty()) {
      anomalies.computeIfAbsent(type, k -> new java.util.ArrayList<>()).addAll(cases);
    }
  }

  /**
   * Runs on the acyclic dependency graph once it is built, with {@code mask} the relationships every one of whose
   * cycles the models prohibit, and adds what it finds.
   */
  public interface Refiner {
    void refine(Digraph g, int mask, Deadline deadline, Analysis into);
  }

  /** Explains a data dependency edge a -> b of a given label ({@link madjep.txn.graph.Rels}). */
  public interface Explainer {
    Step explain(int a, int b, int label);
  }
}
