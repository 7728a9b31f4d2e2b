package madjep.linear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Each cache agrees with a HashSet of (BitSet, state) on long random walks shaped like a search's. */
class VisitedSetTest {
  @ParameterizedTest(name = "{0} ops={1} required={2}")
  @CsvSource({
    "flat, 5, 3", "flat, 64, 40", "flat, 130, 100", "flat, 512, 500",
    "windowed, 5, 3", "windowed, 64, 40", "windowed, 130, 100", "windowed, 700, 690", "windowed, 3000, 2000", "windowed, 5000, 4000",
    "roaring, 64, 40", "roaring, 700, 600"
  })
  void randomWalk_addAnswers_matchReferenceSet(String kind, int ops, int required) {
    MemoryBudget budget = new MemoryBudget(1L << 34);
    VisitedSet v = switch (kind) {
      case "flat" -> new FlatVisitedSet(ops, budget);
      case "windowed" -> new WindowedVisitedSet(ops, required, budget);
      default -> new RoaringVisitedSet(ops, budget);
    };
    Set<List<Object>> reference = new HashSet<>();
    BitSet current = new BitSet();
    SplittableRandom r = new SplittableRandom(ops * 31L + required);
    int frontier = 0;
    int adds = 0;
    int newOnes = 0;
    for (int step = 0; step < 200_000; step++) {
      int choice = r.nextInt(10);
      if (choice < 5) {
        // Set an op near the low end of the unset required ops (as a search does), or a crashed one.
        int op = r.nextInt(8) == 0 && ops > required
            ? required + r.nextInt(ops - required)
            : Math.min(required - 1, current.nextClearBit(frontier) + r.nextInt(4));
        if (!current.get(op)) {
          current.set(op);
          v.set(op);
        }
      } else if (choice < 8) {
        // Clear a recently set op, or occasionally any.
        int op = r.nextInt(6) == 0 ? current.nextSetBit(r.nextInt(ops)) : current.previousSetBit(ops - 1);
        if (op >= 0) {
          current.clear(op);
          v.clear(op);
        }
      } else {
        long state = r.nextInt(4);
        boolean expected = reference.add(List.of((BitSet) current.clone(), state));
        assertEquals(expected, v.add(state), "step " + step);
        adds++;
        newOnes += expected ? 1 : 0;
      }
      frontier = Math.max(0, current.nextClearBit(0) - 2);
    }
    assertEquals(reference.size(), v.size());
    // The walk must revisit configurations, or hits go untested.
    assertEquals(true, newOnes < adds && newOnes >= Math.min(100, adds / 100), adds + " adds, " + newOnes + " new");
  }

  /** Sets made one after another from shared spares answer as new ones do: a recycled table holds nothing. */
  @ParameterizedTest(name = "ops={0}")
  @ValueSource(ints = {5, 64, 130, 512})
  void setsOnRecycledTables_answerAsFreshOnes(int ops) {
    MemoryBudget budget = new MemoryBudget(1L << 34);
    FlatVisitedSet.Spares spares = new FlatVisitedSet.Spares();
    SplittableRandom r = new SplittableRandom(ops);
    int hits = 0;
    for (int k = 0; k < 60; k++) {
      FlatVisitedSet v = new FlatVisitedSet(ops, budget, spares);
      Set<List<Object>> reference = new HashSet<>();
      BitSet current = new BitSet();
      // Most sets stay in their first table (and go back to the spares); every fifth grows out of it.
      int pairs = k % 5 == 0 ? 3000 : 1 + r.nextInt(200);
      for (int i = 0; i < pairs; i++) {
        int op = r.nextInt(Math.min(ops, 12));
        if (current.get(op)) {
          current.clear(op);
          v.clear(op);
        } else {
          current.set(op);
          v.set(op);
        }
        long state = r.nextInt(3);
        boolean expected = reference.add(List.of((BitSet) current.clone(), state));
        hits += expected ? 0 : 1;
        assertEquals(expected, v.add(state), "set " + k + ", pair " + i);
      }
      v.recycle();
    }
    // Stale pairs would only show as wrong hits if the walks revisit pairs a previous set held.
    assertTrue(hits > 1000, hits + " hits");
    long[] spare = spares.take(Math.max(1, (ops + 63) >>> 6));
    assertNotNull(spare, "a set that never grew left its table");
    for (long word : spare) {
      assertEquals(0L, word);
    }
  }

  /** A set's keys are the same draws whether it shares the keys of small sets or draws its own. */
  @Test
  void sharedKeys_areTheDrawsASetOfItsOwnWouldHold() {
    MemoryBudget budget = new MemoryBudget(1L << 30);
    long[] own = VisitedSet.keys(VisitedSet.SHARED_KEYS + 100);
    for (int ops : new int[] {1, 52, VisitedSet.SHARED_KEYS, VisitedSet.SHARED_KEYS + 100}) {
      long[] keys = new FlatVisitedSet(Math.min(ops, 512), budget).zobrist;
      VisitedSet v = new WindowedVisitedSet(ops, ops, budget);
      assertTrue(v.zobrist.length >= ops, ops + " ops, " + v.zobrist.length + " keys");
      for (int i = 0; i < ops; i++) {
        assertEquals(own[i], v.zobrist[i], "key " + i + " of a set of " + ops);
      }
      for (int i = 0; i < Math.min(ops, 512); i++) {
        assertEquals(own[i], keys[i], "key " + i + " of a flat set");
      }
    }
    assertTrue(new WindowedVisitedSet(VisitedSet.SHARED_KEYS + 100, 10, budget).zobrist.length
        == VisitedSet.SHARED_KEYS + 100, "a large set draws its own keys");
  }
}
