package madjep.txn.graph;

/**
 * An open-addressing hash map from (int key, long value) pairs to ints, without boxing: the hot lookup of "which
 * transaction appended value v to key k" and of version positions. Absent pairs map to -1.
 */
public final class KeyValueMap {
  private int[] keys;
  private long[] values;
  private int[] payload;
  private int mask;
  private int size;

  public KeyValueMap(int expected) {
    int cap = Integer.highestOneBit(Math.max(16, expected * 2) - 1) << 1;
    keys = new int[cap];
    values = new long[cap];
    payload = new int[cap];
    java.util.Arrays.fill(payload, -1);
    mask = cap - 1;
  }

  private static int hash(int k, long v) {
    long h = v * 0x9E3779B97F4A7C15L + k * 0xC2B2AE3D27D4EB4FL;
    h ^= h >>> 29;
    h *= 0xBF58476D1CE4E5B9L;
    return (int) (h ^ (h >>> 32));
  }

  /** The int stored for (k, v), or -1. */
  public int get(int k, long v) {
    int i = hash(k, v) & mask;
    while (true) {
      int p = payload[i];
      if (p == -1) {
        return -1;
      }
      if (keys[i] == k && values[i] == v) {
        return p;
      }
      i = (i + 1) & mask;
    }
  }

  /** Stores p (>= 0) for (k, v), replacing any previous; returns the previous or -1. */
  public int put(int k, long v, int p) {
    if (size * 2 >= mask) {
      grow();
    }
    int i = hash(k, v) & mask;
    while (true) {
      int q = payload[i];
      if (q == -1) {
        keys[i] = k;
        values[i] = v;
        payload[i] = p;
        size++;
        return -1;
      }
      if (keys[i] == k && values[i] == v) {
        payload[i] = p;
        return q;
      }
      i = (i + 1) & mask;
    }
  }

  public int size() {
    return size;
  }

  private void grow() {
    int[] ok = keys;
    long[] ov = values;
    int[] op = payload;
    int cap = (mask + 1) * 2;
    keys = new int[cap];
    values = new long[cap];
    payload = new int[cap];
    java.util.Arrays.fill(payload, -1);
    mask = cap - 1;
    size = 0;
    for (int i = 0; i < op.length; i++) {
      if (op[i] != -1) {
        put(ok[i], ov[i], op[i]);
      }
    }
  }
}
