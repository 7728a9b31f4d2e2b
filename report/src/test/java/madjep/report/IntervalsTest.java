package madjep.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import madjep.history.History;
import madjep.history.HistoryBuilder;
import madjep.history.HistoryStats;
import madjep.history.Op;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IntervalsTest {
  /**
   * Threads that all start at once and then run ops back to back, a crash replacing a thread's process by a new
   * one (Jepsen's process + threads): the lanes are exactly the threads, and every process stays in one lane.
   */
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void lanes_areClientThreads_processesKeepTheirLane(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    int threads = 2 + rnd.nextInt(8);
    int[] process = new int[threads];
    long[] freeAt = new long[threads];
    long[] busyUntil = new long[threads];
    for (int t = 0; t < threads; t++) {
      process[t] = t;
      freeAt[t] = t;
    }
    // Events in time order: each thread alternates invoke and completion.
    java.util.List<long[]> events = new java.util.ArrayList<>();
    for (int t = 0; t < threads; t++) {
      long time = freeAt[t];
      int p = t;
      for (int k = 0; k < 30; k++) {
        long end = time + (k == 0 ? threads : 1) + rnd.nextInt(40);
        boolean crash = rnd.nextInt(10) == 0;
        events.add(new long[] {time, 0, p, crash ? 2 : 1});
        events.add(new long[] {end, 1, p, crash ? 2 : 1});
        time = end + 1 + rnd.nextInt(5);
        if (crash) {
          p += threads;
        }
      }
      busyUntil[t] = time;
    }
    events.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(b[1], a[1]));
    HistoryBuilder b = History.builder("<lanes>");
    for (long[] e : events) {
      int p = (int) e[2];
      Op op = e[1] == 0 ? Op.invoke(p, "read", null) : e[3] == 2 ? Op.info(p, "read", null) : Op.ok(p, "read", 1L);
      b.add(op.withTime(e[0]));
    }
    History h = b.build().requireWellFormed();
    Intervals iv = new Intervals(h, new Axis(h));
    int[] lane = iv.lanes(h, iv.all());
    int lanes = 0;
    java.util.Map<Integer, Integer> laneOf = new java.util.HashMap<>();
    for (int j = 0; j < lane.length; j++) {
      lanes = Math.max(lanes, lane[j] + 1);
      Integer before = laneOf.put(h.process(iv.invoke[j]), lane[j]);
      if (before != null) {
        assertEquals(before.intValue(), lane[j], "process " + h.process(iv.invoke[j]) + " changed lanes");
      }
    }
    assertEquals(threads, lanes, "one lane per thread");
    assertEquals(HistoryStats.of(h).peakConcurrency(), lanes, "as many lanes as ops at once at most");
  }
}
