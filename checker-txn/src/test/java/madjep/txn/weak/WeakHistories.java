package madjep.txn.weak;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import madjep.history.History;
import madjep.history.Op;
import madjep.history.OpType;
import madjep.history.edn.EdnParser;
import madjep.history.edn.EdnVector;
import madjep.history.edn.Keyword;
import madjep.txn.weak.WeakOracle.Mop;
import madjep.txn.weak.WeakOracle.Txn;

/**
 * Small seeded histories for the weak levels: 2-5 transactions of 1-3 micro-ops over 1-3 keys on 1-3 processes (half
 * of them reading, or writing, every key once), with
 * :fail and :info ones, produced by executing them under a random visibility (serial, causal, read atomic or read
 * committed), and then, a third of the time, with one read's result corrupted.
 */
final class WeakHistories {
  private static final Keyword R = Keyword.of("r");
  private static final Keyword W = Keyword.of("w");
  private static final Keyword APPEND = Keyword.of("append");
  private static final Keyword TXN = Keyword.of("txn");

  private WeakHistories() {}

  static List<Txn> generate(SplittableRandom rnd, boolean lists) {
    int n = 2 + rnd.nextInt(4);
    int keys = 1 + rnd.nextInt(rnd.nextInt(4) == 0 ? 3 : 2);
    int processes = 1 + rnd.nextInt(3);
    long[] next = new long[keys];
    char[] type = new char[n];
    int[] process = new int[n];
    List<List<Object[]>> mops = new ArrayList<>();
    for (int t = 0; t < n; t++) {
      int p = rnd.nextInt(100);
      type[t] = p < 70 ? 'o' : p < 85 ? 'i' : 'f';
      process[t] = rnd.nextInt(processes);
      List<Object[]> ms = new ArrayList<>();
      if (keys > 1 && rnd.nextBoolean()) {
        // Every key once, all reads or all writes: the shapes fractured reads and causality need.
        boolean read = rnd.nextBoolean();
        int first = rnd.nextInt(keys);
        for (int j = 0; j < keys; j++) {
          int k = (first + j) % keys;
          ms.add(read ? new Object[] {true, k, null} : new Object[] {false, k, ++next[k]});
        }
      } else {
        for (int j = 1 + rnd.nextInt(3); j > 0; j--) {
          int k = rnd.nextInt(keys);
          ms.add(rnd.nextBoolean() ? new Object[] {false, k, ++next[k]} : new Object[] {true, k, null});
        }
      }
      mops.add(ms);
    }
    // Commit order: a random order of the committed transactions that keeps each process's :ok ones in order.
    boolean[] committed = new boolean[n];
    for (int t = 0; t < n; t++) {
      committed[t] = type[t] == 'o' || (type[t] == 'i' && rnd.nextBoolean());
    }
    List<Integer> order = new ArrayList<>();
    boolean[] placed = new boolean[n];
    while (true) {
      List<Integer> ready = new ArrayList<>();
      for (int t = 0; t < n; t++) {
        if (committed[t] && !placed[t] && soReady(t, type, process, placed)) {
          ready.add(t);
        }
      }
      if (ready.isEmpty()) {
        break;
      }
      int t = ready.get(rnd.nextInt(ready.size()));
      placed[t] = true;
      order.add(t);
    }
    int mode = rnd.nextInt(4); // 0 serial, 1 causal, 2 read atomic, 3 read committed
    int[] vis = new int[n];
    for (int i = 0; i < order.size(); i++) {
      int t = order.get(i);
      int before = 0;
      for (int j = 0; j < i; j++) {
        before |= 1 << order.get(j);
      }
      int so = 0;
      if (type[t] == 'o') {
        for (int u = 0; u < t; u++) {
          if (type[u] == 'o' && process[u] == process[t]) {
            so |= 1 << u;
          }
        }
      }
      int v = mode == 0 ? before : (so | (rnd.nextInt() & before));
      if (mode == 1) {
        for (int u = 0; u < n; u++) {
          if ((v & (1 << u)) != 0) {
            v |= vis[u];
          }
        }
      }
      vis[t] = type[t] == 'o' ? v : 0;
      execute(t, order.subList(0, i), vis[t], mode == 3 ? rnd : null, before, mops, lists);
    }
    if (rnd.nextInt(2) == 0) {
      corrupt(rnd, type, mops, next, lists);
    }
    List<Txn> out = new ArrayList<>();
    for (int t = 0; t < n; t++) {
      List<Mop> ms = new ArrayList<>();
      for (Object[] m : mops.get(t)) {
        boolean read = (Boolean) m[0];
        ms.add(new Mop(read, (Integer) m[1], read && type[t] != 'o' ? null : m[2]));
      }
      out.add(new Txn(type[t], process[t], ms));
    }
    return out;
  }

  private static boolean soReady(int t, char[] type, int[] process, boolean[] placed) {
    if (type[t] != 'o') {
      return true;
    }
    for (int u = 0; u < t; u++) {
      if (type[u] == 'o' && process[u] == process[t] && !placed[u]) {
        return false;
      }
    }
    return true;
  }

  /** Fills t's reads: with visibility v, or (read committed) a visibility that grows from v read by read. */
  private static void execute(int t, List<Integer> before, int v, SplittableRandom growing, int all,
      List<List<Object[]>> mops, boolean lists) {
    List<Object[]> ms = mops.get(t);
    for (int i = 0; i < ms.size(); i++) {
      Object[] m = ms.get(i);
      if (!(Boolean) m[0]) {
        continue;
      }
      if (growing != null) {
        v |= growing.nextInt() & all;
      }
      int k = (Integer) m[1];
      List<Object> own = new ArrayList<>();
      for (int j = 0; j < i; j++) {
        Object[] o = ms.get(j);
        if (!(Boolean) o[0] && (Integer) o[1] == k) {
          own.add(o[2]);
        }
      }
      if (lists) {
        List<Object> l = new ArrayList<>();
        for (int u : before) {
          if ((v & (1 << u)) != 0) {
            for (Object[] o : mops.get(u)) {
              if (!(Boolean) o[0] && (Integer) o[1] == k) {
                l.add(o[2]);
              }
            }
          }
        }
        l.addAll(own);
        m[2] = l;
      } else if (!own.isEmpty()) {
        m[2] = own.get(own.size() - 1);
      } else {
        Object val = null;
        for (int u : before) {
          if ((v & (1 << u)) != 0) {
            for (Object[] o : mops.get(u)) {
              if (!(Boolean) o[0] && (Integer) o[1] == k) {
                val = o[2];
              }
            }
          }
        }
        m[2] = val;
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static void corrupt(SplittableRandom rnd, char[] type, List<List<Object[]>> mops, long[] next,
      boolean lists) {
    List<Object[]> reads = new ArrayList<>();
    for (int t = 0; t < type.length; t++) {
      for (Object[] m : mops.get(t)) {
        if (type[t] == 'o' && (Boolean) m[0]) {
          reads.add(m);
        }
      }
    }
    if (reads.isEmpty()) {
      return;
    }
    Object[] m = reads.get(rnd.nextInt(reads.size()));
    int k = (Integer) m[1];
    if (!lists) {
      long v = rnd.nextInt((int) next[k] + 2);
      m[2] = v == 0 ? null : v == next[k] + 1 ? 99L : v;
      return;
    }
    List<Object> l = new ArrayList<>(m[2] == null ? List.of() : (List<Object>) m[2]);
    int c = rnd.nextInt(4);
    if (c == 0 && !l.isEmpty()) {
      l.remove(rnd.nextInt(l.size()));
    } else if (c == 1 && l.size() > 1) {
      int i = rnd.nextInt(l.size() - 1);
      Object x = l.get(i);
      l.set(i, l.get(i + 1));
      l.set(i + 1, x);
    } else if (next[k] > 0) {
      long v = 1 + rnd.nextInt((int) next[k]);
      if (!l.contains(v)) {
        l.add(rnd.nextInt(l.size() + 1), v);
      }
    }
    m[2] = l;
  }

  /** The transactions as a Jepsen history: each invoked and completed in turn, in order. */
  static History history(List<Txn> txns, boolean lists) {
    List<Op> ops = new ArrayList<>();
    for (Txn t : txns) {
      OpType type = t.type() == 'o' ? OpType.OK : t.type() == 'i' ? OpType.INFO : OpType.FAIL;
      ops.add(new Op(-1, -1, OpType.INVOKE, EdnParser.box(t.process()), TXN, value(t, lists, false), null, null));
      ops.add(new Op(-1, -1, type, EdnParser.box(t.process()), TXN, value(t, lists, t.type() == 'o'), null, null));
    }
    return History.of("<weak>", ops);
  }

  private static EdnVector value(Txn t, boolean lists, boolean completed) {
    List<Object> out = new ArrayList<>();
    for (Mop m : t.mops()) {
      Keyword k = Keyword.of(String.valueOf("xyz".charAt(m.key())));
      if (m.read()) {
        Object v = completed ? m.value() : null;
        if (v instanceof List<?> l) {
          v = EdnVector.copyOf(new ArrayList<Object>(l));
        }
        out.add(EdnVector.of(R, k, v));
      } else {
        out.add(EdnVector.of(lists ? APPEND : W, k, m.value()));
      }
    }
    return EdnVector.copyOf(out);
  }

  /** A readable form for failure messages. */
  static String show(List<Txn> txns) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < txns.size(); i++) {
      Txn t = txns.get(i);
      sb.append("T").append(i).append(' ').append(t.type()).append(" p").append(t.process()).append(' ');
      for (Mop m : t.mops()) {
        sb.append(m.read() ? "r" : "w").append("xyz".charAt(m.key())).append('=').append(m.value()).append(' ');
      }
      sb.append('\n');
    }
    return sb.toString();
  }
}
