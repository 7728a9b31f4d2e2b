package madjep.txn.weak;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Brute force, straight from the definitions: is there a set of committed transactions (every :ok one, any of the
 * :info ones), a total commit order of them extending session order, and a visibility for every read (read committed:
 * per read, growing within the transaction; read atomic: per transaction; causal: per transaction and transitive),
 * containing its session predecessors and drawn from the transactions committed before it, under which every :ok
 * read returns what it returned? A read returns, for a register, the write of the last visible writer in commit order
 * (nil if none); for a list, the visible appends in commit order; either way after the transaction's own earlier
 * writes. For histories of a handful of transactions only.
 */
final class WeakOracle {
  enum Level {
    READ_COMMITTED,
    READ_ATOMIC,
    CAUSAL
  }

  /** A micro-op: read or write (register write, or list append) of a key; a read's value is what it returned. */
  record Mop(boolean read, int key, Object value) {}

  /** A transaction; {@code type} is 'o' (ok), 'i' (info) or 'f' (fail). */
  record Txn(char type, int process, List<Mop> mops) {}

  private final List<Txn> txns;
  private final boolean lists;
  private final Level level;
  private final int n;
  private final int[] soPreds;
  private final int[] vis;
  private final int[] order;
  private int placedCount;

  private WeakOracle(List<Txn> txns, boolean lists, Level level) {
    this.txns = txns;
    this.lists = lists;
    this.level = level;
    this.n = txns.size();
    this.soPreds = new int[n];
    this.vis = new int[n];
    this.order = new int[n];
    for (int t = 0; t < n; t++) {
      if (txns.get(t).type() != 'o') {
        continue;
      }
      for (int u = 0; u < t; u++) {
        if (txns.get(u).type() == 'o' && txns.get(u).process() == txns.get(t).process()) {
          soPreds[t] |= 1 << u;
        }
      }
    }
  }

  static boolean satisfies(List<Txn> txns, boolean lists, Level level) {
    WeakOracle w = new WeakOracle(txns, lists, level);
    List<Integer> info = new ArrayList<>();
    int ok = 0;
    for (int t = 0; t < w.n; t++) {
      if (txns.get(t).type() == 'o') {
        ok |= 1 << t;
      } else if (txns.get(t).type() == 'i') {
        info.add(t);
      }
    }
    for (int sub = 0; sub < 1 << info.size(); sub++) {
      int committed = ok;
      for (int i = 0; i < info.size(); i++) {
        if ((sub & (1 << i)) != 0) {
          committed |= 1 << info.get(i);
        }
      }
      w.placedCount = 0;
      if (w.place(committed, 0)) {
        return true;
      }
    }
    return false;
  }

  /** Places the remaining committed transactions after those in {@code placed}. */
  private boolean place(int committed, int placed) {
    if (placed == committed) {
      return true;
    }
    for (int t = 0; t < n; t++) {
      int bit = 1 << t;
      if ((committed & bit) == 0 || (placed & bit) != 0 || (soPreds[t] & ~placed) != 0) {
        continue;
      }
      order[placedCount++] = t;
      if (txns.get(t).type() != 'o') {
        vis[t] = 0;
        if (place(committed, placed | bit)) {
          return true;
        }
      } else if (level == Level.READ_COMMITTED) {
        if (perRead(t, placed, 0, soPreds[t], new HashMap<>()) && place(committed, placed | bit)) {
          return true;
        }
      } else {
        // Every visibility: subsets of the placed transactions that hold the session predecessors.
        for (int v = placed; ; v = (v - 1) & placed) {
          if ((v & soPreds[t]) == soPreds[t] && closed(v) && reads(t, v)) {
            vis[t] = v;
            if (place(committed, placed | bit)) {
              return true;
            }
            if (level == Level.READ_ATOMIC) {
              break; // read atomic visibility constrains nothing else: one that works is enough
            }
          }
          if (v == 0) {
            break;
          }
        }
      }
      placedCount--;
    }
    return false;
  }

  /** Causal: visibility is transitive. */
  private boolean closed(int v) {
    if (level != Level.CAUSAL) {
      return true;
    }
    for (int u = 0; u < n; u++) {
      if ((v & (1 << u)) != 0 && (vis[u] & ~v) != 0) {
        return false;
      }
    }
    return true;
  }

  /** Whether t's reads return what they did with visibility v for all of them. */
  private boolean reads(int t, int v) {
    Map<Integer, List<Object>> own = new HashMap<>();
    for (Mop m : txns.get(t).mops()) {
      if (!step(m, v, own)) {
        return false;
      }
    }
    return true;
  }

  /** Read committed: mop i onwards, each read with a visibility that contains the previous one. */
  private boolean perRead(int t, int placed, int i, int least, Map<Integer, List<Object>> own) {
    List<Mop> mops = txns.get(t).mops();
    if (i == mops.size()) {
      return true;
    }
    Mop m = mops.get(i);
    if (!m.read()) {
      Map<Integer, List<Object>> next = copy(own);
      step(m, 0, next);
      return perRead(t, placed, i + 1, least, next);
    }
    for (int v = placed; ; v = (v - 1) & placed) {
      if ((v & least) == least && step(m, v, copy(own)) && perRead(t, placed, i + 1, v, own)) {
        return true;
      }
      if (v == 0) {
        return false;
      }
    }
  }

  private static Map<Integer, List<Object>> copy(Map<Integer, List<Object>> own) {
    Map<Integer, List<Object>> c = new HashMap<>();
    for (var e : own.entrySet()) {
      c.put(e.getKey(), new ArrayList<>(e.getValue()));
    }
    return c;
  }

  /** Applies a write to the transaction's own state, or checks a read under visibility v. */
  private boolean step(Mop m, int v, Map<Integer, List<Object>> own) {
    if (!m.read()) {
      own.computeIfAbsent(m.key(), k -> new ArrayList<>()).add(m.value());
      return true;
    }
    List<Object> mine = own.getOrDefault(m.key(), List.of());
    if (!lists) {
      Object expected = mine.isEmpty() ? visibleRegister(v, m.key()) : mine.get(mine.size() - 1);
      return Objects.equals(expected, m.value());
    }
    List<Object> expected = visibleList(v, m.key());
    expected.addAll(mine);
    Object got = m.value() == null ? List.of() : m.value();
    return expected.equals(got);
  }

  /** The last write of k by the last visible writer in commit order, or null. */
  private Object visibleRegister(int v, int k) {
    for (int i = placedCount - 1; i >= 0; i--) {
      int u = order[i];
      if ((v & (1 << u)) == 0) {
        continue;
      }
      Object last = null;
      boolean wrote = false;
      for (Mop m : txns.get(u).mops()) {
        if (!m.read() && m.key() == k) {
          last = m.value();
          wrote = true;
        }
      }
      if (wrote) {
        return last;
      }
    }
    return null;
  }

  /** The visible appends to k in commit order. */
  private List<Object> visibleList(int v, int k) {
    List<Object> out = new ArrayList<>();
    for (int i = 0; i < placedCount; i++) {
      int u = order[i];
      if ((v & (1 << u)) == 0) {
        continue;
      }
      for (Mop m : txns.get(u).mops()) {
        if (!m.read() && m.key() == k) {
          out.add(m.value());
        }
      }
    }
    return out;
  }
}
