package madjep.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A builder keeps no column of indexes while they are dense from 0, and starts one at the first op whose index is
 * not its position: every op reads back the index it was given, and order is still enforced across the switch.
 */
class HistoryBuilderIndexTest {
  /** Ops with indexes 0..jumpAt-1, then strictly ascending ones with random gaps. */
  private static long[] indexes(long seed, int jumpAt, int n) {
    SplittableRandom rng = new SplittableRandom(seed);
    long[] idx = new long[n];
    for (int i = 0; i < n; i++) {
      idx[i] = i < jumpAt ? i : (i == 0 ? 0 : idx[i - 1]) + 1 + rng.nextInt(i == jumpAt ? 1 : 0, 5);
    }
    return idx;
  }

  @ParameterizedTest(name = "first gap at op {0}")
  @ValueSource(ints = {0, 1, 2, 1023, 1024, 1025, 3000, 5000})
  void everyOpKeepsItsIndex(int jumpAt) {
    long[] idx = indexes(jumpAt, jumpAt, 5000);
    HistoryBuilder b = new HistoryBuilder("t", 10);
    for (int i = 0; i < idx.length; i++) {
      b.add(Op.invoke(i % 7, "read", null).withIndex(idx[i]));
    }
    History h = b.build();
    for (int i = 0; i < idx.length; i++) {
      assertEquals(idx[i], h.index(i), "op " + i);
    }
  }

  @ParameterizedTest(name = "repeated at op {0}")
  @ValueSource(ints = {1, 2, 1024, 3000})
  void anIndexNotAboveTheLastIsAnError_denseOrNot(int at) {
    for (int jumpAt : new int[] {at, at + 1}) {
      long[] idx = indexes(at, jumpAt, at + 1);
      idx[at] = idx[at - 1];
      HistoryBuilder b = new HistoryBuilder("t");
      for (int i = 0; i < at; i++) {
        b.add(Op.invoke(0, "read", null).withIndex(idx[i]));
      }
      DataError e = assertThrows(DataError.class, () -> b.add(Op.invoke(0, "read", null).withIndex(idx[at])));
      assertEquals("t: op " + idx[at] + ": expected an :index above the previous op's " + idx[at - 1] + ", found "
          + idx[at], e.getMessage());
    }
  }
}
