package madjep.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.SplittableRandom;
import madjep.history.History;
import madjep.history.HistoryBuilder;
import madjep.history.HistoryStats;
import madjep.history.Op;
import madjep.history.OpType;
import madjep.history.edn.Keyword;
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

    // Lanes depend on which ops share a process, not on its number: renumbered processes, some past the numbers the
    // lanes keep in an array (2^20) and some negative-free but huge, get the same lanes.
    HistoryBuilder renumbered = History.builder("<lanes renumbered>");
    for (int i = 0; i < h.size(); i++) {
      Op op = h.op(i);
      int p = h.process(i);
      int q = p % 3 == 0 ? p : p % 3 == 1 ? (1 << 20) + p * 7919 : Integer.MAX_VALUE - p;
      renumbered.add(new Op(-1, op.time(), op.type(), (long) q, op.f(), op.value(), op.error(), Map.of()));
    }
    History h2 = renumbered.build().requireWellFormed();
    Intervals iv2 = new Intervals(h2, new Axis(h2));
    assertEquals(java.util.Arrays.toString(lane), java.util.Arrays.toString(iv2.lanes(h2, iv2.all())));
  }

  /**
   * Each position's interval, searched, is the one its op's invocation opened: for invocations, for completions of
   * every kind, and -1 for the nemesis's ops and for no op at all; on histories with crashed ops that never complete.
   */
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void ofPosition_isTheIntervalItsInvocationOpened(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    HistoryBuilder b = History.builder("<of-position>");
    int clients = 1 + rnd.nextInt(6);
    boolean[] open = new boolean[clients];
    int[] process = new int[clients];
    for (int c = 0; c < clients; c++) {
      process[c] = c;
    }
    Keyword nemesis = Keyword.of("nemesis");
    boolean nemesisOpen = false;
    for (int e = 0; e < 300; e++) {
      if (rnd.nextInt(8) == 0) {
        b.add(new Op(-1, -1, OpType.INFO, nemesis, Keyword.of(nemesisOpen ? "stop" : "start"), null, null, Map.of()));
        nemesisOpen = !nemesisOpen;
        continue;
      }
      int c = rnd.nextInt(clients);
      if (!open[c]) {
        b.add(Op.invoke(process[c], "write", (long) e));
        open[c] = true;
        continue;
      }
      switch (rnd.nextInt(5)) {
        case 0 -> b.add(Op.fail(process[c], "write", (long) e));
        case 1 -> b.add(Op.info(process[c], "write", (long) e));
        case 2 -> process[c] += clients; // crashed without a word: its invocation never completes
        default -> b.add(Op.ok(process[c], "write", (long) e));
      }
      open[c] = false;
    }
    History h = b.build().requireWellFormed();
    Intervals iv = new Intervals(h, new Axis(h));
    int[] expected = new int[h.size()];
    java.util.Arrays.fill(expected, -1);
    for (int k = 0; k < iv.size; k++) {
      expected[iv.invoke[k]] = k;
      if (iv.complete[k] >= 0) {
        expected[iv.complete[k]] = k;
      }
    }
    int marked = 0;
    for (int p = 0; p < h.size(); p++) {
      assertEquals(expected[p], iv.ofPosition(p), "position " + p + " " + h.op(p));
      marked += expected[p] >= 0 ? 1 : 0;
    }
    assertTrue(marked > 0 && marked < h.size(), marked + " of " + h.size() + " positions are client ops");
  }
}
