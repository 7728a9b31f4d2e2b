package madjep.linear;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The bytes that the searches of one check may spend on their caches, shared by the partitions searched in
 * parallel. A cache reserves before it grows; a refused reservation ends that search with an unknown verdict.
 */
final class MemoryBudget {
  private final AtomicLong left;

  MemoryBudget(long bytes) {
    this.left = new AtomicLong(bytes);
  }

  /** Takes {@code bytes} from the budget; false (and nothing taken) when that would overdraw it. */
  boolean reserve(long bytes) {
    while (true) {
      long l = left.get();
      if (l < bytes) {
        return false;
      }
      if (left.compareAndSet(l, l - bytes)) {
        return true;
      }
    }
  }

  /** Returns bytes that a finished search no longer holds. */
  void release(long bytes) {
    left.addAndGet(bytes);
  }
}
