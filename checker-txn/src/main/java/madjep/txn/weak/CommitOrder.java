package madjep.txn.weak;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import madjep.history.edn.Edn;
import madjep.history.edn.EdnVector;
import madjep.history.edn.Keyword;
import madjep.history.txn.TxnHistory;
import madjep.txn.Anomaly;
import madjep.txn.ExplainedAnomaly;
import madjep.txn.graph.Digraph;
import madjep.txn.graph.Scc;
import madjep.txn.weak.WeakIsolation.Level;

/**
 * The constraints on the commit order: session order, observation (a read's writers commit before it), list order
 * (a list read orders its writers), and the edges each level's visibility forces between register writers. A level
 * holds only if its constraints are acyclic; each strongly connected component is reported once, at the weakest level
 * whose constraints close it, with a shortest cycle explained edge by edge.
 */
final class CommitOrder {
  static final int SO = 1;
  static final int WR = 2;
  static final int ORDER = 4;
  /** Forced edges of read committed, read atomic, causal: {@code FORCED << level.ordinal()}. */
  static final int FORCED = 8;
  /** Why a writer was visible to a read: session order, causality, or else the index of the read that observed it. */
  static final int VIA_SESSION = -1;
  static final int VIA_CAUSAL = -2;

  private final Observations o;
  private final TxnHistory h;
  private final Digraph.Builder edges;
  private Digraph g;
  /** Per append mop (a run's first): the writer whose run last followed it in a list, and that read. */
  private final int[] orderNext;
  private final int[] orderRead;
  /** Per level: (a, b) -> reason id of the forced edge a -> b. */
  private final Long2IntOpenHashMap[] forced = new Long2IntOpenHashMap[3];
  private final IntArrayList reasonRead = new IntArrayList();
  private final IntArrayList reasonVia = new IntArrayList();
  private final Map<String, List<Anomaly>> violations = new LinkedHashMap<>();
  /** Paths for causal visibility, once the causal pass has run. */
  CausalVisibility causal;

  CommitOrder(Observations o) {
    this.o = o;
    this.h = o.h;
    this.edges = new Digraph.Builder(o.n, o.n + o.reads * 2);
    orderNext = o.lists ? new int[h.mopCount()] : null;
    orderRead = o.lists ? new int[h.mopCount()] : null;
    if (o.lists) {
      Arrays.fill(orderNext, -1);
    }
    for (int i = 0; i < 3; i++) {
      forced[i] = new Long2IntOpenHashMap();
      forced[i].defaultReturnValue(-1);
    }
    for (int t = 0; t < o.n; t++) {
      if (o.soPrev[t] >= 0) {
        edges.add(o.soPrev[t], t, SO);
      }
    }
    for (int r = 0; r < o.reads; r++) {
      int t = o.readTxn(r);
      if (!o.lists) {
        if (o.readWriter[r] >= 0) {
          edges.add(o.readWriter[r], t, WR);
        }
        continue;
      }
      int c = o.runCount[r];
      if (c == 0) {
        continue;
      }
      int st = o.runStart[r];
      // The last writer's observation and the list order imply the others' observations.
      edges.add(o.runTxn[st + c - 1], t, WR);
      if (o.shared[r]) {
        continue; // its order is its reference's, whose edges are added from the reference itself
      }
      // Reads of a key mostly repeat each other's order: an edge is added once per change of successor.
      for (int i = st; i + 1 < st + c; i++) {
        int m = o.runMop[i];
        int next = o.runTxn[i + 1];
        if (orderNext[m] != next) {
          orderNext[m] = next;
          orderRead[m] = r;
          edges.add(o.runTxn[i], next, ORDER);
        }
      }
    }
  }

  /** a must commit before b: read r observed b's write of its key while a's write of that key was visible to it. */
  void force(int a, int b, Level level, int read, int via) {
    Long2IntOpenHashMap m = forced[level.ordinal()];
    long key = ((long) a << 32) | b;
    if (m.get(key) >= 0) {
      return;
    }
    m.put(key, reasonRead.size());
    reasonRead.add(read);
    reasonVia.add(via);
    edges.add(a, b, FORCED << level.ordinal());
  }

  /** Records a read that missed a write visible to it. */
  void report(ExplainedAnomaly a) {
    violations.computeIfAbsent(a.type(), x -> new ArrayList<>()).add(a);
  }

  Map<String, List<Anomaly>> violations() {
    return violations;
  }

  void build() {
    g = edges.build();
  }

  Digraph graph() {
    return g;
  }

  static int mask(Level l) {
    int m = SO | WR | ORDER;
    for (int i = 0; i <= l.ordinal(); i++) {
      m |= FORCED << i;
    }
    return m;
  }

  // ---------------------------------------------------------------- cycles

  /** One explained shortest cycle per component that the level's constraints close and no weaker level's do. */
  List<Anomaly> cycles(Level level) {
    int mask = mask(level);
    Scc scc = Scc.of(g, mask);
    boolean[] weaker = new boolean[scc.count];
    if (level != Level.READ_COMMITTED) {
      Scc lower = Scc.of(g, mask(Level.values()[level.ordinal() - 1]));
      for (int v = 0; v < o.n; v++) {
        if (lower.sizes[lower.component[v]] > 1) {
          weaker[scc.component[v]] = true;
        }
      }
    }
    List<Anomaly> out = new ArrayList<>();
    boolean[] done = new boolean[scc.count];
    int[] parent = null;
    int[] parentEdge = null;
    int[] queue = null;
    for (int v = 0; v < o.n; v++) {
      int c = scc.component[v];
      if (scc.sizes[c] < 2 || done[c] || weaker[c]) {
        continue;
      }
      done[c] = true;
      if (parent == null) {
        parent = new int[o.n];
        parentEdge = new int[o.n];
        queue = new int[o.n];
        Arrays.fill(parent, -2);
      }
      int[] cycle = shortestCycle(v, c, scc.component, mask, parent, parentEdge, queue);
      out.add(explainCycle(level, cycle, mask));
    }
    return out;
  }

  /** The vertices and edge ids of a shortest cycle through v inside component c: {v, .., edges...}. */
  private int[] shortestCycle(int v, int c, int[] comp, int mask, int[] parent, int[] parentEdge, int[] queue) {
    int head = 0;
    int tail = 0;
    queue[tail++] = v;
    parent[v] = -1;
    int closing = -1;
    int last = -1;
    search:
    while (head < tail) {
      int u = queue[head++];
      for (int e = g.start(u); e < g.end(u); e++) {
        int w = g.target(e);
        if ((g.rels(e) & mask) == 0 || comp[w] != c) {
          continue;
        }
        if (w == v) {
          closing = e;
          last = u;
          break search;
        }
        if (parent[w] == -2) {
          parent[w] = u;
          parentEdge[w] = e;
          queue[tail++] = w;
        }
      }
    }
    IntArrayList verts = new IntArrayList();
    IntArrayList es = new IntArrayList();
    es.add(closing);
    for (int u = last; u != -1; u = parent[u]) {
      verts.add(u);
      if (parent[u] != -1) {
        es.add(parentEdge[u]);
      }
    }
    for (int i = 0; i < tail; i++) {
      parent[queue[i]] = -2;
    }
    int k = verts.size();
    int[] out = new int[2 * k];
    for (int i = 0; i < k; i++) {
      out[i] = verts.getInt(k - 1 - i);
      out[k + i] = es.getInt(k - 1 - i);
    }
    return out;
  }

  private ExplainedAnomaly explainCycle(Level level, int[] cycle, int mask) {
    int k = cycle.length / 2;
    String type = level == Level.READ_COMMITTED ? WeakIsolation.READ_COMMITTED_CYCLE
        : level == Level.READ_ATOMIC ? WeakIsolation.READ_ATOMIC_CYCLE : WeakIsolation.CAUSAL_CYCLE;
    Prose p = new Prose(o, type);
    for (int i = 0; i < k; i++) {
      p.name(cycle[i]);
    }
    // The readers whose visibility forced an edge are named too (after the cycle), so the report lists them.
    for (int i = 0; i < k; i++) {
      int rels = g.rels(cycle[k + i]) & mask;
      int rel = rels & -rels;
      if (rel >= FORCED) {
        int forcedBy = Integer.numberOfTrailingZeros(rel / FORCED);
        int id = forced[forcedBy].get(((long) cycle[i] << 32) | cycle[(i + 1) % k]);
        p.name(o.readTxn(reasonRead.getInt(id)));
      }
    }
    List<Object> steps = new ArrayList<>();
    List<Object> ops = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      int u = cycle[i];
      int w = cycle[(i + 1) % k];
      int rels = g.rels(cycle[k + i]) & mask;
      Object[] why = why(p, u, w, rels & -rels);
      String line = p.of(u) + " < " + p.of(w) + ", because " + why[0];
      p.line(i == k - 1 ? "However, " + line + ": a contradiction!" : line + ".");
      steps.add(why[1]);
      ops.add(h.opData(u));
    }
    ops.add(h.opData(cycle[0]));
    LinkedHashMap<Keyword, Object> d = new LinkedHashMap<>();
    d.put(Prose.CYCLE, EdnVector.copyOf(ops));
    d.put(Prose.STEPS, EdnVector.copyOf(steps));
    d.put(Prose.TYPE, Keyword.of(type));
    return p.build(d);
  }

  /** A read whose list shows u's appends right before w's. */
  private int orderRead(int u, int w) {
    for (int m = h.mopStart(u); m < h.mopStart(u + 1); m++) {
      if (o.writes[m] && orderNext[m] == w) {
        return orderRead[m];
      }
    }
    for (int r = 0; r < o.reads; r++) {
      for (int i = o.runStart[r]; i + 1 < o.runStart[r] + o.runCount[r]; i++) {
        if (o.runTxn[i] == u && o.runTxn[i + 1] == w) {
          return r;
        }
      }
    }
    throw new IllegalStateException("no list order " + u + " -> " + w);
  }

  /** {sentence, step data} for the edge u -> w of one relationship. */
  private Object[] why(Prose p, int u, int w, int rel) {
    if (rel == SO) {
      return new Object[] {p.session(u, w), p.processStep(u, w)};
    }
    if (rel == WR) {
      for (int r = o.readStart[w]; r < o.readStart[w + 1]; r++) {
        if (o.observes(r, u)) {
          return new Object[] {p.observed(r, u), p.observedStep(r, u)};
        }
      }
      throw new IllegalStateException("no observation for " + u + " -> " + w);
    }
    if (rel == ORDER) {
      int r = orderRead(u, w);
      int k = o.readKey[r];
      long e1 = p.runElement(r, u);
      long e2 = p.runElement(r, w);
      LinkedHashMap<Keyword, Object> s = new LinkedHashMap<>();
      s.put(Prose.TYPE, Keyword.of("ww"));
      s.put(Prose.KEY, h.key(k));
      s.put(Prose.VALUE, h.valueObject(e1));
      s.put(Keyword.of("value'"), h.valueObject(e2));
      s.put(Prose.MOP, h.mopData(o.readMop[r]));
      return new Object[] {p.read(r) + " shows " + p.write(u, k) + " before " + p.write(w, k), s};
    }
    int level = Integer.numberOfTrailingZeros(rel / FORCED);
    int id = forced[level].get(((long) u << 32) | w);
    int r = reasonRead.getInt(id);
    int via = reasonVia.getInt(id);
    int reader = o.readTxn(r);
    int k = o.readKey[r];
    String visible;
    if (via == VIA_SESSION) {
      visible = p.session(u, reader);
    } else if (via == VIA_CAUSAL) {
      visible = "it follows " + p.of(u) + " causally: " + causal.path(p, u, reader);
    } else {
      visible = p.observed(via, u);
    }
    String sentence = p.of(reader) + " read " + Edn.print(h.key(k)) + " = "
        + Edn.print(h.valueObject(h.mopValue(o.readMop[r]))) + ", written by " + p.of(w) + ", although "
        + p.write(u, k) + " was visible to it (" + visible + ")";
    LinkedHashMap<Keyword, Object> s = new LinkedHashMap<>();
    s.put(Prose.TYPE, Keyword.of(level == 0 ? "rc-visible" : level == 1 ? "ra-visible" : "causally-visible"));
    s.put(Prose.KEY, h.key(k));
    s.put(Prose.VALUE, h.valueObject(h.mopValue(o.firstWriteOf(u, k))));
    s.put(Keyword.of("value'"), h.valueObject(h.mopValue(o.readMop[r])));
    s.put(Prose.READER, h.opData(reader));
    return new Object[] {sentence, s};
  }
}
