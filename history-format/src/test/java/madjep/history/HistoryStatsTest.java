package madjep.history;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import madjep.history.edn.Keyword;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The one-pass statistics against a plain count over random histories. */
class HistoryStatsTest {
  /** More functions than the pass remembers by identity (4), so that its map is used too. */
  private static final Keyword[] FS = {Keyword.of("read"), Keyword.of("write"), Keyword.of("cas"), null,
      Keyword.of("append"), Keyword.of("txn"), Keyword.of("add"), Keyword.of("transfer")};

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void of_randomHistory_matchesPlainCount(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    HistoryBuilder b = new HistoryBuilder("test");
    int[] named = {b.namedProcess(Keyword.of("nemesis")), b.namedProcess(Keyword.of("auditor"))};
    // Up to 3 of the pass's chunks of 4,096 ops; and short ones.
    int n = seed % 2 == 0 ? rnd.nextInt(300) : rnd.nextInt(12_300);
    boolean[] open = new boolean[6];
    for (int i = 0; i < n; i++) {
      Keyword f = FS[rnd.nextInt(i % 1000 < 500 ? 4 : FS.length)];
      long time = rnd.nextInt(10) == 0 ? -1 : rnd.nextLong(1_000_000);
      if (rnd.nextInt(8) == 0) {
        b.add(Long.MIN_VALUE, time, OpType.INFO, named[rnd.nextInt(2)], f, null, null, null, 0, 0);
        continue;
      }
      int p = rnd.nextInt(open.length);
      OpType t = open[p] ? OpType.values()[1 + rnd.nextInt(3)] : OpType.INVOKE;
      open[p] = t == OpType.INVOKE;
      b.add(Long.MIN_VALUE, time, t, p, f, null, null, null, 0, 0);
    }
    History h = b.build();
    HistoryStats s = HistoryStats.of(h);

    Map<OpType, Integer> byType = new EnumMap<>(OpType.class);
    for (OpType t : OpType.values()) {
      byType.put(t, 0);
    }
    Map<String, Map<OpType, Integer>> byF = new TreeMap<>();
    TreeSet<String> names = new TreeSet<>();
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    TreeSet<Integer> clients = new TreeSet<>();
    int crashed = 0;
    for (int i = 0; i < h.size(); i++) {
      if (h.process(i) >= 0) {
        clients.add(h.process(i));
        boolean neverCompleted = h.type(i) == OpType.INVOKE && h.pair(i) < 0;
        boolean completedUnknown = h.type(i) == OpType.INFO && h.pair(i) >= 0;
        crashed += neverCompleted || completedUnknown ? 1 : 0;
      }
      byType.merge(h.type(i), 1, Integer::sum);
      byF.computeIfAbsent(h.f(i) == null ? "nil" : h.f(i).toString(), k -> new EnumMap<>(OpType.class))
          .merge(h.type(i), 1, Integer::sum);
      if (h.process(i) < 0 && h.process(i) != History.NO_PROCESS) {
        names.add(h.processName(h.process(i)).toString());
      }
      if (h.time(i) != -1) {
        min = Math.min(min, h.time(i));
        max = Math.max(max, h.time(i));
      }
    }
    assertEquals(h.size(), s.ops());
    assertEquals(byType, s.byType());
    assertEquals(byF, s.byFunction());
    assertEquals(List.copyOf(byF.keySet()), List.copyOf(s.byFunction().keySet()), "sorted by name");
    for (String f : byF.keySet()) {
      assertEquals(List.copyOf(byF.get(f).keySet()), List.copyOf(s.byFunction().get(f).keySet()), "type order");
    }
    assertEquals(List.copyOf(names), s.namedProcesses());
    assertEquals(clients.size(), s.clientProcesses());
    assertEquals(crashed, s.crashed());
    assertEquals(min == Long.MAX_VALUE ? -1 : min, s.minTime());
    assertEquals(max == Long.MIN_VALUE ? -1 : max, s.maxTime());
  }
}
