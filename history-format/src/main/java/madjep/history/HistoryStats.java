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
    int types = OpType.values().length;
    int[] typeCounts = new int[types];
    // Counted per :f keyword (keywords are interned: identity is equality) and per type, named at the end: a
    // history holds millions of ops but a handful of functions.
    java.util.IdentityHashMap<Keyword, int[]> perF = new java.util.IdentityHashMap<>();
    int[] nilF = new int[types];
    Keyword lastF = null;
    int[] lastCounts = nilF;
    java.util.BitSet clients = new java.util.BitSet();
    java.util.BitSet namedCodes = new java.util.BitSet();
    int open = 0;
    int peak = 0;
    int crashed = 0;
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (int i = 0; i < h.size(); i++) {
      OpType t = h.type(i);
      int ti = t.ordinal();
      typeCounts[ti]++;
      Keyword f = h.f(i);
      if (f != lastF) {
        lastF = f;
        if (f == null) {
          lastCounts = nilF;
        } else {
          lastCounts = perF.get(f);
          if (lastCounts == null) {
            lastCounts = new int[types];
            perF.put(f, lastCounts);
          }
        }
      }
      lastCounts[ti]++;
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
        namedCodes.set(-2 - p);
      }
      long time = h.time(i);
      if (time != -1) {
        min = Math.min(min, time);
        max = Math.max(max, time);
      }
    }
    Map<OpType, Integer> byType = new java.util.EnumMap<>(OpType.class);
    for (OpType t : OpType.values()) {
      byType.put(t, typeCounts[t.ordinal()]);
    }
    Map<String, Map<OpType, Integer>> byF = new TreeMap<>();
    if (sum(nilF) > 0) {
      byF.put("nil", counts(nilF));
    }
    for (Map.Entry<Keyword, int[]> e : perF.entrySet()) {
      byF.put(e.getKey().toString(), counts(e.getValue()));
    }
    java.util.TreeSet<String> named = new java.util.TreeSet<>();
    for (int c = namedCodes.nextSetBit(0); c >= 0; c = namedCodes.nextSetBit(c + 1)) {
      named.add(h.processName(-2 - c).toString());
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

  /** The types an :f's ops had, in type order, as the one-pass count made them: only the types seen. */
  private static Map<OpType, Integer> counts(int[] perType) {
    Map<OpType, Integer> m = new java.util.EnumMap<>(OpType.class);
    for (OpType t : OpType.values()) {
      if (perType[t.ordinal()] > 0) {
        m.put(t, perType[t.ordinal()]);
      }
    }
    return m;
  }

  private static int sum(int[] a) {
    int s = 0;
    for (int x : a) {
      s += x;
    }
    return s;
  }
}
