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

  @org.junit.jupiter.api.Test
  void end_faultModelFamilies_pairEachStartWithItsOwnStop() {
    // Interleaved so that each start's end is not simply the next step.
    java.util.List<madjep.sim.nemesis.Step> steps = java.util.stream.Stream.of("1s start-disk-errors n1",
        "2s fill-disk n2", "3s start-slow-cpu n3", "4s start-region-partition eu-west",
        "5s start-wan-degrade us-east eu-west", "6s start-buggify", "7s start-fsync-errors n1",
        "8s start-memory-pressure n2", "9s start-slow-disk n4", "10s stop-slow-disk", "11s stop-memory-pressure",
        "12s stop-fsync-errors", "13s stop-buggify", "14s stop-wan-degrade", "15s stop-region-partition",
        "16s stop-slow-cpu", "17s free-disk", "18s stop-disk-errors", "19s bitflip n1")
        .map(madjep.sim.nemesis.Step::parse).toList();
    for (int i = 0; i < 9; i++) {
      assertEquals(18 - 1 - i, Cuts.end(steps, i), steps.get(i).describe());
    }
    assertEquals(-1, Cuts.end(steps, 18), "a one-shot corruption has no end");
  }
}
