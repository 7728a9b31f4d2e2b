package madjep.bench.jepsen;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import madjep.history.History;
import madjep.history.HistoryBuilder;
import madjep.history.Op;
import madjep.history.OpType;
import madjep.history.edn.EdnParser;
import madjep.history.edn.EdnVector;
import madjep.history.edn.Keyword;

/**
 * Large seeded histories for Jepsen's checkers, valid by construction: {@code processes} clients interleave at
 * random, each op takes effect when it completes (an {@code :info} one half the time), reads see the state at their
 * completion. Times grow by 0-2 ms per op.
 */
public final class JepsenHistories {
  private static final Keyword ADD = Keyword.of("add");
  private static final Keyword READ = Keyword.of("read");
  private static final Keyword R = Keyword.of("r");
  private static final Keyword W = Keyword.of("w");

  private JepsenHistories() {}

  /** Appends ops with growing times; picks which process moves next. */
  private static final class Gen {
    final SplittableRandom rnd;
    final HistoryBuilder b = History.builder("generated");
    final int processes;
    long time;

    Gen(long seed, int processes) {
      this.rnd = new SplittableRandom(seed);
      this.processes = processes;
    }

    void add(OpType type, int process, Keyword f, Object value) {
      time += rnd.nextInt(2_000_000);
      b.add(new Op(-1, time, type, EdnParser.box(process), f, value, null, Map.of()));
    }

    /** ok 90%, fail 5%, info 5%. */
    OpType outcome() {
      int x = rnd.nextInt(20);
      return x == 0 ? OpType.FAIL : x == 1 ? OpType.INFO : OpType.OK;
    }

    /** Whether a completion of this type took effect: ok always, info half the time, fail never. */
    boolean happened(OpType t) {
      return t == OpType.OK || (t == OpType.INFO && rnd.nextBoolean());
    }
  }

  /** A counter: {@code :add} 1-5 and {@code :read}. */
  public static History counter(int ops, int processes, long seed) {
    Gen g = new Gen(seed, processes);
    long counter = 0;
    Keyword[] f = new Keyword[processes];
    long[] amount = new long[processes];
    for (int n = 0; n < ops; n++) {
      int p = g.rnd.nextInt(processes);
      if (f[p] == null) {
        f[p] = g.rnd.nextBoolean() ? ADD : READ;
        amount[p] = 1 + g.rnd.nextInt(5);
        g.add(OpType.INVOKE, p, f[p], f[p] == ADD ? EdnParser.box(amount[p]) : null);
      } else {
        OpType t = g.outcome();
        if (f[p] == ADD) {
          counter += g.happened(t) ? amount[p] : 0;
          g.add(t, p, ADD, EdnParser.box(amount[p]));
        } else {
          g.add(t, p, READ, t == OpType.OK ? EdnParser.box(counter) : null);
        }
        f[p] = null;
      }
    }
    return g.b.build();
  }

  /** A bank of {@code accounts} accounts holding 100 in all: transfers of 1-5 that fail on overdraft, and reads. */
  public static History bank(int ops, int processes, int accounts, long seed) {
    Gen g = new Gen(seed, processes);
    long[] balance = new long[accounts];
    balance[0] = 100;
    Keyword transfer = Keyword.of("transfer");
    Keyword from = Keyword.of("from");
    Keyword to = Keyword.of("to");
    Keyword amount = Keyword.of("amount");
    Map<?, ?>[] pending = new Map<?, ?>[processes];
    boolean[] busy = new boolean[processes];
    for (int n = 0; n < ops; n++) {
      int p = g.rnd.nextInt(processes);
      if (!busy[p]) {
        busy[p] = true;
        if (g.rnd.nextBoolean()) {
          Map<Object, Object> t = new LinkedHashMap<>();
          t.put(from, EdnParser.box(g.rnd.nextInt(accounts)));
          t.put(to, EdnParser.box(g.rnd.nextInt(accounts)));
          t.put(amount, EdnParser.box(1 + g.rnd.nextInt(5)));
          pending[p] = t;
          g.add(OpType.INVOKE, p, transfer, t);
        } else {
          pending[p] = null;
          g.add(OpType.INVOKE, p, READ, null);
        }
      } else {
        busy[p] = false;
        Map<?, ?> t = pending[p];
        if (t != null) {
          int a = ((Long) t.get(from)).intValue();
          int b = ((Long) t.get(to)).intValue();
          long x = (Long) t.get(amount);
          OpType type = balance[a] < x ? OpType.FAIL : g.outcome();
          if (g.happened(type)) {
            balance[a] -= x;
            balance[b] += x;
          }
          g.add(type, p, transfer, t);
        } else {
          OpType type = g.outcome();
          Map<Object, Object> read = null;
          if (type == OpType.OK) {
            read = new LinkedHashMap<>();
            for (int k = 0; k < accounts; k++) {
              read.put(EdnParser.box(k), EdnParser.box(balance[k]));
            }
          }
          g.add(type, p, READ, read);
        }
      }
    }
    return g.b.build();
  }

  /** Adds of distinct elements, then one final read of the set. */
  public static History set(int adds, int processes, long seed) {
    Gen g = new Gen(seed, processes);
    List<Object> store = new ArrayList<>();
    long[] pending = new long[processes];
    java.util.Arrays.fill(pending, -1);
    long next = 0;
    int invoked = 0;
    while (invoked < adds || anyPending(pending)) {
      int p = g.rnd.nextInt(processes);
      if (pending[p] < 0) {
        if (invoked < adds) {
          pending[p] = next++;
          invoked++;
          g.add(OpType.INVOKE, p, ADD, EdnParser.box(pending[p]));
        }
      } else {
        OpType t = g.outcome();
        if (g.happened(t)) {
          store.add(EdnParser.box(pending[p]));
        }
        g.add(t, p, ADD, EdnParser.box(pending[p]));
        pending[p] = -1;
      }
    }
    g.add(OpType.INVOKE, 0, READ, null);
    g.add(OpType.OK, 0, READ, EdnVector.copyOf(store));
    return g.b.build();
  }

  /**
   * Adds of distinct elements mixed with reads ({@code readPercent} of invocations) that return the set as a lagging
   * replica would: without the last 0-3 elements added, but never less than an earlier read saw, so some elements
   * are stale and none is lost. Elements are 0, 1, 2, ... or, when {@code sparse}, spread a million apart.
   */
  public static History setFull(int ops, int readPercent, int processes, boolean sparse, long seed) {
    Gen g = new Gen(seed, processes);
    List<Object> store = new ArrayList<>();
    long[] pending = new long[processes];
    boolean[] busy = new boolean[processes];
    long next = 0;
    int visible = 0;
    for (int n = 0; n < ops; n++) {
      int p = g.rnd.nextInt(processes);
      if (!busy[p]) {
        busy[p] = true;
        if (g.rnd.nextInt(100) < readPercent) {
          pending[p] = -1;
          g.add(OpType.INVOKE, p, READ, null);
        } else {
          pending[p] = sparse ? 1_000_003L * next++ : next++;
          g.add(OpType.INVOKE, p, ADD, EdnParser.box(pending[p]));
        }
      } else {
        busy[p] = false;
        if (pending[p] < 0) {
          visible = Math.max(visible, store.size() - Math.min(store.size(), g.rnd.nextInt(4)));
          g.add(OpType.OK, p, READ, EdnVector.copyOf(store.subList(0, visible)));
        } else {
          OpType t = g.outcome();
          if (g.happened(t)) {
            store.add(EdnParser.box(pending[p]));
          }
          g.add(t, p, ADD, EdnParser.box(pending[p]));
        }
      }
    }
    // Finish what is pending, then a read that has caught up: Jepsen's final read.
    for (int p = 0; p < processes; p++) {
      if (busy[p]) {
        g.add(OpType.INFO, p, pending[p] < 0 ? READ : ADD, pending[p] < 0 ? null : EdnParser.box(pending[p]));
      }
    }
    g.add(OpType.INVOKE, processes, READ, null);
    g.add(OpType.OK, processes, READ, EdnVector.copyOf(store));
    return g.b.build();
  }

  /** long-fork's workload: single writes of fresh keys, and reads of a recently written key's group. */
  public static History longFork(int ops, int groupSize, int processes, long seed) {
    Gen g = new Gen(seed, processes);
    Keyword txn = Keyword.of("txn");
    java.util.HashSet<Long> written = new java.util.HashSet<>();
    long nextKey = 0;
    EdnVector[] pending = new EdnVector[processes];
    for (int n = 0; n < ops; n++) {
      int p = g.rnd.nextInt(processes);
      if (pending[p] == null) {
        if (nextKey == 0 || g.rnd.nextBoolean()) {
          pending[p] = EdnVector.of(EdnVector.of(W, EdnParser.box(nextKey++), EdnParser.box(1)));
        } else {
          long k = Math.max(0, nextKey - 1 - g.rnd.nextInt(2 * processes));
          long lo = k - k % groupSize;
          Object[] mops = new Object[groupSize];
          for (int x = 0; x < groupSize; x++) {
            mops[x] = EdnVector.of(R, EdnParser.box(lo + (x + k) % groupSize), null);
          }
          pending[p] = EdnVector.of(mops);
        }
        g.add(OpType.INVOKE, p, txn, pending[p]);
      } else {
        EdnVector t = pending[p];
        List<?> first = (List<?>) t.get(0);
        if (first.get(0) == W) {
          OpType type = g.outcome();
          if (g.happened(type)) {
            written.add((Long) first.get(1));
          }
          g.add(type, p, txn, t);
        } else {
          Object[] mops = new Object[t.size()];
          for (int x = 0; x < mops.length; x++) {
            Object key = ((List<?>) t.get(x)).get(1);
            mops[x] = EdnVector.of(R, key, written.contains(key) ? EdnParser.box(1) : null);
          }
          g.add(OpType.OK, p, txn, EdnVector.of(mops));
        }
        pending[p] = null;
      }
    }
    return g.b.build();
  }

  /** {@code :generate} ops returning distinct ids from a counter. */
  public static History uniqueIds(int ops, int processes, long seed) {
    Gen g = new Gen(seed, processes);
    Keyword generate = Keyword.of("generate");
    boolean[] busy = new boolean[processes];
    long next = 0;
    for (int n = 0; n < ops; n++) {
      int p = g.rnd.nextInt(processes);
      if (!busy[p]) {
        g.add(OpType.INVOKE, p, generate, null);
      } else {
        OpType t = g.outcome();
        g.add(t, p, generate, t == OpType.OK ? EdnParser.box(next++) : null);
      }
      busy[p] = !busy[p];
    }
    return g.b.build();
  }

  /** A FIFO queue: enqueues of distinct values and dequeues, then one drain of what is left. */
  public static History totalQueue(int ops, int processes, long seed) {
    Gen g = new Gen(seed, processes);
    Keyword enqueue = Keyword.of("enqueue");
    Keyword dequeue = Keyword.of("dequeue");
    ArrayDeque<Object> queue = new ArrayDeque<>();
    long[] pending = new long[processes];
    boolean[] busy = new boolean[processes];
    long next = 0;
    for (int n = 0; n < ops; n++) {
      int p = g.rnd.nextInt(processes);
      if (!busy[p]) {
        busy[p] = true;
        if (g.rnd.nextBoolean()) {
          pending[p] = next++;
          g.add(OpType.INVOKE, p, enqueue, EdnParser.box(pending[p]));
        } else {
          pending[p] = -1;
          g.add(OpType.INVOKE, p, dequeue, null);
        }
      } else {
        busy[p] = false;
        if (pending[p] >= 0) {
          OpType t = g.outcome();
          if (g.happened(t)) {
            queue.add(EdnParser.box(pending[p]));
          }
          g.add(t, p, enqueue, EdnParser.box(pending[p]));
        } else if (queue.isEmpty()) {
          g.add(OpType.FAIL, p, dequeue, null);
        } else {
          g.add(OpType.OK, p, dequeue, queue.poll());
        }
      }
    }
    // Let every pending op finish without effect, then drain.
    for (int p = 0; p < processes; p++) {
      if (busy[p]) {
        g.add(OpType.FAIL, p, pending[p] >= 0 ? enqueue : dequeue, pending[p] >= 0 ? EdnParser.box(pending[p]) : null);
      }
    }
    g.add(OpType.INVOKE, 0, Keyword.of("drain"), null);
    g.add(OpType.OK, 0, Keyword.of("drain"), EdnVector.copyOf(new ArrayList<>(queue)));
    return g.b.build();
  }

  private static boolean anyPending(long[] pending) {
    for (long x : pending) {
      if (x >= 0) {
        return true;
      }
    }
    return false;
  }
}
