package madjep.sim.testing;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import madjep.history.History;

/**
 * A test oracle, not the product checker: Wing-Gong-Lowe search for a cas-register per key ({@code [k v]} values,
 * {@code :read}, {@code :write}, {@code :cas}), with Knossos's conventions (failed ops dropped, {@code :info} and
 * unfinished ops may take effect or not, a read of nil is unknown). Answers null when it gives up (too many
 * configurations), never a guess.
 */
public final class RegisterOracle {
  private static final int MAX_CONFIGS = 2_000_000;

  private RegisterOracle() {}

  /** The first key found not linearizable, or "" when every key is, or null when the search gave up. */
  public static String firstViolation(History h) {
    Map<Object, List<int[]>> byKey = new LinkedHashMap<>();
    for (int i = 0; i < h.size(); i++) {
      if (!h.isClient(i) || !h.isInvoke(i)) {
        continue;
      }
      int c = h.pair(i);
      if (c >= 0 && h.isFail(c)) {
        continue;
      }
      Object k = ((List<?>) h.value(i)).get(0);
      byKey.computeIfAbsent(k, x -> new ArrayList<>()).add(new int[] {i, c >= 0 && h.isOk(c) ? c : -1});
    }
    for (Map.Entry<Object, List<int[]>> e : byKey.entrySet()) {
      Boolean ok = check(h, e.getValue());
      if (ok == null) {
        return null;
      }
      if (!ok) {
        return String.valueOf(e.getKey());
      }
    }
    return "";
  }

  private static final class Entry {
    final int op;
    final boolean call;
    final int pos;
    Entry match;
    Entry prev;
    Entry next;

    Entry(int op, boolean call, int pos) {
      this.op = op;
      this.call = call;
      this.pos = pos;
    }
  }

  private record Config(BitSet linearized, Object state) {}

  private static Boolean check(History h, List<int[]> ops) {
    int n = ops.size();
    List<Entry> events = new ArrayList<>();
    Object[] f = new Object[n];
    Object[] arg = new Object[n];
    for (int id = 0; id < n; id++) {
      int inv = ops.get(id)[0];
      int done = ops.get(id)[1];
      f[id] = h.f(inv).name();
      arg[id] = ((List<?>) (done >= 0 ? h.value(done) : h.value(inv))).get(1);
      Entry call = new Entry(id, true, inv);
      events.add(call);
      if (done >= 0) {
        Entry ret = new Entry(id, false, done);
        call.match = ret;
        events.add(ret);
      }
    }
    events.sort((a, b) -> Integer.compare(a.pos, b.pos));
    Entry head = new Entry(-1, true, -1);
    Entry last = head;
    for (Entry e : events) {
      last.next = e;
      e.prev = last;
      last = e;
    }
    BitSet lin = new BitSet(n);
    Set<Config> cache = new HashSet<>();
    ArrayList<Entry> stack = new ArrayList<>();
    ArrayList<Object> states = new ArrayList<>();
    Object state = null;
    Entry e = head.next;
    while (head.next != null) {
      if (e == null) {
        return true;
      }
      if (e.call) {
        Object[] next = step(state, (String) f[e.op], arg[e.op]);
        boolean moved = false;
        if (next != null) {
          BitSet l2 = (BitSet) lin.clone();
          l2.set(e.op);
          if (cache.add(new Config(l2, next[0]))) {
            if (cache.size() > MAX_CONFIGS) {
              return null;
            }
            stack.add(e);
            states.add(state);
            state = next[0];
            lin.set(e.op);
            lift(e);
            e = head.next;
            moved = true;
          }
        }
        if (!moved) {
          e = e.next;
        }
      } else {
        if (stack.isEmpty()) {
          return false;
        }
        Entry top = stack.remove(stack.size() - 1);
        state = states.remove(states.size() - 1);
        lin.clear(top.op);
        unlift(top);
        e = top.next;
      }
    }
    return true;
  }

  /** The new state in a one-element array, or null when the op cannot happen in {@code state}. */
  private static Object[] step(Object state, String f, Object arg) {
    switch (f) {
      case "read":
        return arg == null || Objects.equals(arg, state) ? new Object[] {state} : null;
      case "write":
        return new Object[] {arg};
      case "cas":
        List<?> ab = (List<?>) arg;
        return Objects.equals(ab.get(0), state) ? new Object[] {ab.get(1)} : null;
      default:
        throw new IllegalArgumentException(f);
    }
  }

  private static void lift(Entry e) {
    e.prev.next = e.next;
    if (e.next != null) {
      e.next.prev = e.prev;
    }
    Entry m = e.match;
    if (m != null) {
      m.prev.next = m.next;
      if (m.next != null) {
        m.next.prev = m.prev;
      }
    }
  }

  private static void unlift(Entry e) {
    Entry m = e.match;
    if (m != null) {
      m.prev.next = m;
      if (m.next != null) {
        m.next.prev = m;
      }
    }
    e.prev.next = e;
    if (e.next != null) {
      e.next.prev = e;
    }
  }
}
