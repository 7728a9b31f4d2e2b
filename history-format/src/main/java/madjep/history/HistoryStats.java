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
    Pass pass = new Pass();
    int n = h.size();
    for (int from = 0, to; from < n; from = to) {
      to = (int) Math.min(n, (long) from + Pass.CHUNK);
      pass.count(h, from, to);
    }
    Map<OpType, Integer> byType = new java.util.EnumMap<>(OpType.class);
    for (OpType t : OpType.values()) {
      byType.put(t, pass.typeCounts[t.ordinal()]);
    }
    Map<String, Map<OpType, Integer>> byF = new TreeMap<>();
    if (sum(pass.nilF) > 0) {
      byF.put("nil", counts(pass.nilF));
    }
    for (Map.Entry<Keyword, int[]> e : pass.perF.entrySet()) {
      byF.put(e.getKey().toString(), counts(e.getValue()));
    }
    java.util.TreeSet<String> named = new java.util.TreeSet<>();
    for (int c = pass.namedCodes.nextSetBit(0); c >= 0; c = pass.namedCodes.nextSetBit(c + 1)) {
      named.add(h.processName(-2 - c).toString());
    }
    return new HistoryStats(
        h.size(),
        byType,
        byF,
        pass.clients.cardinality(),
        java.util.List.copyOf(named),
        pass.peak,
        pass.crashed,
        pass.min == Long.MAX_VALUE ? -1 : pass.min,
        pass.max == Long.MIN_VALUE ? -1 : pass.max,
        h.problemCount());
  }

  /**
   * The counting, a chunk of positions per call. A method that runs once over millions of ops ran interpreted until
   * the JIT had compiled all of it on stack: on the page of a simulated hour (5 million ops) that took 140 ms, and the
   * compilation (of 44 KB of code, as the pass ended) 231 ms of C2 time. A small method called per chunk is compiled
   * as any hot method is.
   */
  private static final class Pass {
    static final int CHUNK = 1 << 12;

    final int[] typeCounts = new int[OpType.values().length];
    // Counted per :f keyword (keywords are interned: identity is equality) and per type, named at the end: a
    // history holds millions of ops but a handful of functions.
    final java.util.IdentityHashMap<Keyword, int[]> perF = new java.util.IdentityHashMap<>();
    final int[] nilF = new int[OpType.values().length];
    /** The last few functions seen and their counts, looked up by identity before the map (ops interleave them). */
    static final int RECENT = 4;
    final Keyword[] recentF = new Keyword[RECENT];
    final int[][] recentCounts = new int[RECENT][];
    int recentNext;
    final java.util.BitSet clients = new java.util.BitSet();
    final java.util.BitSet namedCodes = new java.util.BitSet();
    int open;
    int peak;
    int crashed;
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;

    void count(History h, int from, int to) {
      for (int i = from; i < to; i++) {
        OpType t = h.type(i);
        int ti = t.ordinal();
        typeCounts[ti]++;
        countsOf(h.f(i))[ti]++;
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
    }

    private int[] countsOf(Keyword f) {
      if (f == null) {
        return nilF;
      }
      for (int k = 0; k < recentF.length; k++) {
        if (recentF[k] == f) {
          return recentCounts[k];
        }
      }
      int[] c = perF.get(f);
      if (c == null) {
        c = new int[typeCounts.length];
        perF.put(f, c);
      }
      recentF[recentNext] = f;
      recentCounts[recentNext] = c;
      recentNext = (recentNext + 1) % RECENT;
      return c;
    }
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
