package madjep.sim;

import java.util.Arrays;

/**
 * Events that reached a busy node and wait for it, in arrival order: a ring of (kind, sender, payload) over flat
 * arrays. Messages count against the node's inbox limit; timers always wait.
 */
final class Inbox {
  private int[] kind = new int[16];
  private int[] from = new int[16];
  private Object[] payload = new Object[16];
  private int first;
  private int size;
  private int messages;

  int size() {
    return size;
  }

  /** Messages waiting (timers not counted). */
  int messages() {
    return messages;
  }

  boolean isEmpty() {
    return size == 0;
  }

  void add(int k, int f, Object p) {
    if (size == kind.length) {
      grow();
    }
    int i = (first + size) & (kind.length - 1);
    kind[i] = k;
    from[i] = f;
    payload[i] = p;
    size++;
    if (k == Simulation.DELIVER) {
      messages++;
    }
  }

  int peekKind() {
    return kind[first];
  }

  int peekFrom() {
    return from[first];
  }

  /** Removes the first event and returns its payload (read its kind and sender first). */
  Object poll() {
    Object p = payload[first];
    payload[first] = null;
    if (kind[first] == Simulation.DELIVER) {
      messages--;
    }
    first = (first + 1) & (kind.length - 1);
    size--;
    return p;
  }

  void clear() {
    Arrays.fill(payload, null);
    first = 0;
    size = 0;
    messages = 0;
  }

  private void grow() {
    int n = kind.length * 2;
    int[] k = new int[n];
    int[] f = new int[n];
    Object[] p = new Object[n];
    for (int i = 0; i < size; i++) {
      int j = (first + i) & (kind.length - 1);
      k[i] = kind[j];
      f[i] = from[j];
      p[i] = payload[j];
    }
    kind = k;
    from = f;
    payload = p;
    first = 0;
  }
}
