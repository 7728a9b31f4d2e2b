package madjep.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The calibration sorts for real: it returns the median of its seeded input, and leaves the input as it was. */
class CalibrationTest {
  @Test
  void sort_returnsTheMedianOfItsInput() {
    Calibration c = new Calibration();
    c.setup();
    long[] before = c.input.clone();
    long[] sorted = c.input.clone();
    Arrays.sort(sorted);
    assertEquals(sorted[sorted.length / 2], c.sort());
    assertEquals(Arrays.hashCode(before), Arrays.hashCode(c.input));
    assertEquals(1, Slowdown.FACTOR);
  }
}
