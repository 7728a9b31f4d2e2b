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
    for (int seed = 0; seed < 200; seed++) {
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
