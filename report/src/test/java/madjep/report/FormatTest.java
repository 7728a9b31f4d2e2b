package madjep.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FormatTest {
  /** The formatter's text, which {@link Format#px} wrote before it formatted tenths itself. */
  private static String formatted(double v) {
    long tenths = Math.round(v * 10);
    return tenths % 10 == 0 ? Long.toString(tenths / 10) : String.format(Locale.ROOT, "%.1f", tenths / 10.0);
  }

  @Test
  void px_sameTextAsTheFormatter_acrossSignsAndMagnitudes() {
    SplittableRandom r = new SplittableRandom(42);
    double[] fixed = {0, -0.0, 0.04, 0.05, -0.05, -0.04, 0.15, -0.15, 1.25, -1.25, 99.95, -99.95, 1180, 1179.96,
        -12.3, 12.34, 1e9 + 0.1, -1e9 - 0.1};
    for (double v : fixed) {
      assertEquals(formatted(v), Format.px(v), "px(" + v + ")");
    }
    for (int i = 0; i < 200_000; i++) {
      double v = (r.nextDouble() - 0.5) * Math.pow(10, r.nextInt(8));
      assertEquals(formatted(v), Format.px(v), "px(" + v + ")");
    }
  }
}
