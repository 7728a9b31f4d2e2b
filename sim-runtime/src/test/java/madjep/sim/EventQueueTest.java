package madjep.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.PriorityQueue;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The agenda against a reference priority queue: earliest time first, ties in the order they were added. */
class EventQueueTest {
  private record Ref(long time, long seq, int kind, int a, int b, Object payload) {}

  @Test
  void randomAddsAndPolls_sameOrderAsTheReference() {
    check(200, false);
  }

  /**
   * Times spread over every bucket (a few nanoseconds to days ahead), and now and then an event before the last one
   * taken, which the simulation never schedules but the agenda still orders by time and then by the order of adding.
   */
  @Test
  void farAndPastTimes_sameOrderAsTheReference() {
    check(200, true);
  }

  private static void check(int seeds, boolean wide) {
    for (int seed = 0; seed < seeds; seed++) {
      SplittableRandom r = new SplittableRandom(seed);
      EventQueue q = new EventQueue();
      PriorityQueue<Ref> ref = new PriorityQueue<>((x, y) -> x.time != y.time ? Long.compare(x.time, y.time)
          : Long.compare(x.seq, y.seq));
      long seq = 0;
      long now = 0;
      for (int step = 0; step < 5_000; step++) {
        if (ref.isEmpty() || r.nextInt(5) < 3) {
          // Few distinct times, so that ties (broken by the order of adding) are common; heaps of thousands.
          long t = now + r.nextInt(r.nextBoolean() ? 4 : 1_000);
          if (wide) {
            int shape = r.nextInt(10);
            t = shape == 0 ? now - r.nextInt(1, 50) // before the last event taken
                : shape < 4 ? now + (r.nextLong(1L << r.nextInt(1, 50))) // anywhere up to days ahead
                : t;
          }
          Object p = Integer.valueOf(step);
          q.add(t, step % 7, step, -step, p);
          ref.add(new Ref(t, seq++, step % 7, step, -step, p));
        } else {
          Ref e = ref.poll();
          assertEquals(e.time, q.peekTime(), "seed " + seed + ", step " + step);
          q.poll();
          assertEquals(e.time, q.polledTime());
          assertEquals(e.kind, q.polledKind());
          assertEquals(e.a, q.polledA());
          assertEquals(e.b, q.polledB());
          assertEquals(e.payload, q.polledPayload(), "seed " + seed + ", step " + step);
          now = e.time;
        }
        assertEquals(ref.size(), q.size());
      }
    }
  }
}
