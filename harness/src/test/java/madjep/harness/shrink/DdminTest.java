package madjep.harness.shrink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DdminTest {
  /** An oracle over a predicate that judges {@code window} candidates at a time, as parallel runs would. */
  private static Ddmin.Oracle<Integer> oracle(Predicate<List<Integer>> fails, int window, int[] calls) {
    return batch -> {
      for (int from = 0; from < batch.size(); from += window) {
        int hit = -1;
        for (int i = from; i < Math.min(batch.size(), from + window); i++) {
          calls[0]++;
          if (hit < 0 && fails.test(batch.get(i))) {
            hit = i;
          }
        }
        if (hit >= 0) {
          return hit;
        }
      }
      return -1;
    };
  }

  private static List<Integer> range(int n) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(i);
    }
    return out;
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
  void minimize_hiddenCause_findsExactlyIt(int seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    int n = 1 + rng.nextInt(60);
    Set<Integer> cause = new TreeSet<>();
    int k = rng.nextInt(Math.min(n, 5) + 1);
    while (cause.size() < k) {
      cause.add(rng.nextInt(n));
    }
    int[] calls = new int[1];
    List<Integer> got = Ddmin.minimize(range(n), oracle(l -> l.containsAll(cause), 1, calls));
    assertEquals(new ArrayList<>(cause), got, "n=" + n);
  }

  @ParameterizedTest
  @ValueSource(ints = {11, 12, 13, 14, 15, 16, 17, 18})
  void minimize_anyTwoOfASet_resultIsOneMinimalAndSameForEveryWindow(int seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    int n = 4 + rng.nextInt(40);
    Set<Integer> hot = new TreeSet<>();
    while (hot.size() < 4) {
      hot.add(rng.nextInt(n));
    }
    // Fails when it holds two hot elements, or an odd number of elements above n/2: not monotone.
    Predicate<List<Integer>> fails = l -> l.stream().filter(hot::contains).count() >= 2
        || l.stream().filter(x -> x > n / 2).count() % 2 == 1 && l.size() > 3;
    int[] calls = new int[1];
    List<Integer> one = Ddmin.minimize(range(n), oracle(fails, 1, calls));
    assertTrue(fails.test(one));
    for (int i = 0; i < one.size(); i++) {
      List<Integer> less = new ArrayList<>(one);
      less.remove(i);
      assertFalse(fails.test(less), "removing " + one.get(i) + " from " + one + " still fails");
    }
    for (int window : new int[] {2, 3, 8}) {
      assertEquals(one, Ddmin.minimize(range(n), oracle(fails, window, new int[1])), "window " + window);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1})
  void minimize_failsWithNothing_returnsEmpty(int n) {
    assertEquals(List.of(), Ddmin.minimize(range(n), oracle(l -> true, 1, new int[1])));
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 5, 17})
  void split_anySize_coversInOrder(int n) {
    for (int parts = 1; parts <= n; parts++) {
      List<Integer> all = new ArrayList<>();
      for (List<Integer> c : Ddmin.split(range(n), parts)) {
        assertFalse(c.isEmpty());
        all.addAll(c);
      }
      assertEquals(range(n), all);
    }
  }
}
