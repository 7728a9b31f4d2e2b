package madjep.txn.graph;

import madjep.history.txn.TxnHistory;

/**
 * Numbers the distinct (key, value) pairs of a transactional history 0, 1, 2, ... so that facts about a version (who
 * wrote it, where it sits in the version order, who read it last) live in flat arrays. Jepsen's generators write
 * small integers per key, so each key gets a direct table indexed by value when its values are dense enough; other
 * pairs go through a hash map.
 */
public final class ValueSlots {
  /** A key's direct table may be at most this many times larger than its number of appends, plus a constant. */
  static final int DENSITY = 4;
  static final int SLACK = 16;

  private final int[] base;
  private final int[] span;
  private final int[] table;
  private KeyValueMap sparse;
  private int count;
  private int appends;

  /** Sizes the direct tables from the appends of every transaction. */
  public ValueSlots(TxnHistory h) {
    this(h, TxnHistory.APPEND);
  }

  /** Sizes the direct tables from the micro-ops of function {@code f} (appends or writes) of every transaction. */
  public ValueSlots(TxnHistory h, byte f) {
    int keys = h.keyCount();
    int[] appends = new int[keys];
    long[] max = new long[keys];
    for (int m = 0; m < h.mopCount(); m++) {
      if (h.mopF(m) == f) {
        int k = h.mopKey(m);
        appends[k]++;
        max[k] = Math.max(max[k], h.mopValue(m));
      }
    }
    for (int a : appends) {
      this.appends += a;
    }
    base = new int[keys];
    span = new int[keys];
    long total = 0;
    for (int k = 0; k < keys; k++) {
      long limit = (long) DENSITY * appends[k] + SLACK;
      span[k] = appends[k] == 0 || h.valuesInterned() ? 0 : (int) Math.min(max[k] + 1, limit);
      base[k] = (int) total;
      total += span[k];
    }
    table = new int[(int) total];
    java.util.Arrays.fill(table, -1);
  }

  /** The slot of (k, v), or -1. */
  public int get(int k, long v) {
    if (v >= 0 && v < span[k]) {
      return table[base[k] + (int) v];
    }
    return sparse == null ? -1 : sparse.get(k, v);
  }

  /** The slot of (k, v), numbering it when new; {@code isNew[0]} says which. */
  public int add(int k, long v, boolean[] isNew) {
    int s = get(k, v);
    isNew[0] = s < 0;
    if (s >= 0) {
      return s;
    }
    s = count++;
    if (v >= 0 && v < span[k]) {
      table[base[k] + (int) v] = s;
    } else {
      if (sparse == null) {
        sparse = new KeyValueMap(64);
      }
      sparse.put(k, v, s);
    }
    return s;
  }

  /** The number of micro-ops of the function the tables were sized for. */
  public int appends() {
    return appends;
  }

  /** The number of slots given out. */
  public int count() {
    return count;
  }
}
