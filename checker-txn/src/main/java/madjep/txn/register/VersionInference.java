package madjep.txn.register;

import it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import madjep.history.edn.Edn;
import madjep.history.edn.EdnParser;
import madjep.history.edn.EdnVector;
import madjep.history.edn.Keyword;
import madjep.history.txn.TxnHistory;
import madjep.txn.Analysis;
import madjep.txn.Deadline;
import madjep.txn.ExplainedAnomaly;
import madjep.txn.Step;
import madjep.txn.graph.Digraph;
import madjep.txn.graph.Rels;

/**
 * Orders register versions that no fact orders, by refutation, never by a guess. For a key with few orders left
 * ({@value #MAX_ORDERS} at most: a "small key"), each order its known facts allow is tried against the dependency
 * graph, with every version order known or inferred so far; an order that closes a cycle the models prohibit cannot
 * be the key's order in any execution they allow. What every surviving order agrees on becomes a fact (its ww and rw
 * edges join the graph), and the keys are tried again until nothing changes. A key with no surviving order is a
 * violation: {@code unorderable-versions}, with the cycle each order closes.
 *
 * <p>The reasoning holds only under the models' own assumption that no prohibited cycle exists, so what it proves is
 * only that they are violated: the anomaly implies G2 (or G2-process, G2-realtime when process or real-time edges
 * took part), never a weaker model's anomaly.
 */
final class VersionInference {
  /** The most orders tried for one key. */
  static final int MAX_ORDERS = 24;
  /** The most versions a key may have to be tried (beyond that, even ordered ones are not enumerated). */
  static final int MAX_VALUES = 12;
  /** Edge visits allowed per vertex and edge of the graph, summed over every search. */
  static final int BUDGET_FACTOR = 8;

  private static final Keyword KEY = Keyword.of("key");
  private static final Keyword VALUES = Keyword.of("values");
  private static final Keyword ORDERS = Keyword.of("orders");
  private static final Keyword ORDER = Keyword.of("order");
  private static final Keyword CYCLE = Keyword.of("cycle");
  private static final Keyword STEPS = Keyword.of("steps");
  private static final Keyword INFERRED = Keyword.of("inferred");

  private final RwRegister rr;
  private final TxnHistory h;
  private final Digraph g;
  private final int mask;
  private final Deadline deadline;
  private final String type;
  private long budget;
  // Inferred edges: per source vertex a chain; each with its key, versions and kind.
  private final Int2IntOpenHashMap extraHead = new Int2IntOpenHashMap();
  private final IntArrayList exNext = new IntArrayList();
  private final IntArrayList exDst = new IntArrayList();
  private final IntArrayList exKey = new IntArrayList();
  private final LongArrayList exV1 = new LongArrayList();
  private final LongArrayList exV2 = new LongArrayList();
  private final IntArrayList exRel = new IntArrayList();
  /** The facts inferred, as "key v1 < v2" data, in order. */
  private final List<Object> inferred = new ArrayList<>();
  // Trial edges of the order being tried.
  private final IntArrayList trSrc = new IntArrayList();
  private final IntArrayList trDst = new IntArrayList();
  private final LongArrayList trV1 = new LongArrayList();
  private final LongArrayList trV2 = new LongArrayList();
  private final IntArrayList trRel = new IntArrayList();
  private int trKey;
  // Search scratch.
  private final int[] parent;
  private final int[] via;
  private final IntArrayList seen = new IntArrayList();

  private VersionInference(RwRegister rr, Digraph g, int mask, Deadline deadline) {
    this.rr = rr;
    this.h = rr.history();
    this.g = g;
    this.mask = mask;
    this.deadline = deadline;
    this.type = (mask & Rels.REALTIME) != 0 ? RwRegister.UNORDERABLE + "-realtime"
        : (mask & Rels.PROCESS) != 0 ? RwRegister.UNORDERABLE + "-process" : RwRegister.UNORDERABLE;
    this.budget = (long) BUDGET_FACTOR * (g.size() + g.edgeCount()) + 100_000;
    extraHead.defaultReturnValue(-1);
    parent = new int[g.size()];
    via = new int[g.size()];
    java.util.Arrays.fill(parent, -2);
  }

  static void run(RwRegister rr, Digraph g, int mask, Deadline deadline, Analysis into) {
    new VersionInference(rr, g, mask, deadline).run(into);
  }

  /** One key: its committed versions, their writers, and which must precede which. */
  private final class Key {
    final int k;
    final long[] values;
    final int[] writer;
    final long[] before;

    Key(int k, long[] values, int[] writer, long[] before) {
      this.k = k;
      this.values = values;
      this.writer = writer;
      this.before = before;
    }
  }

  private void run(Analysis into) {
    List<Key> keys = keys();
    boolean changed = true;
    while (changed) {
      changed = false;
      for (Key key : keys) {
        if (budget < 0 || deadline.expired()) {
          return;
        }
        List<int[]> orders = orders(key);
        if (orders == null || orders.size() < 2) {
          continue;
        }
        List<int[]> survivors = new ArrayList<>();
        List<Object[]> refuted = new ArrayList<>();
        for (int[] order : orders) {
          Object[] cycle = tryOrder(key, order);
          if (budget < 0) {
            return;
          }
          if (cycle == null) {
            survivors.add(order);
          } else {
            refuted.add(new Object[] {order, cycle});
          }
        }
        if (survivors.isEmpty()) {
          into.add(type, List.of(report(key, refuted)));
          return;
        }
        changed |= adopt(key, survivors);
      }
    }
  }

  /** Keys with at least two committed versions (and at most {@value #MAX_VALUES}), with their known order. */
  private List<Key> keys() {
    Map<Integer, LongArrayList> values = new java.util.TreeMap<>();
    Map<Integer, IntArrayList> writers = new java.util.HashMap<>();
    for (int t = 0; t < h.size(); t++) {
      if (!rr.isCommitted(t)) {
        continue;
      }
      for (int m = h.mopStart(t); m < h.mopStart(t + 1); m++) {
        if (rr.isExtWrite(m) && rr.committedWriterOf(h.mopKey(m), h.mopValue(m)) == m) {
          values.computeIfAbsent(h.mopKey(m), x -> new LongArrayList()).add(h.mopValue(m));
          writers.computeIfAbsent(h.mopKey(m), x -> new IntArrayList()).add(t);
        }
      }
    }
    List<Key> out = new ArrayList<>();
    for (var e : values.entrySet()) {
      long[] vs = e.getValue().toLongArray();
      if (vs.length < 2 || vs.length > MAX_VALUES) {
        continue;
      }
      out.add(new Key(e.getKey(), vs, writers.get(e.getKey()).toIntArray(), rr.knownOrder(e.getKey(), vs)));
    }
    return out;
  }

  /** Every order of the key's versions its facts allow, or null when there are more than {@value #MAX_ORDERS}. */
  private List<int[]> orders(Key key) {
    List<int[]> out = new ArrayList<>();
    int[] seq = new int[key.values.length];
    return extend(key, seq, 0, 0L, out) ? out : null;
  }

  private boolean extend(Key key, int[] seq, int depth, long placed, List<int[]> out) {
    if (depth == seq.length) {
      out.add(seq.clone());
      return out.size() <= MAX_ORDERS;
    }
    for (int i = 0; i < seq.length; i++) {
      if ((placed & (1L << i)) == 0 && (key.before[i] & ~placed) == 0) {
        seq[depth] = i;
        if (!extend(key, seq, depth + 1, placed | (1L << i), out)) {
          return false;
        }
      }
    }
    return true;
  }

  /** Adds the facts every surviving order agrees on; true when one is new. */
  private boolean adopt(Key key, List<int[]> survivors) {
    int n = key.values.length;
    boolean added = false;
    for (int a = 0; a < n; a++) {
      for (int b = 0; b < n; b++) {
        if (a == b || (key.before[b] & (1L << a)) != 0) {
          continue;
        }
        boolean always = true;
        for (int[] order : survivors) {
          if (position(order, a) > position(order, b)) {
            always = false;
            break;
          }
        }
        if (always) {
          key.before[b] |= 1L << a;
          added = true;
          addEdges(key, a, b);
          inferred.add(EdnVector.of(h.key(key.k), h.valueObject(key.values[a]), h.valueObject(key.values[b])));
        }
      }
    }
    return added;
  }

  private static int position(int[] order, int v) {
    for (int i = 0; i < order.length; i++) {
      if (order[i] == v) {
        return i;
      }
    }
    return -1;
  }

  /** ww from a's writer and rw from a's readers, to b's writer, as inferred edges. */
  private void addEdges(Key key, int a, int b) {
    int wb = key.writer[b];
    long va = key.values[a];
    long vb = key.values[b];
    extra(key.writer[a], wb, key.k, va, vb, Rels.WW);
    IntArrayList readers = rr.readersOf(key.k, va);
    for (int i = 0; i < readers.size(); i++) {
      extra(readers.getInt(i), wb, key.k, va, vb, Rels.RW);
    }
  }

  private void extra(int u, int w, int k, long v1, long v2, int rel) {
    if (u == w) {
      return;
    }
    exNext.add(extraHead.get(u));
    extraHead.put(u, exDst.size());
    exDst.add(w);
    exKey.add(k);
    exV1.add(v1);
    exV2.add(v2);
    exRel.add(rel);
  }

  // ---------------------------------------------------------------- trying an order

  /** The cycle the order closes as {vertices, edge provenances}, or null. */
  private Object[] tryOrder(Key key, int[] order) {
    trSrc.clear();
    trDst.clear();
    trV1.clear();
    trV2.clear();
    trRel.clear();
    trKey = key.k;
    long prev = TxnHistory.NIL;
    int prevWriter = -1;
    for (int i : order) {
      int w = key.writer[i];
      long v = key.values[i];
      if (prevWriter >= 0) {
        trial(prevWriter, w, prev, v, Rels.WW);
      }
      IntArrayList readers = rr.readersOf(key.k, prev);
      for (int j = 0; j < readers.size(); j++) {
        trial(readers.getInt(j), w, prev, v, Rels.RW);
      }
      prev = v;
      prevWriter = w;
    }
    for (int e = 0; e < trSrc.size(); e++) {
      int[] path = search(trDst.getInt(e), trSrc.getInt(e), key.k);
      if (budget < 0) {
        return null;
      }
      if (path != null) {
        // path: vertices y .. x and their incoming provenances; closed by the trial edge x -> y.
        int n = path.length / 2;
        int[] vertices = java.util.Arrays.copyOf(path, n);
        List<Step> steps = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          int edge = i + 1 < n ? path[n + i + 1] : TRIAL - e;
          steps.add(step(vertices[i], vertices[(i + 1) % n], edge));
        }
        return new Object[] {vertices, steps};
      }
    }
    return null;
  }

  private void trial(int u, int w, long v1, long v2, int rel) {
    if (u != w) {
      trSrc.add(u);
      trDst.add(w);
      trV1.add(v1);
      trV2.add(v2);
      trRel.add(rel);
    }
  }

  /**
   * Breadth-first from y to x over the graph's edges in the mask, the inferred edges and the trial ones; returns the
   * path as vertices then provenances (edge ids: graph e, inferred -1 - i, trial -1_000_000_000 - i), or null.
   */
  private int[] search(int y, int x, int k) {
    IntArrayList queue = seen;
    queue.clear();
    queue.add(y);
    parent[y] = -1;
    int found = -1;
    for (int head = 0; head < queue.size() && found < 0; head++) {
      int u = queue.getInt(head);
      for (int e = g.start(u); e < g.end(u) && found < 0; e++) {
        budget--;
        if ((g.rels(e) & mask) != 0) {
          found = visit(queue, u, g.target(e), e, x);
        }
      }
      for (int i = extraHead.get(u); i >= 0 && found < 0; i = exNext.getInt(i)) {
        budget--;
        found = visit(queue, u, exDst.getInt(i), -1 - i, x);
      }
      for (int i = 0; i < trSrc.size() && found < 0; i++) {
        if (trSrc.getInt(i) == u) {
          budget--;
          found = visit(queue, u, trDst.getInt(i), TRIAL - i, x);
        }
      }
    }
    int[] path = null;
    if (found >= 0) {
      IntArrayList vs = new IntArrayList();
      IntArrayList es = new IntArrayList();
      for (int v = x; v != -1; v = parent[v]) {
        vs.add(v);
        es.add(via[v]);
      }
      int n = vs.size();
      path = new int[2 * n];
      for (int i = 0; i < n; i++) {
        path[i] = vs.getInt(n - 1 - i);
        path[n + i] = es.getInt(n - 1 - i);
      }
    }
    for (int i = 0; i < queue.size(); i++) {
      parent[queue.getInt(i)] = -2;
    }
    return path;
  }

  private static final int TRIAL = -1_000_000_000;

  private int visit(IntArrayList queue, int u, int w, int edge, int x) {
    if (parent[w] != -2) {
      return -1;
    }
    parent[w] = u;
    via[w] = edge;
    queue.add(w);
    return w == x ? w : -1;
  }

  // ---------------------------------------------------------------- explanation

  private ExplainedAnomaly report(Key key, List<Object[]> refuted) {
    List<Integer> named = new ArrayList<>();
    List<String> lines = new ArrayList<>();
    List<Object> orders = new ArrayList<>();
    List<Object> vs = new ArrayList<>();
    for (long v : key.values) {
      vs.add(h.valueObject(v));
    }
    lines.add("No order of key " + Edn.print(h.key(key.k)) + "'s versions " + Edn.print(EdnVector.copyOf(vs))
        + " avoids a dependency cycle; each order the known version facts allow closes one.");
    for (Object[] r : refuted) {
      int[] order = (int[]) r[0];
      Object[] cycle = (Object[]) r[1];
      int[] vertices = (int[]) cycle[0];
      @SuppressWarnings("unchecked")
      List<Step> cycleSteps = (List<Step>) cycle[1];
      int n = vertices.length;
      List<Object> ops = new ArrayList<>();
      List<Object> steps = new ArrayList<>();
      List<String> why = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        int a = vertices[i];
        int b = vertices[(i + 1) % n];
        String an = name(named, a);
        String bn = name(named, b);
        Step st = cycleSteps.get(i);
        steps.add(st.toData());
        ops.add(h.opData(a));
        why.add(an + " < " + bn + ", because " + st.explain(an, bn));
      }
      ops.add(h.opData(vertices[0]));
      List<Object> ov = new ArrayList<>();
      StringBuilder label = new StringBuilder("nil");
      for (int i : order) {
        ov.add(h.valueObject(key.values[i]));
        label.append(" < ").append(Edn.print(h.valueObject(key.values[i])));
      }
      lines.add("If " + label + ": " + String.join("; ", why) + ": a contradiction.");
      LinkedHashMap<Keyword, Object> o = new LinkedHashMap<>();
      o.put(ORDER, EdnVector.copyOf(ov));
      o.put(CYCLE, EdnVector.copyOf(ops));
      o.put(STEPS, EdnVector.copyOf(steps));
      orders.add(o);
    }
    if (!inferred.isEmpty()) {
      List<String> facts = new ArrayList<>();
      for (Object f : inferred) {
        List<?> v = (List<?>) f;
        facts.add(Edn.print(v.get(0)) + " " + Edn.print(v.get(1)) + " < " + Edn.print(v.get(2)));
      }
      lines.add("Inferred first, each because every other order closed a cycle: " + String.join(", ", facts) + ".");
    }
    LinkedHashMap<Keyword, Object> d = new LinkedHashMap<>();
    d.put(KEY, h.key(key.k));
    d.put(VALUES, EdnVector.copyOf(vs));
    d.put(ORDERS, EdnVector.copyOf(orders));
    if (!inferred.isEmpty()) {
      d.put(INFERRED, EdnVector.copyOf(inferred));
    }
    List<Map<Keyword, Object>> txns = new ArrayList<>();
    for (int t : named) {
      txns.add(h.opData(t));
    }
    return new ExplainedAnomaly(type, txns, d, lines);
  }

  private static String name(List<Integer> named, int t) {
    if (!named.contains(t)) {
      named.add(t);
    }
    return "T" + (named.indexOf(t) + 1);
  }

  /** The step of edge a -> b: a graph edge, an inferred one or a trial one. */
  private Step step(int a, int b, int edge) {
    if (edge >= 0) {
      int label = Rels.label(g.rels(edge) & mask);
      if (label == Rels.PROCESS) {
        return Step.process(EdnParser.box(h.process(a)));
      }
      if (label == Rels.REALTIME) {
        return Step.realtime(h.opData(a), h.invokeData(b));
      }
      return rr.explainEdge(a, b, label);
    }
    int k;
    long v1;
    long v2;
    int rel;
    if (edge <= TRIAL) {
      int i = TRIAL - edge;
      k = trKey;
      v1 = trV1.getLong(i);
      v2 = trV2.getLong(i);
      rel = trRel.getInt(i);
    } else {
      int i = -1 - edge;
      k = exKey.getInt(i);
      v1 = exV1.getLong(i);
      v2 = exV2.getLong(i);
      rel = exRel.getInt(i);
    }
    return rr.versionStep(a, b, k, v1, v2, rel, edge <= TRIAL);
  }
}
