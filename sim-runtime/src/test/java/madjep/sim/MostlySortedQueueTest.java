package madjep.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.PriorityQueue;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The queue against a {@link PriorityQueue} on the same adds and takes: the same items in the same order. */
class MostlySortedQueueTest {
  /** A deadline and a request id, ordered as a node's pending requests are. */
  private record Item(long deadline, long id) implements Comparable<Item> {
    @Override
    public int compareTo(Item o) {
      return deadline != o.deadline ? Long.compare(deadline, o.deadline) : Long.compare(id, o.id);
    }
  }

  /** {@code outOfOrder}: in how many of 100 adds the timeout is shorter than usual (so before items already queued). */
  @ParameterizedTest
  @ValueSource(ints = {0, 1, 10, 50, 100})
  void sameOrderAsAPriorityQueue(int outOfOrder) {
    for (int seed = 0; seed < 200; seed++) {
      SplittableRandom r = new SplittableRandom(seed);
      MostlySortedQueue<Item> q = new MostlySortedQueue<>();
      PriorityQueue<Item> ref = new PriorityQueue<>();
      long now = 0;
      long id = 0;
      for (int step = 0; step < 3_000; step++) {
        int what = r.nextInt(10);
        if (what < 5) {
          // Ties on deadlines are common (a coarse clock), so the id must break them.
          long timeout = r.nextInt(100) < outOfOrder ? r.nextInt(0, 1_000) : 1_000;
          Item it = new Item(now + timeout, id++);
          q.add(it);
          ref.add(it);
        } else if (what < 8) {
          assertEquals(ref.poll(), q.poll(), "seed " + seed + ", step " + step);
        } else {
          now += r.nextInt(0, 300);
        }
        assertEquals(ref.peek(), q.peek(), "seed " + seed + ", step " + step);
        assertEquals(ref.size(), q.size());
        assertEquals(ref.isEmpty(), q.isEmpty());
      }
      while (!ref.isEmpty()) {
        assertEquals(ref.poll(), q.poll());
      }
      assertTrue(q.isEmpty());
      assertNull(q.poll());
    }
  }
}
