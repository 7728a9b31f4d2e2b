package madjep.sim;

import java.util.Arrays;

/**
 * The simulation's agenda: events ordered by virtual time, ties broken by the order they were scheduled (a global
 * sequence number), so that the order never depends on anything but the seed. A binary heap of slot numbers over
 * flat arrays: no object per event besides its payload.
 */
final class EventQueue {
  private long[] time = new long[1024];
  private long[] seq = new long[1024];
  private int[] kind = new int[1024];
  private int[] a = new int[1024];
  private int[] b = new int[1024];
  private Object[] payload = new Object[1024];
  private int[] heap = new int[1024];
  private int[] free = new int[1024];
  private int freeCount;
  private int slots;
  private int size;
  private long nextSeq;

  // The event just taken by poll(): read with the accessors below until the next poll.
  private long polledTime;
  private int polledKind;
  private int polledA;
  private int polledB;
  private Object polledPayload;

  int size() {
    return size;
  }

  boolean isEmpty() {
    return size == 0;
  }

  /** The time of the earliest event; only when not empty. */
  long peekTime() {
    return time[heap[0]];
  }

  void add(long t, int k, int x, int y, Object p) {
    int s;
    if (freeCount > 0) {
      s = free[--freeCount];
    } else {
      if (slots == time.length) {
        grow();
      }
      s = slots++;
    }
    time[s] = t;
    seq[s] = nextSeq++;
    kind[s] = k;
    a[s] = x;
    b[s] = y;
    payload[s] = p;
    if (size == heap.length) {
      heap = Arrays.copyOf(heap, size * 2);
    }
    siftUp(size++, s);
  }

  /** Takes the earliest event; its fields are then available through {@link #polledTime()} and the others. */
  void poll() {
    int s = heap[0];
    polledTime = time[s];
    polledKind = kind[s];
    polledA = a[s];
    polledB = b[s];
    polledPayload = payload[s];
    payload[s] = null;
    if (freeCount == free.length) {
      free = Arrays.copyOf(free, freeCount * 2);
    }
    free[freeCount++] = s;
    int last = heap[--size];
    if (size > 0) {
      siftDown(0, last);
    }
  }

  long polledTime() {
    return polledTime;
  }

  int polledKind() {
    return polledKind;
  }

  int polledA() {
    return polledA;
  }

  int polledB() {
    return polledB;
  }

  Object polledPayload() {
    return polledPayload;
  }

  private boolean less(int s, int t) {
    return time[s] < time[t] || (time[s] == time[t] && seq[s] < seq[t]);
  }

  private void siftUp(int pos, int s) {
    while (pos > 0) {
      int parent = (pos - 1) >>> 1;
      int p = heap[parent];
      if (!less(s, p)) {
        break;
      }
      heap[pos] = p;
      pos = parent;
    }
    heap[pos] = s;
  }

  private void siftDown(int pos, int s) {
    int half = size >>> 1;
    while (pos < half) {
      int child = 2 * pos + 1;
      int c = heap[child];
      int right = child + 1;
      if (right < size && less(heap[right], c)) {
        child = right;
        c = heap[child];
      }
      if (!less(c, s)) {
        break;
      }
      heap[pos] = c;
      pos = child;
    }
    heap[pos] = s;
  }

  private void grow() {
    int n = time.length * 2;
    time = Arrays.copyOf(time, n);
    seq = Arrays.copyOf(seq, n);
    kind = Arrays.copyOf(kind, n);
    a = Arrays.copyOf(a, n);
    b = Arrays.copyOf(b, n);
    payload = Arrays.copyOf(payload, n);
  }
}
