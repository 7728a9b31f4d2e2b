package madjep.history;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** An int per process answers as a map with -1 for absent keys does, for client numbers in and past its array. */
class IntByProcessTest {
  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5, 6})
  void answersAsAMap(long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    IntByProcess ints = new IntByProcess();
    Map<Integer, Integer> map = new HashMap<>();
    for (int step = 0; step < 20_000; step++) {
      int p = switch (rng.nextInt(5)) {
        case 0 -> rng.nextInt(100); // small client numbers
        case 1 -> rng.nextInt(1 << 21); // across the array's limit (2^20)
        case 2 -> -2 - rng.nextInt(5); // named processes
        case 3 -> Integer.MAX_VALUE - rng.nextInt(5);
        default -> (1 << 20) - 2 + rng.nextInt(4); // at the limit
      };
      int r = rng.nextInt(10);
      if (r < 5) {
        int v = rng.nextInt(1000);
        ints.put(p, v);
        map.put(p, v);
      } else if (r < 7) {
        ints.remove(p);
        map.remove(p);
      }
      assertEquals(map.getOrDefault(p, -1).intValue(), ints.get(p), "process " + p + " after step " + step);
    }
    for (Map.Entry<Integer, Integer> e : map.entrySet()) {
      assertEquals(e.getValue().intValue(), ints.get(e.getKey()));
    }
  }
}
