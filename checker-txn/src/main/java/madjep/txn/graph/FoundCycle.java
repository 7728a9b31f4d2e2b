package madjep.txn.graph;

/**
 * A cycle found in a dependency graph: vertices {@code v[0] -> v[1] -> ... -> v[k-1] -> v[0]}, and the relationship
 * used for each step ({@code labels[i]} labels {@code v[i] -> v[(i + 1) % k]}), classified as Elle classifies it.
 */
public record FoundCycle(String type, int[] vertices, int[] labels) {
  /** Elle's classification of a cycle from the relationships of its steps. */
  public static String classify(int[] labels) {
    int k = labels.length;
    int rw = 0;
    int wr = 0;
    int ww = 0;
    boolean realtime = false;
    boolean process = false;
    boolean adjacent = false;
    for (int i = 0; i < k; i++) {
      int l = labels[i];
      rw += l == Rels.RW ? 1 : 0;
      wr += l == Rels.WR ? 1 : 0;
      ww += l == Rels.WW ? 1 : 0;
      realtime |= l == Rels.REALTIME;
      process |= l == Rels.PROCESS;
      if (l == Rels.RW && labels[(i + k - 1) % k] == Rels.RW) {
        adjacent = true;
      }
    }
    String base;
    if (rw == 1) {
      base = "G-single-item";
    } else if (rw > 1) {
      base = adjacent ? "G2-item" : "G-nonadjacent-item";
    } else if (wr > 0) {
      base = "G1c";
    } else if (ww > 0) {
      base = "G0";
    } else {
      return null;
    }
    return realtime ? base + "-realtime" : process ? base + "-process" : base;
  }
}
