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
 * :info transactions are unconstrained. For histories of a handful of transactions only.
 */
final class SerialOracle {
  private static final Keyword R = Keyword.of("r");

  private SerialOracle() {}

  static boolean serializable(History h) {
    List<List<?>> ok = new ArrayList<>();
    List<List<?>> info = new ArrayList<>();
    for (int i = 0; i < h.size(); i++) {
      if (h.isOk(i)) {
        ok.add((List<?>) h.value(i));
      } else if (h.isInfo(i)) {
        info.add((List<?>) h.value(i));
      }
    }
    for (int mask = 0; mask < (1 << info.size()); mask++) {
      List<List<?>> txns = new ArrayList<>(ok);
      List<Boolean> checked = new ArrayList<>();
      for (int i = 0; i < ok.size(); i++) {
        checked.add(true);
      }
      for (int i = 0; i < info.size(); i++) {
        if ((mask & (1 << i)) != 0) {
          txns.add(info.get(i));
          checked.add(false);
        }
      }
      if (permute(txns, checked, new boolean[txns.size()], new HashMap<>(), 0)) {
        return true;
      }
    }
    return false;
  }

  private static boolean permute(List<List<?>> txns, List<Boolean> checked, boolean[] used,
      Map<Object, List<Object>> state, int done) {
    if (done == txns.size()) {
      return true;
    }
    for (int i = 0; i < txns.size(); i++) {
      if (used[i]) {
        continue;
      }
      Map<Object, List<Object>> next = run(txns.get(i), checked.get(i), state);
      if (next == null) {
        continue;
      }
      used[i] = true;
      if (permute(txns, checked, used, next, done + 1)) {
        return true;
      }
      used[i] = false;
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
        List<?> seen = v == null ? List.of() : (List<?>) v;
        if (check && !cur.equals(seen)) {
          return null;
        }
      } else {
        cur.add(mop.get(2));
      }
    }
    return s;
  }
}
