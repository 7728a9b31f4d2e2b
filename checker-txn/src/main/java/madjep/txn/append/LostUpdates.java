package madjep.txn.append;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import madjep.history.edn.EdnVector;
import madjep.history.edn.Keyword;
import madjep.history.txn.TxnHistory;
import madjep.txn.Anomaly;
import madjep.txn.CaseAnomaly;

/**
 * Lost updates, found by a linear scan as Elle does: two or more :ok transactions whose first read of a key saw the
 * same value, and which then wrote (or appended to) that key.
 */
public final class LostUpdates {
  private LostUpdates() {}

  /** Lost-update cases, by key then first transaction; {@code writeF} is the writing micro-op function. */
  public static List<Anomaly> find(TxnHistory h, byte writeF) {
    int keys = h.keyCount();
    int[] readAt = new int[keys];
    int[] readMop = new int[keys];
    int[] wroteAt = new int[keys];
    Arrays.fill(readAt, -1);
    Arrays.fill(wroteAt, -1);
    // Tuples (key, hash of the value read, txn, read mop), packed for a sort.
    long[] keyHash = new long[64];
    int[] txn = new int[64];
    int[] mop = new int[64];
    int count = 0;
    for (int t = 0; t < h.size(); t++) {
      if (!h.isOk(t)) {
        continue;
      }
      for (int m = h.mopStart(t); m < h.mopStart(t + 1); m++) {
        int k = h.mopKey(m);
        byte f = h.mopF(m);
        if (f == TxnHistory.READ) {
          if (readAt[k] != t) {
            readAt[k] = t;
            readMop[k] = m;
          }
        } else if (f == writeF && wroteAt[k] != t) {
          wroteAt[k] = t;
          if (readAt[k] == t) {
            if (count == txn.length) {
              keyHash = Arrays.copyOf(keyHash, count * 2);
              txn = Arrays.copyOf(txn, count * 2);
              mop = Arrays.copyOf(mop, count * 2);
            }
            keyHash[count] = ((long) k << 32) | (hash(h, readMop[k]) & 0xFFFFFFFFL);
            txn[count] = t;
            mop[count] = readMop[k];
            count++;
          }
        }
      }
    }
    int[] idx = new int[count];
    for (int i = 0; i < count; i++) {
      idx[i] = i;
    }
    final long[] kh = keyHash;
    final int[] tx = txn;
    it.unimi.dsi.fastutil.ints.IntArrays.quickSort(idx, 0, count,
        (a, b) -> kh[a] != kh[b] ? Long.compare(kh[a], kh[b]) : Integer.compare(tx[a], tx[b]));
    List<Anomaly> out = new ArrayList<>();
    int i = 0;
    while (i < count) {
      int j = i;
      while (j < count && kh[idx[j]] == kh[idx[i]]) {
        j++;
      }
      if (j - i >= 2) {
        // Equal hashes: split by actual value, keeping transaction order within each group.
        boolean[] used = new boolean[j - i];
        for (int a = i; a < j; a++) {
          if (used[a - i]) {
            continue;
          }
          List<Object> group = new ArrayList<>();
          for (int b = a; b < j; b++) {
            if (!used[b - i] && sameValue(h, mop[idx[a]], mop[idx[b]])) {
              used[b - i] = true;
              group.add(h.opData(tx[idx[b]]));
            }
          }
          if (group.size() >= 2) {
            LinkedHashMap<Keyword, Object> c = new LinkedHashMap<>();
            c.put(ListAppend.KEY, h.key(h.mopKey(mop[idx[a]])));
            c.put(ListAppend.VALUE, h.mopValueData(mop[idx[a]]));
            c.put(ListAppend.TXNS, EdnVector.copyOf(group));
            out.add(new CaseAnomaly("lost-update", c));
          }
        }
      }
      i = j;
    }
    return out;
  }

  private static int hash(TxnHistory h, int m) {
    if (h.listStart(m) < 0) {
      long v = h.mopValue(m);
      return Long.hashCode(v) * 31 + 7;
    }
    int r = 1;
    for (int i = 0; i < h.listLength(m); i++) {
      r = r * 31 + Long.hashCode(h.pool(h.listStart(m) + i));
    }
    return r;
  }

  private static boolean sameValue(TxnHistory h, int a, int b) {
    if ((h.listStart(a) < 0) != (h.listStart(b) < 0)) {
      return false;
    }
    if (h.listStart(a) < 0) {
      return h.mopValue(a) == h.mopValue(b);
    }
    if (h.listLength(a) != h.listLength(b)) {
      return false;
    }
    for (int i = 0; i < h.listLength(a); i++) {
      if (h.pool(h.listStart(a) + i) != h.pool(h.listStart(b) + i)) {
        return false;
      }
    }
    return true;
  }
}
