package madjep.sim.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import madjep.history.edn.EdnParser;
import madjep.history.edn.EdnVector;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The register workload's ops: the seed's draws, each key's values made once and shared by its ops. */
class RegisterWorkloadTest {
  /** The draws as the workload made them when every op's value was a new vector: the oracle for the same seed. */
  private static List<Invocation> fresh(long seed, Keys keys, int opsPerKey, int n) {
    SplittableRandom rng = new SplittableRandom(seed);
    long[] active = new long[keys.count()];
    int[] used = new int[keys.count()];
    for (int i = 0; i < active.length; i++) {
      active[i] = i;
    }
    long nextKey = active.length;
    List<Invocation> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int slot = (int) keys.next(rng);
      Long k = EdnParser.box(active[slot]);
      if (opsPerKey > 0 && ++used[slot] >= opsPerKey) {
        active[slot] = nextKey++;
        used[slot] = 0;
      }
      out.add(switch (rng.nextInt(3)) {
        case 0 -> new Invocation(RegisterWorkload.READ, EdnVector.of(k, null));
        case 1 -> new Invocation(RegisterWorkload.WRITE, EdnVector.of(k, EdnParser.box(rng.nextInt(5))));
        default -> new Invocation(RegisterWorkload.CAS,
            EdnVector.of(k, EdnVector.of(EdnParser.box(rng.nextInt(5)), EdnParser.box(rng.nextInt(5)))));
      });
    }
    return out;
  }

  @ParameterizedTest(name = "{0} keys, {1}, {2} ops per key")
  @CsvSource({"10, uniform, 100", "3, uniform, 7", "20, zipfian, 50", "5, uniform, 0", "1, uniform, 1"})
  void theSeedsDrawsAreUnchanged_andEqualValuesOfAKeyAreOneObject(int keyCount, String distribution, int opsPerKey) {
    for (long seed = 0; seed < 30; seed++) {
      Keys keys = Keys.of(distribution, keyCount);
      List<Invocation> expected = fresh(seed, keys, opsPerKey, 2000);
      RegisterWorkload w = new RegisterWorkload("register", keys, opsPerKey);
      SplittableRandom rng = new SplittableRandom(seed);
      Map<Object, Object> seen = new HashMap<>();
      int shared = 0;
      for (int i = 0; i < expected.size(); i++) {
        Invocation got = w.next(rng, i % 7);
        assertEquals(expected.get(i), got, "seed " + seed + ", op " + i);
        // A key is never used again once retired, so equal values are always of one key's lifetime.
        Object before = seen.putIfAbsent(List.of(got.f(), got.value()), got.value());
        if (before != null) {
          assertSame(before, got.value(), "seed " + seed + ", op " + i + ": every equal value of a key is one object");
          shared++;
        }
      }
      if (opsPerKey == 0 || opsPerKey >= 7) {
        assertEquals(true, shared > 0, "some values repeat in 2000 ops over " + keyCount + " keys");
      }
    }
  }
}
