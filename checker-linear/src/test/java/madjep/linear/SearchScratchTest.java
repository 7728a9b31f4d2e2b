package madjep.linear;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A search working in a finished search's arrays ({@link Search.Pool}) answers exactly as one with arrays of its own:
 * the same outcome after the same steps, the same blocking op, prefixes and states. Partitions of random histories of
 * every model are searched one after another through one pool, each in arrays filled with garbage first, most of them
 * larger than it needs.
 */
class SearchScratchTest {
  @ParameterizedTest(name = "seed={0}")
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void searchesInRecycledArrays_answerAsFreshOnes(long seed) {
    Search.Pool pool = new Search.Pool();
    java.util.SplittableRandom rnd = new java.util.SplittableRandom(seed);
    int[] counts = new int[2];
    for (int k = 0; k < 40; k++) {
      String name = RandomHistories.MODELS.get((int) ((seed * 40 + k) % RandomHistories.MODELS.size()));
      RandomHistories.Case c = RandomHistories.generate(name, seed * 1000 + k);
      compare(c.history(), c.newModel(), c.independent(), c.recipe(), pool, rnd, counts);
    }
    // Faulty runs' shape: dozens of crashed writes of a few values, where a crashed op waits for its earlier twin.
    for (int k = 0; k < 40; k++) {
      compare(crashedTwins(rnd), Models.byName("cas-register"), false, "crashed twins " + seed + "/" + k, pool, rnd,
          counts);
    }
    int reused = counts[0];
    int invalid = counts[1];
    assertTrue(reused > 20, "searches run in arrays a larger partition had: " + reused);
    assertTrue(invalid > 0, "some partitions are invalid, so that dead ends and explanations are compared");
  }

  private static void compare(madjep.history.History h, Model model, boolean independent, String what,
      Search.Pool pool, java.util.SplittableRandom rnd, int[] counts) {
    for (PartitionOps ops : Partitioner.split(h, model, independent)) {
      Search fresh = search(ops, model, null);
      Search.Outcome expected = fresh.run(Long.MAX_VALUE);
      // Whatever a finished search left in its arrays: here, garbage in every entry.
      Search.Scratch left = pool.take(ops.n);
      if (left == null) {
        left = new Search.Scratch(ops.n + rnd.nextInt(8));
      } else {
        counts[0]++;
      }
      poison(left, rnd);
      pool.give(left);
      Search pooled = search(ops, model, pool);
      assertEquals(expected, pooled.run(Long.MAX_VALUE), what);
      assertEquals(fresh.steps(), pooled.steps(), what);
      assertEquals(fresh.blocked(), pooled.blocked(), what);
      assertEquals(fresh.blockedStates(), pooled.blockedStates(), what);
      assertEquals(fresh.prefixes().size(), pooled.prefixes().size(), what);
      for (int i = 0; i < fresh.prefixes().size(); i++) {
        assertArrayEquals(fresh.prefixes().get(i), pooled.prefixes().get(i), what);
      }
      counts[1] += expected == Search.Outcome.INVALID ? 1 : 0;
      pool.give(pooled.scratch());
    }
  }

  /**
   * A cas-register history of overlapping ops by a few processes: writes of 1 to 3, many of them crashed, reads that
   * return any of those or nil (so some histories are invalid), and compare-and-sets.
   */
  private static madjep.history.History crashedTwins(java.util.SplittableRandom rnd) {
    List<String> lines = new java.util.ArrayList<>();
    String[] open = new String[5];
    int[] process = {0, 1, 2, 3, 4};
    for (int step = 0; step < 70; step++) {
      int t = rnd.nextInt(open.length);
      if (open[t] == null) {
        int kind = rnd.nextInt(10);
        open[t] = kind < 6 ? "write " + (1 + rnd.nextInt(3)) : kind < 8 ? "read nil"
            : "cas [" + (1 + rnd.nextInt(3)) + " " + (1 + rnd.nextInt(3)) + "]";
        lines.add(process[t] + " :invoke :" + open[t]);
      } else {
        String[] fv = open[t].split(" ", 2);
        int end = rnd.nextInt(10);
        if (fv[0].equals("write") && end < 5) {
          lines.add(process[t] + " :info :" + open[t]);
          process[t] += open.length;
        } else if (fv[0].equals("read")) {
          int v = rnd.nextInt(4);
          lines.add(process[t] + " :ok :read " + (v == 0 ? "nil" : Integer.toString(v)));
        } else if (fv[0].equals("cas") && end < 3) {
          lines.add(process[t] + " :fail :" + open[t]);
        } else {
          lines.add(process[t] + " :ok :" + open[t]);
        }
        open[t] = null;
      }
    }
    return Hist.of(lines);
  }

  private static void poison(Search.Scratch s, java.util.SplittableRandom rnd) {
    for (int i = 0; i < s.capacity; i++) {
      s.readOnly[i] = rnd.nextBoolean();
      s.lifted[i] = rnd.nextBoolean();
      s.twinBefore[i] = rnd.nextInt(-1, s.capacity);
      s.stackOp[i] = rnd.nextInt();
      s.stackState[i] = rnd.nextLong();
    }
    for (int i = 0; i < s.next.length; i++) {
      s.next[i] = rnd.nextInt(s.next.length);
      s.prev[i] = rnd.nextInt(s.prev.length);
    }
    for (int i = 0; i < s.events.length; i++) {
      s.events[i] = rnd.nextLong();
    }
  }

  private static Search search(PartitionOps ops, Model model, Search.Pool pool) {
    Stepper stepper = model instanceof CompiledModel cm
        ? cm.compile(ops.f, ops.value, ops.required)
        : new GenericStepper(model, ops.f, ops.value);
    MemoryBudget budget = new MemoryBudget(1L << 34);
    VisitedSet visited = (ops.n + 63) >>> 6 <= FlatVisitedSet.MAX_WORDS
        ? new FlatVisitedSet(ops.n, budget, null) : new WindowedVisitedSet(ops.n, ops.required, budget);
    return new Search(ops, stepper, visited, () -> null, pool);
  }
}
