package madjep.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link Select#kth}, as the latency plot uses it (ascending ranks, each selected after the one before), gives what
 * sorting gives, on seeded arrays of every shape a latency column can take: random, few distinct values, all equal,
 * sorted, reversed, organ pipes, and lengths around the cut-over to sorting small ranges.
 */
class SelectTest {
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void ascendingRanks_giveTheSortedArraysValues(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int checked = 0;
    for (int t = 0; t < 500; t++) {
      long[] a = array(r);
      long[] sorted = a.clone();
      Arrays.sort(sorted);
      long[] work = a.clone();
      int from = 0;
      int rank = 0;
      while (rank < a.length) {
        long v = rank < from ? work[rank] : Select.kth(work, from, a.length, rank);
        assertEquals(sorted[rank], v, "rank " + rank + " of " + Arrays.toString(a));
        for (int i = from; i < rank; i++) {
          assertTrue(work[i] <= v, "before the rank");
        }
        for (int i = rank + 1; i < a.length; i++) {
          assertTrue(work[i] >= v, "after the rank");
        }
        checked++;
        from = Math.max(from, rank + 1);
        rank += r.nextInt(4) == 0 ? 0 : 1 + r.nextInt(Math.max(1, a.length / 3));
      }
      long[] back = work.clone();
      Arrays.sort(back);
      assertTrue(Arrays.equals(sorted, back), "selecting only moves values");
    }
    assertTrue(checked > 1000, "ranks checked: " + checked);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 10, 99, 100, 101, 1000})
  void planRanks_areTheNearestRank(int n) {
    for (double q : Plots.QUANTILES) {
      int rank = Plots.rank(q, n);
      assertTrue(rank >= 0 && rank < n);
      assertTrue(rank + 1 >= q * n - 1e-9 && rank < q * n + 1e-9 || rank == 0, q + " of " + n + ": " + rank);
    }
    assertEquals(n - 1, Plots.rank(1.0, n));
  }

  private static long[] array(SplittableRandom r) {
    int n = r.nextInt(8) == 0 ? r.nextInt(3000) : r.nextInt(40);
    long[] a = new long[n];
    int shape = r.nextInt(6);
    for (int i = 0; i < n; i++) {
      a[i] = switch (shape) {
        case 0 -> r.nextLong(1, 1_000_000_000L);
        case 1 -> r.nextInt(4);
        case 2 -> 7;
        case 3 -> i;
        case 4 -> n - i;
        default -> Math.min(i, n - i);
      };
    }
    return a;
  }
}
