package madjep.txn;

import java.util.Arrays;
import madjep.history.txn.TxnHistory;
import madjep.txn.graph.Digraph;
import madjep.txn.graph.Rels;

/** Process-order and real-time edges between transactions, as Elle builds them. */
final class OrderEdges {
  private OrderEdges() {}

  /** Each process's :ok transaction to its next :ok transaction. */
  static void process(TxnHistory h, Digraph.Builder b) {
    it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap last = new it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap();
    last.defaultReturnValue(-1);
    for (int t = 0; t < h.size(); t++) {
      int p = h.process(t);
      if (!h.isOk(t) || p < 0) {
        continue;
      }
      int prev = last.put(p, t);
      if (prev >= 0) {
        b.add(prev, t, Rels.PROCESS);
      }
    }
  }

  /**
   * a -> b when :ok transaction a completed before b was invoked, as a transitive reduction: a buffer holds the :ok
   * completions not yet known to precede another buffered one; each invocation links the whole buffer to its
   * completion; each :ok completion evicts the buffer entries that were linked to it and joins the buffer.
   */
  static void realtime(TxnHistory h, Digraph.Builder b) {
    int n = h.size();
    int[] buffer = new int[64];
    long[] joined = new long[64];
    int size = 0;
    long clock = 0;
    // The buffer entries linked at a transaction's invocation are those that joined before it and remain.
    long[] invokedAt = new long[n];
    for (int e = 0; e < h.eventCount(); e++) {
      int ev = h.event(e);
      int t = ev >> 1;
      if ((ev & 1) != 0) {
        invokedAt[t] = clock;
        if (!h.isFail(t)) {
          for (int i = 0; i < size; i++) {
            b.add(buffer[i], t, Rels.REALTIME);
          }
        }
        continue;
      }
      if (!h.isOk(t)) {
        continue;
      }
      if (h.invokeIndex(t) >= 0) {
        int w = 0;
        for (int i = 0; i < size; i++) {
          if (joined[i] >= invokedAt[t]) {
            buffer[w] = buffer[i];
            joined[w] = joined[i];
            w++;
          }
        }
        size = w;
      }
      if (size == buffer.length) {
        buffer = Arrays.copyOf(buffer, size * 2);
        joined = Arrays.copyOf(joined, size * 2);
      }
      buffer[size] = t;
      joined[size] = clock++;
      size++;
    }
  }
}
