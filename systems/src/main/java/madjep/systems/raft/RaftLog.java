package madjep.systems.raft;

import java.util.Arrays;
import madjep.sim.workload.ClientOp;

/**
 * Raft's log in memory: entries after the last snapshot ({@code snapshotIndex + 1 .. last}), each a term and an op
 * (null for a leader's no-op), and the entry's record as written to disk when this node has it (null for an entry read
 * back at recovery): a leader sends it along, so that followers write the same bytes without encoding them again.
 * Entries up to {@code snapshotIndex} live only in the snapshot; the term of that last one is kept for the consistency
 * check.
 */
final class RaftLog {
  private long[] terms = new long[1024];
  private ClientOp[] ops = new ClientOp[1024];
  private byte[][] records = new byte[1024][];
  private int count;
  private long snapshotIndex;
  private long snapshotTerm;

  long last() {
    return snapshotIndex + count;
  }

  long snapshotIndex() {
    return snapshotIndex;
  }

  long snapshotTerm() {
    return snapshotTerm;
  }

  /** The term of entry {@code index}; 0 before the log (or inside the snapshot, but its last) and after it. */
  long term(long index) {
    if (index == snapshotIndex) {
      return snapshotTerm;
    }
    if (index < snapshotIndex || index > last()) {
      return 0;
    }
    return terms[(int) (index - snapshotIndex - 1)];
  }

  ClientOp op(long index) {
    return ops[(int) (index - snapshotIndex - 1)];
  }

  /** Entry {@code index}'s framed record, or null when this node read it back rather than wrote it. */
  byte[] record(long index) {
    return records[(int) (index - snapshotIndex - 1)];
  }

  long lastTerm() {
    return term(last());
  }

  /** Room for {@code n} entries in all, so that reading back a long log does not grow the arrays step by step. */
  void reserve(int n) {
    if (n > terms.length) {
      terms = Arrays.copyOf(terms, n);
      ops = Arrays.copyOf(ops, n);
      records = Arrays.copyOf(records, n);
    }
  }

  void append(long term, ClientOp op, byte[] record) {
    if (count == terms.length) {
      terms = Arrays.copyOf(terms, count * 2);
      ops = Arrays.copyOf(ops, count * 2);
      records = Arrays.copyOf(records, count * 2);
    }
    terms[count] = term;
    ops[count] = op;
    records[count] = record;
    count++;
  }

  /** Removes entries {@code index} and later (never the snapshot's). */
  void truncateFrom(long index) {
    long from = Math.max(index, snapshotIndex + 1);
    if (from <= last()) {
      int k = (int) (from - snapshotIndex - 1);
      Arrays.fill(ops, k, count, null);
      Arrays.fill(records, k, count, null);
      count = k;
    }
  }

  /** Drops entries up to {@code index}, which a snapshot now holds. */
  void compact(long index, long term) {
    int drop = (int) Math.min(count, Math.max(0, index - snapshotIndex));
    System.arraycopy(terms, drop, terms, 0, count - drop);
    System.arraycopy(ops, drop, ops, 0, count - drop);
    System.arraycopy(records, drop, records, 0, count - drop);
    Arrays.fill(ops, count - drop, count, null);
    Arrays.fill(records, count - drop, count, null);
    count -= drop;
    if (index > snapshotIndex + drop) {
      count = 0;
    }
    snapshotIndex = index;
    snapshotTerm = term;
  }

  /** The first index holding {@code term(from)}'s entries, searching back from {@code from}, not into the snapshot. */
  long firstOfTerm(long from) {
    long t = term(from);
    long i = from;
    while (i > snapshotIndex + 1 && term(i - 1) == t) {
      i--;
    }
    return i;
  }
}
