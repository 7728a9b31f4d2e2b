package madjep.txn.append;

import madjep.history.txn.TxnHistory;
import madjep.txn.graph.KeyValueMap;

/**
 * Numbers the distinct (key, value) pairs of a list-append history 0, 1, 2, ... so that facts about a version (who
 * appended it, where it sits in the version order, who read it last) live in flat arrays. Jepsen's generators append
 * small integers per key, so each key gets a direct table indexed by value when its values are dense enough; other
 * pairs go through a hash map.
 */
final class ValueSlots {
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
  ValueSlots(TxnHistory h) {
    int keys = h.keyCount();
    int[] appends = new int[keys];
    long[] max = new long[keys];
    for (int m = 0; m < h.mopCount(); m++) {
      if (h.mopF(m) == TxnHistory.APPEND) {
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
  int get(int k, long v) {
    if (v >= 0 && v < span[k]) {
      return table[base[k] + (int) v];
    }
    return sparse == null ? -1 : sparse.get(k, v);
  }

  /** The slot of (k, v), numbering it when new; {@code isNew[0]} says which. */
  int add(int k, long v, boolean[] isNew) {
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

  /** The number of append micro-ops in the history. */
  int appends() {
    return appends;
  }

  int count() {
    return count;
  }
}
