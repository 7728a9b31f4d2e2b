package madjep.txn;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import madjep.history.History;
import madjep.history.edn.Keyword;

/**
 * DESIGN.md's rule for rw-register, by brute force: is a violation of serializability inferable from the history
 * without guessing a version order? Yes when an :ok read returns what no serial execution returns (a value nobody
 * wrote, an aborted or intermediate write, the transaction's own later write, or not what the transaction's own
 * earlier write or read of the key left); or when the dependency graph built from the known version facts (nil first;
 * with {@code wfr}, a transaction's read before its write of the same key) is cyclic; or when refutation reaches a
 * contradiction: repeatedly, for each key with at most {@value #MAX_ORDERS} orders of its committed versions left,
 * try each order with every fact known so far, keep the orders that close no cycle, adopt what all of them agree on;
 * a key left with no order is a contradiction. Committed: :ok transactions and :info ones whose final write an :ok
 * read returned.
 */
final class InferableOracle {
  static final int MAX_ORDERS = 24;
  private static final Keyword R = Keyword.of("r");

  private record Txn(boolean ok, boolean info, List<List<?>> mops) {}

  private final List<Txn> txns = new ArrayList<>();
  private final boolean wfr;
  // Per key: committed final writes value -> writer, and external readers value -> readers (nil included).
  private final Map<Object, Map<Object, Integer>> writers = new HashMap<>();
  private final Map<Object, Map<Object, List<Integer>>> readers = new HashMap<>();
  private final List<int[]> wr = new ArrayList<>();
  /** Per key: known facts, as pairs (earlier, later) of values (nil is null). */
  private final Map<Object, Set<List<Object>>> facts = new HashMap<>();

  private InferableOracle(History h, boolean wfr) {
    this.wfr = wfr;
    for (int i = 0; i < h.size(); i++) {
      if (h.isOk(i) || h.isInfo(i) || h.isFail(i)) {
        List<List<?>> mops = new ArrayList<>();
        for (Object o : (List<?>) h.value(i)) {
          mops.add((List<?>) o);
        }
        txns.add(new Txn(h.isOk(i), h.isInfo(i), mops));
      }
    }
  }

  static boolean violation(History h, boolean wfr) {
    return new InferableOracle(h, wfr).run();
  }

  private boolean run() {
    if (impossibleRead()) {
      return true;
    }
    index();
    if (cyclic(edges(null, null))) {
      return true;
    }
    boolean changed = true;
    while (changed) {
      changed = false;
      for (Object k : writers.keySet()) {
        List<Object> vs = new ArrayList<>(writers.get(k).keySet());
        if (vs.size() < 2) {
          continue;
        }
        List<List<Object>> orders = new ArrayList<>();
        permute(k, vs, new ArrayList<>(), orders);
        if (orders.size() > MAX_ORDERS) {
          continue;
        }
        List<List<Object>> survivors = new ArrayList<>();
        for (List<Object> order : orders) {
          if (!cyclic(edges(k, order))) {
            survivors.add(order);
          }
        }
        if (survivors.isEmpty()) {
          return true;
        }
        for (Object a : vs) {
          for (Object b : vs) {
            if (a.equals(b) || facts.get(k).contains(List.of(a, b))) {
              continue;
            }
            boolean always = true;
            for (List<Object> order : survivors) {
              always &= order.indexOf(a) < order.indexOf(b);
            }
            if (always) {
              facts.get(k).add(List.of(a, b));
              changed = true;
            }
          }
        }
        close(k);
      }
    }
    return false;
  }

  /** Reads no serial execution returns. */
  private boolean impossibleRead() {
    for (int t = 0; t < txns.size(); t++) {
      Txn txn = txns.get(t);
      if (!txn.ok()) {
        continue;
      }
      Map<Object, Object> state = new HashMap<>();
      Set<Object> touched = new HashSet<>();
      for (int i = 0; i < txn.mops().size(); i++) {
        List<?> m = txn.mops().get(i);
        Object k = m.get(1);
        Object v = m.size() > 2 ? m.get(2) : null;
        if (m.get(0) != R) {
          state.put(k, v);
          touched.add(k);
          continue;
        }
        if (touched.contains(k)) {
          if (!Objects.equals(state.get(k), v)) {
            return true;
          }
          continue;
        }
        touched.add(k);
        state.put(k, v);
        if (v == null) {
          continue;
        }
        boolean committedFinal = false;
        boolean any = false;
        for (int u = 0; u < txns.size(); u++) {
          List<List<?>> ms = txns.get(u).mops();
          for (int j = 0; j < ms.size(); j++) {
            List<?> w = ms.get(j);
            if (w.get(0) == R || !w.get(1).equals(k) || !v.equals(w.get(2))) {
              continue;
            }
            any = true;
            if (u == t) {
              return true; // its own later write
            }
            if (!txns.get(u).ok() && !txns.get(u).info()) {
              continue;
            }
            boolean last = true;
            for (int j2 = j + 1; j2 < ms.size(); j2++) {
              last &= ms.get(j2).get(0) == R || !ms.get(j2).get(1).equals(k);
            }
            committedFinal |= last;
          }
        }
        if (!any || !committedFinal) {
          return true;
        }
      }
    }
    return false;
  }

  /** Committed writers, external readers, wr edges and the known facts. */
  private void index() {
    List<Object[]> ext = new ArrayList<>();
    for (int t = 0; t < txns.size(); t++) {
      if (!txns.get(t).ok()) {
        continue;
      }
      Set<Object> touched = new HashSet<>();
      for (List<?> m : txns.get(t).mops()) {
        Object k = m.get(1);
        if (m.get(0) == R && touched.add(k)) {
          ext.add(new Object[] {t, k, m.size() > 2 ? m.get(2) : null});
        }
        touched.add(k);
      }
    }
    Set<Integer> committed = new HashSet<>();
    for (int t = 0; t < txns.size(); t++) {
      if (txns.get(t).ok()) {
        committed.add(t);
      }
    }
    for (Object[] r : ext) {
      for (int t = 0; t < txns.size(); t++) {
        if (txns.get(t).info() && Objects.equals(finalWrites(t).get(r[1]), r[2]) && r[2] != null) {
          committed.add(t);
        }
      }
    }
    for (int t : committed) {
      for (var e : finalWrites(t).entrySet()) {
        writers.computeIfAbsent(e.getKey(), x -> new HashMap<>()).put(e.getValue(), t);
      }
    }
    for (Object[] r : ext) {
      readers.computeIfAbsent(r[1], x -> new HashMap<>()).computeIfAbsent(r[2], x -> new ArrayList<>())
          .add((Integer) r[0]);
      if (r[2] != null) {
        Integer w = writers.getOrDefault(r[1], Map.of()).get(r[2]);
        if (w != null && w != (int) (Integer) r[0]) {
          wr.add(new int[] {w, (Integer) r[0]});
        }
      }
    }
    for (Object k : writers.keySet()) {
      facts.put(k, new HashSet<>());
    }
    if (wfr) {
      for (int t = 0; t < txns.size(); t++) {
        if (!txns.get(t).ok()) {
          continue;
        }
        Map<Object, Object> first = new HashMap<>();
        for (List<?> m : txns.get(t).mops()) {
          if (!first.containsKey(m.get(1))) {
            first.put(m.get(1), m.get(0) == R ? (m.size() > 2 ? m.get(2) : null) : "written");
          }
        }
        for (var e : finalWrites(t).entrySet()) {
          Object read = first.get(e.getKey());
          if (read != null && !"written".equals(read) && writers.get(e.getKey()).containsKey(read)) {
            facts.get(e.getKey()).add(List.of(read, e.getValue()));
          }
        }
      }
    }
    for (Object k : writers.keySet()) {
      close(k);
    }
  }

  private Map<Object, Object> finalWrites(int t) {
    Map<Object, Object> out = new HashMap<>();
    for (List<?> m : txns.get(t).mops()) {
      if (m.get(0) != R) {
        out.put(m.get(1), m.get(2));
      }
    }
    return out;
  }

  private void close(Object k) {
    Set<List<Object>> f = facts.get(k);
    boolean grew = true;
    while (grew) {
      grew = false;
      for (List<Object> a : new ArrayList<>(f)) {
        for (List<Object> b : new ArrayList<>(f)) {
          if (a.get(1).equals(b.get(0)) && f.add(List.of(a.get(0), b.get(1)))) {
            grew = true;
          }
        }
      }
    }
  }

  private void permute(Object k, List<Object> left, List<Object> prefix, List<List<Object>> out) {
    if (out.size() > MAX_ORDERS) {
      return;
    }
    if (left.isEmpty()) {
      out.add(new ArrayList<>(prefix));
      return;
    }
    for (Object v : left) {
      boolean ready = true;
      for (Object u : left) {
        ready &= u.equals(v) || !facts.get(k).contains(List.of(u, v));
      }
      if (ready) {
        List<Object> rest = new ArrayList<>(left);
        rest.remove(v);
        prefix.add(v);
        permute(k, rest, prefix, out);
        prefix.remove(prefix.size() - 1);
      }
    }
  }

  /** wr edges, plus ww and rw edges of every fact (nil precedes all), plus those of {@code order} for key k. */
  private List<int[]> edges(Object key, List<Object> order) {
    List<int[]> es = new ArrayList<>(wr);
    for (Object k : writers.keySet()) {
      Set<List<Object>> pairs = new HashSet<>(facts.get(k));
      for (Object v : writers.get(k).keySet()) {
        List<Object> p = new ArrayList<>();
        p.add(null);
        p.add(v);
        pairs.add(p);
      }
      if (k.equals(key)) {
        for (int i = 0; i < order.size(); i++) {
          for (int j = i + 1; j < order.size(); j++) {
            pairs.add(List.of(order.get(i), order.get(j)));
          }
        }
      }
      for (List<Object> p : pairs) {
        int wb = writers.get(k).get(p.get(1));
        if (p.get(0) != null) {
          es.add(new int[] {writers.get(k).get(p.get(0)), wb});
        }
        for (int r : readers.getOrDefault(k, new HashMap<>()).getOrDefault(p.get(0), List.of())) {
          es.add(new int[] {r, wb});
        }
      }
    }
    return es;
  }

  private boolean cyclic(List<int[]> es) {
    int n = txns.size();
    boolean[][] reach = new boolean[n][n];
    for (int[] e : es) {
      if (e[0] != e[1]) {
        reach[e[0]][e[1]] = true;
      }
    }
    for (int m = 0; m < n; m++) {
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          reach[i][j] |= reach[i][m] && reach[m][j];
        }
      }
    }
    for (int i = 0; i < n; i++) {
      if (reach[i][i]) {
        return true;
      }
    }
    return false;
  }
}
