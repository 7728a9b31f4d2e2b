package madjep.txn.jepsen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FirstAboveTest {
  @Test
  void find_randomArrays_matchesLinearScan() {
    SplittableRandom rnd = new SplittableRandom(7);
    for (int n = 0; n < 2000; n++) {
      int[] values = new int[rnd.nextInt(40)];
      for (int k = 0; k < values.length; k++) {
        values[k] = rnd.nextInt(50);
      }
      FirstAbove tree = new FirstAbove(values);
      for (int q = 0; q < 20; q++) {
        int from = rnd.nextInt(values.length + 2);
        int threshold = rnd.nextInt(55) - 2;
        int want = -1;
        for (int k = from; k < values.length; k++) {
          if (values[k] > threshold) {
            want = k;
            break;
          }
        }
        assertEquals(want, tree.find(from, threshold), "from " + from + " threshold " + threshold);
      }
    }
  }
}
