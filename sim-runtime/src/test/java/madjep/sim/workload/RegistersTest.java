package madjep.sim.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RegistersTest {
  /** Keys the way workloads draw them, and the ones they never do: negative, past the array, at its edges. */
  private static long key(SplittableRandom rng) {
    return switch (rng.nextInt(6)) {
      case 0 -> -1 - rng.nextInt(1000);
      case 1 -> Registers.DENSE_LIMIT - 2 + rng.nextInt(4);
      case 2 -> Long.MAX_VALUE - rng.nextInt(3);
      case 3 -> Long.MIN_VALUE + rng.nextInt(3);
      default -> rng.nextInt(3000);
    };
  }

  private static List<Map.Entry<Object, Object>> entries(Map<?, ?> m) {
    List<Map.Entry<Object, Object>> out = new ArrayList<>();
    for (Map.Entry<?, ?> e : m.entrySet()) {
      out.add(Map.entry(e.getKey(), e.getValue() == null ? "nil" : e.getValue()));
    }
    return out;
  }

  /** The oracle's entries as a {@link LongKeyedMap} in a random order: a restore must not rely on sorted keys. */
  private static LongKeyedMap shuffled(TreeMap<Long, Object> oracle, SplittableRandom rng) {
    List<Map.Entry<Long, Object>> es = new ArrayList<>(oracle.entrySet());
    for (int i = es.size() - 1; i > 0; i--) {
      java.util.Collections.swap(es, i, rng.nextInt(i + 1));
    }
    final class Shuffled extends LongKeyedMap {
      @Override
      public long keyAt(int i) {
        return es.get(i).getKey();
      }

      @Override
      public Object valueAt(int i) {
        return es.get(i).getValue();
      }

      @Override
      public int size() {
        return es.size();
      }
    }
    return new Shuffled();
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
  void randomPutsAndRestores_matchSortedOracle_sameEntriesInKeyOrder(int seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    Registers r = new Registers();
    TreeMap<Long, Object> oracle = new TreeMap<>();
    for (int step = 0; step < 4000; step++) {
      long k = key(rng);
      int what = rng.nextInt(20);
      if (what < 12) {
        Object v = rng.nextInt(5) == 0 ? null : (Object) (long) rng.nextInt(100);
        r.put(k, v);
        oracle.put(k, v);
      } else if (what < 18) {
        assertEquals(oracle.get(k), r.get(k), "get " + k);
      } else {
        Map<Object, Object> snap = r.snapshot();
        assertEquals(entries(oracle), entries(snap), "snapshot order and contents");
        assertEquals(oracle, snap);
        for (Long key : oracle.keySet()) {
          assertTrue(snap.containsKey(key));
          assertEquals(oracle.get(key), snap.get(key));
        }
        // Restored from its own snapshot, or from any map (as a replica decodes one from disk).
        Registers again = new Registers();
        int from = rng.nextInt(3);
        if (from == 0) {
          again.restore(snap);
        } else if (from == 1) {
          again.restore(new LinkedHashMap<>(oracle));
        } else {
          again.restore(shuffled(oracle, rng));
        }
        assertEquals(entries(oracle), entries(again.snapshot()));
        r = again;
      }
      assertEquals(oracle.size(), r.size());
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {0, 5, Registers.DENSE_LIMIT - 1, Registers.DENSE_LIMIT, -1})
  void keyWrittenNil_isPresentInSnapshot_readsNil(long k) {
    Registers r = new Registers();
    assertNull(r.get(k));
    assertEquals(0, r.size());
    r.put(k, null);
    assertEquals(1, r.size());
    assertNull(r.get(k));
    Map<Object, Object> snap = r.snapshot();
    assertTrue(snap.containsKey(k));
    assertNull(snap.get(k));
    r.put(k, 7L);
    assertEquals(1, r.size());
    assertEquals(7L, r.get(k));
  }

  @org.junit.jupiter.api.Test
  void snapshot_isImmutable_andUnchangedByLaterWrites() {
    Registers r = new Registers();
    r.put(3, 1L);
    Map<Object, Object> snap = r.snapshot();
    r.put(3, 2L);
    r.put(4, 2L);
    assertEquals(Map.of(3L, 1L), snap);
    assertThrows(UnsupportedOperationException.class, () -> snap.put(5L, 1L));
  }
}
