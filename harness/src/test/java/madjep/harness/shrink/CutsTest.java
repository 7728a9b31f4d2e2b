package madjep.harness.shrink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CutsTest {
  @ParameterizedTest
  @CsvSource(delimiter = ';', nullValues = "NULL", value = {
    "n1,n4;n1",
    "n4,n5;NULL",
    "'';''",
    "n1 n4 | n2 n3;n1 | n2 n3",
    "n1 | n4 n5;NULL",
    "grudge n1:n3,n4 n4:n1;grudge n1:n3",
    "grudge n4:n1 n5:n2;NULL",
    "n2:+1.5s n4:-3s;n2:+1.5s",
    "n1:+340ppm n5:-2ppm;n1:+340ppm",
    "one;one",
  })
  void withoutNodes_threeLeft_keepsWhatRemains(String arg, String expected) {
    String got = Cuts.withoutNodes(arg, 3);
    if (expected == null) {
      assertNull(got, arg);
    } else {
      assertEquals(expected, got, arg);
    }
  }
}
