package madjep.sim.raft;

import java.util.Arrays;
import madjep.sim.workload.ClientOp;

/** Raft's log in memory: entries 1..last, each a term and an op (null for a leader's no-op). */
final class RaftLog {
  private long[] terms = new long[1024];
  private ClientOp[] ops = new ClientOp[1024];
  private int last;

  long last() {
    return last;
  }

  long term(long index) {
    return index <= 0 || index > last ? 0 : terms[(int) index];
  }

  ClientOp op(long index) {
    return ops[(int) index];
  }

  long lastTerm() {
    return term(last);
  }

  void append(long term, ClientOp op) {
    if (last + 1 == terms.length) {
      terms = Arrays.copyOf(terms, terms.length * 2);
      ops = Arrays.copyOf(ops, ops.length * 2);
    }
    last++;
    terms[last] = term;
    ops[last] = op;
  }

  /** Removes entries {@code index} and later. */
  void truncateFrom(long index) {
    if (index <= last) {
      Arrays.fill(ops, (int) index, last + 1, null);
      last = (int) index - 1;
    }
  }

  /** The first index holding {@code term}'s entries, searching back from {@code from}. */
  long firstOfTerm(long from) {
    long t = term(from);
    long i = from;
    while (i > 1 && term(i - 1) == t) {
      i--;
    }
    return i;
  }
}
