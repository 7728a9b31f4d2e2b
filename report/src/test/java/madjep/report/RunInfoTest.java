package madjep.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link RunInfo#announcedValue} types a value as the regular expression {@code -?\d{1,18}} did before it. */
class RunInfoTest {
  private static final String ALPHABET = "-0123456789a 9";

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4})
  void announcedValue_isANumberExactlyWhenTheExpressionMatches(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int numbers = 0;
    for (int t = 0; t < 20_000; t++) {
      StringBuilder b = new StringBuilder();
      int n = r.nextInt(23);
      for (int i = 0; i < n; i++) {
        // Mostly digits, so that long numbers and the 18-digit edge come up.
        b.append(r.nextInt(4) == 0 ? ALPHABET.charAt(r.nextInt(ALPHABET.length())) : (char) ('0' + r.nextInt(10)));
      }
      String v = b.toString();
      Object expected = v.matches("-?\\d{1,18}") ? (Object) Long.parseLong(v) : v;
      assertEquals(expected, RunInfo.announcedValue(v), v);
      numbers += expected instanceof Long ? 1 : 0;
    }
    assertTrue(numbers > 1000, "numbers: " + numbers);
  }
}
