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
  public Result early;

  public Analysis(int size) {
    this.edges = new Digraph.Builder(size);
  }

  /** Records evidence of one anomaly type. */
  public void add(String type, List<Anomaly> cases) {
    if (!cases.isEmpty()) {
      anomalies.computeIfAbsent(type, k -> new java.util.ArrayList<>()).addAll(cases);
    }
  }

  /** Explains a data dependency edge a -> b of a given label ({@link madjep.txn.graph.Rels}). */
  public interface Explainer {
    Step explain(int a, int b, int label);
  }
}
