package madjep.txn;

import java.util.ArrayList;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import madjep.history.History;
import madjep.history.Op;
import madjep.history.OpType;
import madjep.history.Verdict;
import madjep.history.edn.Edn;
import madjep.history.edn.EdnParser;
import madjep.history.edn.EdnVector;
import madjep.history.edn.Keyword;
import madjep.txn.graph.CycleSearch;
import org.junit.jupiter.api.Test;

/**
 * The checker against {@link SerialOracle} on seeded random small list-append histories (2-5 transactions of 1-3
 * micro-ops over 1-3 keys, with :fail and :info): when it finds the history serializable, a serial order exists; when
 * it reports a dependency cycle, none does.
 */
class DifferentialTest {
  static final int HISTORIES = 12_000;
  static final long SEED = 0x5EEDL;
  static final Keyword R = Keyword.of("r");
  static final Keyword APPEND = Keyword.of("append");
  static final Keyword TXN = Keyword.of("txn");
  static final TxnOptions SERIALIZABLE = TxnOptions.of(Workload.LIST_APPEND).withModels("serializable").withThreads(1);

  @Test
  void randomSmallHistories_checkerAgreesWithSerialOracle() {
    SplittableRandom root = new SplittableRandom(SEED);
    int valid = 0;
    int cycles = 0;
    for (int i = 0; i < HISTORIES; i++) {
      SplittableRandom rnd = root.split();
      History h = generate(rnd);
      TxnResult r = TxnChecker.check(h, SERIALIZABLE);
      boolean serial = SerialOracle.serializable(h);
      boolean hasCycle = false;
      for (String t : r.anomalyTypes()) {
        hasCycle |= CycleSearch.TYPES.contains(t);
      }
      if (r.valid() == Verdict.VALID && !serial) {
        fail(report("checker says serializable but no serial order exists", i, h, r));
      }
      if ((hasCycle || r.valid() == Verdict.INVALID) && serial) {
        fail(report("checker reports a violation but a serial order exists", i, h, r));
      }
      valid += r.valid() == Verdict.VALID ? 1 : 0;
      cycles += hasCycle ? 1 : 0;
    }
    assertTrue(valid > HISTORIES / 10, "too few valid histories: " + valid);
    assertTrue(cycles > HISTORIES / 10, "too few histories with cycles: " + cycles);
  }

  static final TxnOptions STRICT = TxnOptions.of(Workload.LIST_APPEND).withThreads(1);

  @Test
  void randomInterleavedHistories_strictSerializable_checkerAgreesWithRealtimeOracle() {
    SplittableRandom root = new SplittableRandom(SEED + 1);
    int valid = 0;
    int cycles = 0;
    int realtime = 0;
    for (int i = 0; i < HISTORIES; i++) {
      SplittableRandom rnd = root.split();
      History h = generateTimed(rnd);
      TxnResult r = TxnChecker.check(h, STRICT);
      boolean strict = SerialOracle.strictSerializable(h);
      boolean hasCycle = false;
      for (String t : r.anomalyTypes()) {
        hasCycle |= CycleSearch.TYPES.contains(t);
        realtime += t.endsWith("-realtime") ? 1 : 0;
      }
      if (r.valid() == Verdict.VALID && !strict) {
        fail(report("checker says strict serializable but no real-time serial order exists", i, h, r));
      }
      if ((hasCycle || r.valid() == Verdict.INVALID) && strict) {
        fail(report("checker reports a violation but a real-time serial order exists", i, h, r));
      }
      valid += r.valid() == Verdict.VALID ? 1 : 0;
      cycles += hasCycle ? 1 : 0;
    }
    assertTrue(valid > HISTORIES / 10, "too few valid histories: " + valid);
    assertTrue(cycles > HISTORIES / 10, "too few histories with cycles: " + cycles);
    assertTrue(realtime > HISTORIES / 40, "too few real-time cycles: " + realtime);
  }

  /**
   * Like {@link #generate}, but each transaction has an invocation and completion time and takes effect at a random
   * point between them (so uncorrupted histories are strict serializable); ops are written in time order.
   */
  static History generateTimed(SplittableRandom rnd) {
    History plain = generate(rnd);
    int n = plain.size() / 2;
    long[] start = new long[n];
    long[] end = new long[n];
    for (int t = 0; t < n; t++) {
      start[t] = rnd.nextInt(100);
      end[t] = start[t] + 1 + rnd.nextInt(60);
    }
    // Re-run the committed transactions in effect-time order and re-record reads, as generate() did.
    List<Op> ops = new ArrayList<>();
    long[][] events = new long[2 * n][];
    for (int t = 0; t < n; t++) {
      events[2 * t] = new long[] {start[t], 0, t};
      events[2 * t + 1] = new long[] {end[t], 1, t};
    }
    java.util.Arrays.sort(events, (a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(b[1], a[1]));
    Op[] completions = new Op[n];
    Op[] invocations = new Op[n];
    for (int t = 0; t < n; t++) {
      invocations[t] = plain.op(t);
      completions[t] = plain.op(n + t);
    }
    List<Op> timed = retime(completions, start, end, rnd);
    for (long[] e : events) {
      int t = (int) e[2];
      Op src = e[1] == 0 ? invocations[t] : timed.get(t);
      ops.add(new Op(-1, e[0], src.type(), src.process(), src.f(), src.value(), null, null));
    }
    return History.of("<random-timed>", ops);
  }

  /** Completions whose :ok reads are recomputed from a serial execution in effect-time order, then maybe corrupted. */
  @SuppressWarnings("unchecked")
  private static List<Op> retime(Op[] completions, long[] start, long[] end, SplittableRandom rnd) {
    int n = completions.length;
    Integer[] order = new Integer[n];
    double[] at = new double[n];
    for (int t = 0; t < n; t++) {
      order[t] = t;
      at[t] = start[t] + rnd.nextDouble() * (end[t] - start[t]);
    }
    java.util.Arrays.sort(order, (a, b) -> Double.compare(at[a], at[b]));
    boolean[] happens = new boolean[n];
    for (int t = 0; t < n; t++) {
      OpType type = completions[t].type();
      happens[t] = type == OpType.OK || (type == OpType.INFO && rnd.nextBoolean());
    }
    Map<Object, List<Object>> state = new HashMap<>();
    List<Object>[] values = new List[n];
    for (int t : order) {
      List<Object> mops = new ArrayList<>();
      for (Object o : (List<?>) completions[t].value()) {
        List<?> mop = (List<?>) o;
        List<Object> cur = state.computeIfAbsent(mop.get(1), x -> new ArrayList<>());
        if (mop.get(0) == APPEND) {
          if (happens[t]) {
            cur.add(mop.get(2));
          }
          mops.add(mop);
        } else {
          Object v = completions[t].type() == OpType.OK ? EdnVector.copyOf(cur) : null;
          mops.add(EdnVector.of(R, mop.get(1), v));
        }
      }
      values[t] = mops;
    }
    if (rnd.nextInt(100) < 70) {
      List<int[]> reads = new ArrayList<>();
      for (int t = 0; t < n; t++) {
        if (completions[t].type() == OpType.OK) {
          for (int j = 0; j < values[t].size(); j++) {
            if (((List<?>) values[t].get(j)).get(0) == R) {
              reads.add(new int[] {t, j});
            }
          }
        }
      }
      if (!reads.isEmpty()) {
        int[] pick = reads.get(rnd.nextInt(reads.size()));
        List<?> mop = (List<?>) values[pick[0]].get(pick[1]);
        List<Object> v = new ArrayList<>((List<?>) mop.get(2));
        if (!v.isEmpty() && rnd.nextInt(3) > 0) {
          v.remove(v.size() - 1);
        } else {
          v.clear();
        }
        values[pick[0]].set(pick[1], EdnVector.of(R, mop.get(1), EdnVector.copyOf(v)));
      }
    }
    List<Op> out = new ArrayList<>();
    for (int t = 0; t < n; t++) {
      Op c = completions[t];
      out.add(new Op(-1, end[t], c.type(), c.process(), c.f(), EdnVector.copyOf(values[t]), null, null));
    }
    return out;
  }

  private static String report(String what, int i, History h, TxnResult r) {
    StringBuilder sb = new StringBuilder(what + " (seed " + SEED + ", history " + i + "):\n");
    for (Op op : h.ops()) {
      sb.append(Edn.print(op.value())).append(' ').append(op.type()).append(" p").append(op.process()).append('\n');
    }
    return sb.append(Edn.print(r.toData())).toString();
  }

  /** A small history: a random serial execution, read results recorded, sometimes a read corrupted. */
  static History generate(SplittableRandom rnd) {
    int n = 2 + rnd.nextInt(4);
    int keys = 1 + rnd.nextInt(3);
    Map<Integer, Integer> nextValue = new HashMap<>();
    List<List<Object[]>> txns = new ArrayList<>();
    OpType[] types = new OpType[n];
    for (int t = 0; t < n; t++) {
      List<Object[]> mops = new ArrayList<>();
      int m = 1 + rnd.nextInt(3);
      for (int j = 0; j < m; j++) {
        int k = rnd.nextInt(keys);
        if (rnd.nextBoolean()) {
          int v = nextValue.merge(k, 1, Integer::sum);
          mops.add(new Object[] {APPEND, k, (long) v});
        } else {
          mops.add(new Object[] {R, k, null});
        }
      }
      txns.add(mops);
      int p = rnd.nextInt(100);
      types[t] = p < 70 ? OpType.OK : p < 85 ? OpType.FAIL : OpType.INFO;
    }
    // Execute committed transactions (ok, and info ones that took effect) in a random order.
    List<Integer> order = new ArrayList<>();
    for (int t = 0; t < n; t++) {
      if (types[t] == OpType.OK || (types[t] == OpType.INFO && rnd.nextBoolean())) {
        order.add(t);
      }
    }
    Collections.shuffle(order, new java.util.Random(rnd.nextLong()));
    Map<Integer, List<Long>> state = new HashMap<>();
    for (int t : order) {
      for (Object[] mop : txns.get(t)) {
        List<Long> cur = state.computeIfAbsent((Integer) mop[1], x -> new ArrayList<>());
        if (mop[0] == APPEND) {
          cur.add((Long) mop[2]);
        } else if (types[t] == OpType.OK) {
          mop[2] = new ArrayList<>(cur);
        }
      }
    }
    if (rnd.nextInt(100) < 70) {
      corrupt(txns, types, rnd);
    }
    // All invocations, then all completions: every pair of transactions is concurrent.
    List<Op> ops = new ArrayList<>();
    for (int t = 0; t < n; t++) {
      ops.add(new Op(-1, t, OpType.INVOKE, EdnParser.box(t), TXN, value(txns.get(t), false), null, null));
    }
    for (int t = 0; t < n; t++) {
      ops.add(new Op(-1, n + t, types[t], EdnParser.box(t), TXN, value(txns.get(t), types[t] == OpType.OK), null,
          null));
    }
    return History.of("<random>", ops);
  }

  @SuppressWarnings("unchecked")
  private static void corrupt(List<List<Object[]>> txns, OpType[] types, SplittableRandom rnd) {
    List<Object[]> reads = new ArrayList<>();
    for (int t = 0; t < txns.size(); t++) {
      if (types[t] != OpType.OK) {
        continue;
      }
      for (Object[] mop : txns.get(t)) {
        if (mop[0] == R) {
          reads.add(mop);
        }
      }
    }
    if (reads.isEmpty()) {
      return;
    }
    Object[] mop = reads.get(rnd.nextInt(reads.size()));
    List<Long> v = new ArrayList<>((List<Long>) mop[2]);
    int c = rnd.nextInt(100);
    switch (c < 45 ? 0 : c < 75 ? 2 : c < 88 ? 1 : 3) {
      case 0 -> {
        if (!v.isEmpty()) {
          v.remove(v.size() - 1);
        }
      }
      case 1 -> {
        if (!v.isEmpty()) {
          v.remove(rnd.nextInt(v.size()));
        }
      }
      case 2 -> v.clear();
      default -> {
        if (v.size() >= 2) {
          Collections.swap(v, 0, v.size() - 1);
        } else {
          v.add(1L + rnd.nextInt(3));
        }
      }
    }
    mop[2] = v;
  }

  private static EdnVector value(List<Object[]> mops, boolean completed) {
    List<Object> out = new ArrayList<>();
    for (Object[] mop : mops) {
      Object v = mop[2];
      if (mop[0] == R) {
        v = completed && v != null ? EdnVector.copyOf((List<?>) v) : null;
      }
      out.add(EdnVector.of(mop[0], Keyword.of("k" + mop[1]), v));
    }
    return EdnVector.copyOf(out);
  }
}
