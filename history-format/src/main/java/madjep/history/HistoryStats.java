package madjep.history;

import java.util.Map;
import java.util.TreeMap;
import madjep.history.edn.Keyword;

/**
 * Counts that describe a history at a glance, as {@code madjep history stats} prints them.
 *
 * @param ops the number of ops
 * @param byType ops per type, in type order
 * @param byFunction for each {@code :f} (sorted by name; "nil" for none), ops per type
 * @param clientProcesses distinct client (numbered) processes
 * @param namedProcesses distinct named processes, such as {@code :nemesis}, sorted
 * @param peakConcurrency the most client invocations open at once
 * @param crashed client ops whose outcome is unknown: completed with {@code :info}, or never completed
 * @param minTime the smallest {@code :time}, or -1 when no op has one
 * @param maxTime the largest {@code :time}, or -1
 * @param problemCount problems found when pairing ops ({@link History#problems()})
 */
public record HistoryStats(
    int ops,
    Map<OpType, Integer> byType,
    Map<String, Map<OpType, Integer>> byFunction,
    int clientProcesses,
    java.util.List<String> namedProcesses,
    int peakConcurrency,
    int crashed,
    long minTime,
    long maxTime,
    int problemCount) {

  /** Computes the statistics of {@code h} in one pass. */
  public static HistoryStats of(History h) {
    Map<OpType, Integer> byType = new java.util.EnumMap<>(OpType.class);
    for (OpType t : OpType.values()) {
      byType.put(t, 0);
    }
    Map<String, Map<OpType, Integer>> byF = new TreeMap<>();
    java.util.BitSet clients = new java.util.BitSet();
    java.util.TreeSet<String> named = new java.util.TreeSet<>();
    int open = 0;
    int peak = 0;
    int crashed = 0;
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (int i = 0; i < h.size(); i++) {
      OpType t = h.type(i);
      byType.merge(t, 1, Integer::sum);
      Keyword f = h.f(i);
      byF.computeIfAbsent(f == null ? "nil" : f.toString(), k -> new java.util.EnumMap<>(OpType.class))
          .merge(t, 1, Integer::sum);
      int p = h.process(i);
      if (p >= 0) {
        clients.set(p);
        if (t == OpType.INVOKE) {
          open++;
          peak = Math.max(peak, open);
          if (h.pair(i) < 0) {
            crashed++;
          }
        } else if (h.pair(i) >= 0) {
          open--;
          if (t == OpType.INFO) {
            crashed++;
          }
        }
      } else if (p != History.NO_PROCESS) {
        named.add(h.processName(p).toString());
      }
      long time = h.time(i);
      if (time != -1) {
        min = Math.min(min, time);
        max = Math.max(max, time);
      }
    }
    return new HistoryStats(
        h.size(),
        byType,
        byF,
        clients.cardinality(),
        java.util.List.copyOf(named),
        peak,
        crashed,
        min == Long.MAX_VALUE ? -1 : min,
        max == Long.MIN_VALUE ? -1 : max,
        h.problemCount());
  }
}
