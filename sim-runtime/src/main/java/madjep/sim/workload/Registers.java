package madjep.sim.workload;

import it.unimi.dsi.fastutil.longs.Long2ObjectOpenHashMap;
import java.util.Arrays;
import java.util.Map;

/**
 * The registers of an {@link OpMachine}: long keys to values, where nil is a value a key can hold (a key written
 * nil is present). Keys {@code 0 .. DENSE_LIMIT-1}, the ones workloads draw, live in an array indexed by key;
 * others in a hash map. A replica restores its whole state at every restart and snapshots it at every compaction,
 * so the state's copy, sorted order and lookups are the simulated system's hot path: hashing every key cost a fifth
 * of a simulated hour with crashes (benchmarks/RESULTS.md, "The simulated hour, phase by phase").
 */
final class Registers {
  /** Keys below this (and not negative) are array slots: at most 4 MB of references per machine. */
  static final int DENSE_LIMIT = 1 << 20;
  /** A slot holding nil, told apart from an empty slot. */
  private static final Object NIL = new Object();

  private Object[] dense = new Object[64];
  private final Long2ObjectOpenHashMap<Object> sparse = new Long2ObjectOpenHashMap<>();
  private int denseCount;

  private static boolean isDense(long k) {
    return k >= 0 && k < DENSE_LIMIT;
  }

  /** The value of {@code k}; null when absent or nil. */
  Object get(long k) {
    if (isDense(k)) {
      if (k >= dense.length) {
        return null;
      }
      Object v = dense[(int) k];
      return v == NIL ? null : v;
    }
    return sparse.get(k);
  }

  void put(long k, Object v) {
    if (isDense(k)) {
      int i = (int) k;
      if (i >= dense.length) {
        dense = Arrays.copyOf(dense, (int) Math.min(DENSE_LIMIT, Math.max(i + 1L, 2L * dense.length)));
      }
      if (dense[i] == null) {
        denseCount++;
      }
      dense[i] = v == null ? NIL : v;
    } else {
      sparse.put(k, v);
    }
  }

  /** How many keys are present. */
  int size() {
    return denseCount + sparse.size();
  }

  /** Every present key and its value, sorted by key, as an immutable map (the snapshot's first part). */
  Map<Object, Object> snapshot() {
    int n = size();
    long[] keys = new long[n];
    Object[] values = new Object[n];
    long[] far = sparse.keySet().toLongArray();
    Arrays.sort(far);
    int at = 0;
    int f = 0;
    for (; f < far.length && far[f] < 0; f++, at++) {
      keys[at] = far[f];
      values[at] = sparse.get(far[f]);
    }
    Object[] d = dense;
    for (int i = 0; i < d.length; i++) {
      Object v = d[i];
      if (v != null) {
        keys[at] = i;
        values[at] = v == NIL ? null : v;
        at++;
      }
    }
    for (; f < far.length; f++, at++) {
      keys[at] = far[f];
      values[at] = sparse.get(far[f]);
    }
    return new Sorted(keys, values);
  }

  /** Replaces every register with the entries of {@code m} (a {@link #snapshot()}, or a map of Long keys). */
  void restore(Map<?, ?> m) {
    sparse.clear();
    denseCount = 0;
    if (m instanceof LongKeyedMap s) {
      // By position, with the dense part sized once for its largest key and a quarter more (workloads go on to new
      // keys, and an array of exactly that size doubled at the first): no boxed key, entry or regrowth per register.
      int n = s.size();
      long max = -1;
      for (int i = 0; i < n; i++) {
        long k = s.keyAt(i);
        if (isDense(k) && k > max) {
          max = k;
        }
      }
      dense = new Object[(int) Math.min(DENSE_LIMIT, Math.max(64, max + 1 + max / 4))];
      for (int i = 0; i < n; i++) {
        put(s.keyAt(i), s.valueAt(i));
      }
      return;
    }
    dense = new Object[64];
    for (Map.Entry<?, ?> e : m.entrySet()) {
      put(((Long) e.getKey()).longValue(), e.getValue());
    }
  }

  /**
   * An immutable map of sorted long keys, array-backed: built without hashing, iterated in key order (so equal
   * states encode to equal bytes), looked up by binary search.
   */
  static final class Sorted extends ArrayLongKeyedMap {
    Sorted(long[] keys, Object[] values) {
      super(keys, values);
    }

    @Override
    protected int indexOf(Object key) {
      return key instanceof Long l ? Arrays.binarySearch(keys, l) : -1;
    }
  }
}
