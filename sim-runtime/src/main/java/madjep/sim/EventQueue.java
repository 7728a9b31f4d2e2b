package madjep.sim;

import java.util.Arrays;

/**
 * The simulation's agenda: events ordered by virtual time, ties broken by the order they were scheduled (a global
 * sequence number), so that the order never depends on anything but the seed. A binary heap of slot numbers over
 * flat arrays: no object per event besides its payload.
 */
final class EventQueue {
  private int[] kind = new int[1024];
  private int[] a = new int[1024];
  private int[] b = new int[1024];
  private Object[] payload = new Object[1024];
  /** Heap positions hold their event's time and sequence number inline, so sifting never chases a slot. */
  private int[] heap = new int[1024];
  private long[] heapTime = new long[1024];
  private long[] heapSeq = new long[1024];
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
    return heapTime[0];
  }

  void add(long t, int k, int x, int y, Object p) {
    int s;
    if (freeCount > 0) {
      s = free[--freeCount];
    } else {
      if (slots == kind.length) {
        grow();
      }
      s = slots++;
    }
    kind[s] = k;
    a[s] = x;
    b[s] = y;
    payload[s] = p;
    if (size == heap.length) {
      heap = Arrays.copyOf(heap, size * 2);
      heapTime = Arrays.copyOf(heapTime, size * 2);
      heapSeq = Arrays.copyOf(heapSeq, size * 2);
    }
    siftUp(size++, s, t, nextSeq++);
  }

  /** Takes the earliest event; its fields are then available through {@link #polledTime()} and the others. */
  void poll() {
    int s = heap[0];
    polledTime = heapTime[0];
    polledKind = kind[s];
    polledA = a[s];
    polledB = b[s];
    polledPayload = payload[s];
    payload[s] = null;
    if (freeCount == free.length) {
      free = Arrays.copyOf(free, freeCount * 2);
    }
    free[freeCount++] = s;
    --size;
    if (size > 0) {
      siftDown(0, heap[size], heapTime[size], heapSeq[size]);
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

  private void siftUp(int pos, int s, long t, long q) {
    while (pos > 0) {
      int parent = (pos - 1) >>> 1;
      long pt = heapTime[parent];
      if (pt < t || (pt == t && heapSeq[parent] < q)) {
        break;
      }
      heap[pos] = heap[parent];
      heapTime[pos] = pt;
      heapSeq[pos] = heapSeq[parent];
      pos = parent;
    }
    heap[pos] = s;
    heapTime[pos] = t;
    heapSeq[pos] = q;
  }

  private void siftDown(int pos, int s, long t, long q) {
    int half = size >>> 1;
    while (pos < half) {
      int child = 2 * pos + 1;
      long ct = heapTime[child];
      long cq = heapSeq[child];
      int right = child + 1;
      if (right < size) {
        long rt = heapTime[right];
        if (rt < ct || (rt == ct && heapSeq[right] < cq)) {
          child = right;
          ct = rt;
          cq = heapSeq[right];
        }
      }
      if (t < ct || (t == ct && q < cq)) {
        break;
      }
      heap[pos] = heap[child];
      heapTime[pos] = ct;
      heapSeq[pos] = cq;
      pos = child;
    }
    heap[pos] = s;
    heapTime[pos] = t;
    heapSeq[pos] = q;
  }

  private void grow() {
    int n = kind.length * 2;
    kind = Arrays.copyOf(kind, n);
    a = Arrays.copyOf(a, n);
    b = Arrays.copyOf(b, n);
    payload = Arrays.copyOf(payload, n);
  }
}
