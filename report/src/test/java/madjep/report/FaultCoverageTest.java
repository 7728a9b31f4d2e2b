package madjep.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The coverage counts against a brute force over every op and every fault. */
class FaultCoverageTest {
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15})
  void overlapping_randomOpsAndFaults_matchesEveryPairChecked(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    // Small times so that ops and faults often touch at an end point, where closed intervals decide.
    long horizon = 20 + rnd.nextInt(200);
    List<long[]> spans = new ArrayList<>();
    int faults = rnd.nextInt(12);
    for (int i = 0; i < faults; i++) {
      long s = rnd.nextLong(horizon);
      spans.add(new long[] {s, s + rnd.nextLong(1 + horizon / 4)});
    }
    int n = 1 + rnd.nextInt(300);
    long[] start = new long[n];
    long[] end = new long[n];
    for (int k = 0; k < n; k++) {
      start[k] = rnd.nextLong(horizon);
    }
    // Starts in invocation order ascend (the walk forward), or ascend in runs that fall back (a walk, then a binary
    // search), or come in any order (binary searches).
    if (seed % 3 == 0) {
      java.util.Arrays.sort(start);
    } else if (seed % 3 == 1) {
      for (int from = 0; from < n; ) {
        int to = Math.min(n, from + 1 + rnd.nextInt(40));
        java.util.Arrays.sort(start, from, to);
        from = to;
      }
    }
    for (int k = 0; k < n; k++) {
      end[k] = start[k] + rnd.nextLong(1 + horizon / 10);
    }
    int expected = 0;
    for (int k = 0; k < n; k++) {
      for (long[] sp : spans) {
        if (start[k] <= sp[1] && end[k] >= sp[0]) {
          expected++;
          break;
        }
      }
    }
    assertEquals(expected, FaultCoverage.overlapping(start, end, n, spans));
    boolean[] covered = new boolean[(int) (2 * horizon + 2)];
    for (long[] sp : spans) {
      for (long t = sp[0]; t < sp[1]; t++) {
        covered[(int) t] = true;
      }
    }
    long time = 0;
    for (boolean c : covered) {
      time += c ? 1 : 0;
    }
    assertEquals(time, FaultCoverage.union(spans));
  }
}
