package madjep.txn;

import madjep.history.txn.TxnHistory;
import madjep.txn.graph.Digraph;

/** Process and real-time orders between transactions, for analyses that derive version orders from them. */
public final class TxnOrder {
  private TxnOrder() {}

  /** Adds Elle's real-time edges (a transitive reduction) to {@code b}. */
  public static void realtime(TxnHistory h, Digraph.Builder b) {
    OrderEdges.realtime(h, b);
  }

  /** Adds each process's :ok-to-next-:ok edges to {@code b}. */
  public static void process(TxnHistory h, Digraph.Builder b) {
    OrderEdges.process(h, b);
  }
}
