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

  @org.junit.jupiter.api.Test
  void end_eachFamily_findsTheNextStepThatEndsIt() {
    java.util.List<madjep.sim.nemesis.Step> steps = java.util.stream.Stream.of("1s kill n1", "2s pause n2",
        "3s start-partition n1 | n2 n3", "4s resume", "5s bump-clock n1:+1s", "6s start", "7s stop-partition",
        "8s reset-clock", "9s start-clog n2").map(madjep.sim.nemesis.Step::parse).toList();
    assertEquals(5, Cuts.end(steps, 0), "kill ends at start");
    assertEquals(3, Cuts.end(steps, 1), "pause at resume");
    assertEquals(6, Cuts.end(steps, 2), "start-partition at stop-partition");
    assertEquals(7, Cuts.end(steps, 4), "a clock change at reset-clock");
    assertEquals(-1, Cuts.end(steps, 8), "a clog never stopped");
    assertEquals(-1, Cuts.end(steps, 3), "an end ends nothing");
  }
}
