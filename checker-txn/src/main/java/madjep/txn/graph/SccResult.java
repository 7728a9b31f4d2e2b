package madjep.txn.graph;

import java.util.List;

/**
 * What the search found in one strongly connected component: explained cycles, Elle's "a cycle forbidden by model M
 * exists in this component" cases, and the anomaly type whose search gave up, if any.
 */
public record SccResult(
    int size, List<FoundCycle> cycles, List<CycleExists> cycleExists, String timedOutType, List<String> notFound) {

  /**
   * A component of the model's projected subgraph has a cycle.
   *
   * @param model the canonical model name, as in {@code PL-SI}
   * @param subgraph the projection as Elle writes it, e.g. {@code [:union :ww :wwp]}
   * @param scc the vertices (transaction numbers) of the smallest such component, sorted
   */
  public record CycleExists(String model, Object subgraph, int[] scc) {}
}
