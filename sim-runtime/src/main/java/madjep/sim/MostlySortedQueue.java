package madjep.sim;

import java.util.PriorityQueue;

/**
 * A priority queue for items that mostly arrive in order, as a node's request deadlines do (each is the time of asking
 * plus a fixed timeout): those that arrive no earlier than the last one queued wait in a ring, in order, at no cost
 * of sifting; the others (a clock fault changed the timeout's length) wait in a heap beside it. Taking compares the
 * two heads, so items come out in exactly their natural order, as from one {@link PriorityQueue}. Items must be
 * distinct in that order (no two compare equal).
 */
final class MostlySortedQueue<T extends Comparable<T>> {
  private Object[] ring = new Object[16];
  private int head;
  private int size;
  private PriorityQueue<T> early;

  boolean isEmpty() {
    return size == 0 && (early == null || early.isEmpty());
  }

  void add(T item) {
    if (size > 0 && item.compareTo(at(size - 1)) < 0) {
      if (early == null) {
        early = new PriorityQueue<>();
      }
      early.add(item);
      return;
    }
    if (size == ring.length) {
      Object[] bigger = new Object[size * 2];
      for (int i = 0; i < size; i++) {
        bigger[i] = ring[(head + i) & (ring.length - 1)];
      }
      ring = bigger;
      head = 0;
    }
    ring[(head + size) & (ring.length - 1)] = item;
    size++;
  }

  /** The least item, or null when empty. */
  T peek() {
    T inOrder = size > 0 ? at(0) : null;
    T other = early == null ? null : early.peek();
    if (other == null) {
      return inOrder;
    }
    return inOrder == null || other.compareTo(inOrder) < 0 ? other : inOrder;
  }

  /** Takes the least item; null when empty. */
  T poll() {
    T least = peek();
    if (least != null) {
      if (size > 0 && least == at(0)) {
        ring[head] = null;
        head = (head + 1) & (ring.length - 1);
        size--;
      } else {
        early.poll();
      }
    }
    return least;
  }

  int size() {
    return size + (early == null ? 0 : early.size());
  }

  @SuppressWarnings("unchecked")
  private T at(int i) {
    return (T) ring[(head + i) & (ring.length - 1)];
  }
}
