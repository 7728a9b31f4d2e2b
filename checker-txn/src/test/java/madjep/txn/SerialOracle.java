package madjep.txn;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import madjep.history.History;
import madjep.history.edn.Keyword;

/**
 * Brute force: is there a serial order of the committed transactions (every :ok one, any subset of the :info ones,
 * no :fail one) that, run one at a time from empty lists, gives every :ok read exactly what it returned? Reads of
 * :info transactions are unconstrained. A register write {@code [:w k v]} replaces the state, which a register read
 * sees as its one element (nil: empty). For histories of a handful of transactions only.
 */
final class SerialOracle {
  private static final Keyword R = Keyword.of("r");
  private static final Keyword W = Keyword.of("w");

  private SerialOracle() {}

  static boolean serializable(History h) {
    return search(h, false);
  }

  /**
   * Strict serializability: also, a transaction that completed :ok before another was invoked comes first. (A
   * crashed transaction may take effect any time after its invocation.)
   */
  static boolean strictSerializable(History h) {
    return search(h, true);
  }

  private static boolean search(History h, boolean strict) {
    List<List<?>> ok = new ArrayList<>();
    List<List<?>> info = new ArrayList<>();
    List<int[]> okSpan = new ArrayList<>();
    List<int[]> infoSpan = new ArrayList<>();
    for (int i = 0; i < h.size(); i++) {
      int inv = h.pair(i);
      if (h.isOk(i)) {
        ok.add((List<?>) h.value(i));
        okSpan.add(new int[] {inv, i});
      } else if (h.isInfo(i)) {
        info.add((List<?>) h.value(i));
        infoSpan.add(new int[] {inv, Integer.MAX_VALUE});
      }
    }
    for (int mask = 0; mask < (1 << info.size()); mask++) {
      List<List<?>> txns = new ArrayList<>(ok);
      List<int[]> spans = new ArrayList<>(okSpan);
      List<Boolean> checked = new ArrayList<>();
      for (int i = 0; i < ok.size(); i++) {
        checked.add(true);
      }
      for (int i = 0; i < info.size(); i++) {
        if ((mask & (1 << i)) != 0) {
          txns.add(info.get(i));
          spans.add(infoSpan.get(i));
          checked.add(false);
        }
      }
      if (permute(txns, strict ? spans : null, checked, new boolean[txns.size()], new HashMap<>(), 0)) {
        return true;
      }
    }
    return false;
  }

  private static boolean permute(List<List<?>> txns, List<int[]> spans, List<Boolean> checked, boolean[] used,
      Map<Object, List<Object>> state, int done) {
    if (done == txns.size()) {
      return true;
    }
    for (int i = 0; i < txns.size(); i++) {
      if (used[i] || (spans != null && mustWait(i, spans, used))) {
        continue;
      }
      Map<Object, List<Object>> next = run(txns.get(i), checked.get(i), state);
      if (next == null) {
        continue;
      }
      used[i] = true;
      if (permute(txns, spans, checked, used, next, done + 1)) {
        return true;
      }
      used[i] = false;
    }
    return false;
  }

  /** True when some unplaced transaction completed before transaction i was invoked. */
  private static boolean mustWait(int i, List<int[]> spans, boolean[] used) {
    for (int j = 0; j < spans.size(); j++) {
      if (j != i && !used[j] && spans.get(j)[1] < spans.get(i)[0]) {
        return true;
      }
    }
    return false;
  }

  /** The state after running txn, or null when one of its (checked) reads disagrees. */
  private static Map<Object, List<Object>> run(List<?> txn, boolean check, Map<Object, List<Object>> state) {
    Map<Object, List<Object>> s = new HashMap<>();
    for (Map.Entry<Object, List<Object>> e : state.entrySet()) {
      s.put(e.getKey(), new ArrayList<>(e.getValue()));
    }
    for (Object o : txn) {
      List<?> mop = (List<?>) o;
      Object k = mop.get(1);
      List<Object> cur = s.computeIfAbsent(k, x -> new ArrayList<>());
      if (mop.get(0) == R) {
        Object v = mop.size() > 2 ? mop.get(2) : null;
        if (v != null && !(v instanceof List)) {
          v = List.of(v);
        }
        List<?> seen = v == null ? List.of() : (List<?>) v;
        if (check && !cur.equals(seen)) {
          return null;
        }
      } else if (mop.get(0) == W) {
        cur.clear();
        cur.add(mop.get(2));
      } else {
        cur.add(mop.get(2));
      }
    }
    return s;
  }
}
