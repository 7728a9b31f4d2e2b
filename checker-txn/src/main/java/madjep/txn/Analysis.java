package madjep.txn;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

  /** Records evidence of one anomaly type. */
  public synchronized void add(String type, List<Anomaly> cases) {
    if (!cases.isEmpty()) {
      anomalies.computeIfAbsent(type, k -> new java.util.ArrayList<>()).addAll(cases);
    }
  }

  /** Explains a data dependency edge a -> b of a given label ({@link madjep.txn.graph.Rels}). */
  public interface Explainer {
    Step explain(int a, int b, int label);
  }
}
