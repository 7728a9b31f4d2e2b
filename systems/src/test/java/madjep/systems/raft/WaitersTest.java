package madjep.systems.raft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import madjep.sim.Rpc;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The leader's queue of clients answers as a map from log index would, for a leader's order of events: clients
 * added at rising indexes, every index applied once in order, a step-down clearing them all.
 */
class WaitersTest {
  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void answersAsAMapByIndexWould(long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    Waiters queue = new Waiters();
    Map<Long, Waiters.Waiting> map = new HashMap<>();
    long last = 0;
    long applied = 0;
    for (int step = 0; step < 20_000; step++) {
      int r = rng.nextInt(100);
      if (r < 45) {
        last += 1 + rng.nextInt(3); // entries without a client (a no-op, another leader's) come in between
        Waiters.Waiting w = new Waiters.Waiting(rng.nextInt(100), new Rpc.Request(step, null));
        queue.add(last, w);
        map.put(last, w);
      } else if (r < 99) {
        if (applied < last) {
          applied++;
          assertSame(map.remove(applied), queue.take(applied), "index " + applied);
        }
      } else {
        queue.clear();
        map.clear();
      }
      assertEquals(map.size(), queue.size(), "after step " + step);
    }
  }

  @ParameterizedTest(name = "index {0}")
  @ValueSource(longs = {3, 2})
  void anIndexNotAboveTheLastIsRefused(long at) {
    Waiters queue = new Waiters();
    queue.add(3, new Waiters.Waiting(1, null));
    assertThrows(IllegalStateException.class, () -> queue.add(at, new Waiters.Waiting(2, null)));
  }
}
