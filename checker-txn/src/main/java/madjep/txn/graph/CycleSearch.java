package madjep.txn.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import madjep.history.edn.EdnVector;
import madjep.history.edn.Keyword;
import madjep.txn.model.ConsistencyModels;

/**
 * Searches one strongly connected component of a dependency graph for cycle anomalies, worst first (Elle's order:
 * {@link ConsistencyModels#SEARCH_ORDER}), skipping types that a found anomaly already implies or that the component
 * provably cannot contain. Every type but G-nonadjacent is found by breadth-first search for a shortest path, which
 * is complete: when the search says a type is absent, it is. The G-nonadjacent search is complete in practice and
 * bounded by a work budget; running out of it (or of the deadline) reports the type as timed out.
 *
 * <p>Not thread-safe: one instance per worker thread, reused across components.
 */
public final class CycleSearch {
  /** Work (edge visits) allowed per component for the G-nonadjacent fallback, per vertex plus edge. */
  static final int NONADJACENT_BUDGET_FACTOR = 64;
  /** How many candidate anti-dependency edges the G-nonadjacent search tries by BFS before its fallback. */
  static final int NONADJACENT_BFS_CANDIDATES = 64;

  private static final String[] BASES = {"G0", "G1c", "G-single-item", "G-nonadjacent-item", "G2-item"};
  /** Every cycle type Elle searches for, in its order. */
  public static final List<String> TYPES;

  static {
    List<String> all = new ArrayList<>();
    for (String b : new String[] {"G0", "G1c", "G-single-item", "G-single", "G-nonadjacent-item",
        "G-nonadjacent", "G2-item", "G2"}) {
      all.add(b);
      all.add(b + "-process");
      all.add(b + "-realtime");
    }
    all.sort(ConsistencyModels.SEARCH_ORDER);
    TYPES = List.copyOf(all);
  }

  private final Digraph g;
  /** Which order relationship the graph has: {@link Rels#PROCESS}, {@link Rels#REALTIME}, or 0. */
  private final int order;
  private final int[] localId;
  private final BooleanSupplier expired;

  // The component as a local graph.
  private int n;
  private int[] verts = new int[16];
  private int[] off = new int[17];
  private int[] tgt = new int[64];
  private byte[] rel = new byte[64];
  private byte[] lab = new byte[64];
  // BFS scratch.
  private int[] parent = new int[32];
  private int[] parentEdge = new int[32];
  private int[] queue = new int[32];
  private int[] seen = new int[32];
  private int stamp;
  private long work;

  /**
   * @param localId scratch array of the graph's size, shared by all searches (components are disjoint)
   * @param expired true once the deadline has passed
   */
  public CycleSearch(Digraph g, int order, int[] localId, BooleanSupplier expired) {
    this.g = g;
    this.order = order;
    this.localId = localId;
    this.expired = expired;
  }

  /** Searches the component made of {@code vertices} (sorted), numbered {@code comp} in {@code component}. */
  public SccResult search(int[] vertices, int[] component, int comp) {
    load(vertices, component, comp);
    List<SccResult.CycleExists> exists = new ArrayList<>();
    int existsMask = cycleExists(exists);
    int skip = impossibleTypes(existsMask);
    List<FoundCycle> found = new ArrayList<>();
    int searched = 0;
    int foundMask = 0;
    String timedOut = null;
    for (int t = 0; t < TYPES.size(); t++) {
      if ((skip & (1 << t)) != 0) {
        continue;
      }
      if (expired.getAsBoolean()) {
        timedOut = TYPES.get(t);
        break;
      }
      FoundCycle c;
      try {
        c = find(TYPES.get(t));
      } catch (BudgetExceeded e) {
        timedOut = TYPES.get(t);
        break;
      }
      searched |= 1 << t;
      if (c != null) {
        int ct = TYPES.indexOf(c.type());
        if ((skip & (1 << ct)) == 0) {
          found.add(c);
          foundMask |= 1 << ct;
          skip |= IMPLIED[ct];
        }
      }
    }
    List<String> notFound = new ArrayList<>();
    if (timedOut != null) {
      for (int t = 0; t < TYPES.size(); t++) {
        if ((searched & (1 << t)) != 0 && (foundMask & (1 << t)) == 0) {
          notFound.add(TYPES.get(t));
        }
      }
    }
    return new SccResult(n, found, exists, timedOut, notFound);
  }

  private void load(int[] vertices, int[] component, int comp) {
    n = vertices.length;
    if (verts.length < n) {
      verts = new int[n];
      off = new int[n + 1];
      parent = new int[2 * n];
      parentEdge = new int[2 * n];
      queue = new int[2 * n];
      seen = new int[2 * n];
      stamp = 0;
    }
    for (int i = 0; i < n; i++) {
      verts[i] = vertices[i];
      localId[vertices[i]] = i;
    }
    int m = 0;
    for (int i = 0; i < n; i++) {
      off[i] = m;
      int v = vertices[i];
      for (int e = g.offset[v]; e < g.offset[v + 1]; e++) {
        int w = g.target[e];
        if (component[w] != comp) {
          continue;
        }
        if (m == tgt.length) {
          tgt = Arrays.copyOf(tgt, m * 2);
          rel = Arrays.copyOf(rel, m * 2);
          lab = Arrays.copyOf(lab, m * 2);
        }
        tgt[m] = localId[w];
        rel[m] = g.rels[e];
        lab[m] = (byte) Rels.label(g.rels[e]);
        m++;
      }
    }
    off[n] = m;
  }

  // ---------------------------------------------------------------- cycle existence (Elle's cycle-exists specs)

  private record Spec(String model, int a, int b, Object subgraph) {}

  private static final Keyword UNION = Keyword.of("union");
  private static final Keyword EXTENSION = Keyword.of("extension");

  private static Object union(String... names) {
    Object[] items = new Object[names.length + 1];
    items[0] = UNION;
    for (int i = 0; i < names.length; i++) {
      items[i + 1] = Keyword.of(names[i]);
    }
    return EdnVector.of(items);
  }

  private static final List<Spec> SPECS = List.of(
      new Spec("PL-1", Rels.WW, 0, union("ww", "wwp")),
      new Spec("PL-2", Rels.A, 0, union("ww", "wwp", "wr", "wrp")),
      new Spec("PL-SI", Rels.A, Rels.RW,
          EdnVector.of(EXTENSION, union("ww", "wwp", "wr", "wrp"), union("rw", "rwp"))),
      new Spec("PL-2.99", Rels.A | Rels.RW, 0, union("ww", "wwp", "wr", "wrp", "rw")),
      new Spec("PL-3", Rels.A | Rels.RW, 0, union("ww", "wwp", "wr", "wrp", "rw", "rwp")),
      new Spec("strong-session-PL-1", Rels.WW | Rels.PROCESS, 0, union("ww", "wwp", "process")),
      new Spec("strong-session-PL-2", Rels.A | Rels.PROCESS, 0, union("ww", "wwp", "wr", "wrp", "process")),
      new Spec("strong-session-snapshot-isolation", Rels.A | Rels.PROCESS, Rels.RW,
          EdnVector.of(EXTENSION, union("ww", "wwp", "wr", "wrp", "process"), union("rw", "rwp"))),
      new Spec("strong-session-serializable", Rels.A | Rels.RW | Rels.PROCESS, 0,
          union("ww", "wwp", "wr", "wrp", "rw", "rwp", "process")),
      new Spec("strong-PL-1", Rels.WW | Rels.REALTIME, 0, union("ww", "wwp", "realtime")),
      new Spec("strong-PL-2", Rels.A | Rels.REALTIME, 0, union("ww", "wwp", "wr", "wrp", "realtime")),
      new Spec("strong-snapshot-isolation", Rels.A | Rels.REALTIME, Rels.RW,
          EdnVector.of(EXTENSION, union("ww", "wwp", "wr", "wrp", "realtime"), union("rw", "rwp"))),
      new Spec("PL-SS", Rels.A | Rels.RW | Rels.REALTIME, 0,
          union("ww", "wwp", "wr", "wrp", "rw", "rwp", "realtime")));

  private int cycleExists(List<SccResult.CycleExists> out) {
    int mask = 0;
    int redundant = 0;
    for (int i = 0; i < SPECS.size(); i++) {
      if ((redundant & (1 << i)) != 0) {
        continue;
      }
      Spec s = SPECS.get(i);
      int[] scc = s.b == 0 ? smallestCycleComponent(s.a) : smallestExtensionComponent(s.a, s.b);
      if (scc != null) {
        out.add(new SccResult.CycleExists(s.model, s.subgraph, scc));
        mask |= 1 << i;
        redundant |= SPEC_REDUNDANT[i];
      }
    }
    return mask;
  }

  /** The cycle types (bits over {@link #TYPES}) a component cannot contain, given which specs found a cycle. */
  private static int impossibleTypes(int existsMask) {
    return IMPOSSIBLE_CACHE.computeIfAbsent(existsMask, m -> {
      List<String> notModels = new ArrayList<>();
      for (int i = 0; i < SPECS.size(); i++) {
        if ((m & (1 << i)) != 0) {
          notModels.add(SPECS.get(i).model);
        }
      }
      Set<String> impossible = ConsistencyModels.allImpossible(notModels);
      List<String> possible = new ArrayList<>();
      for (Spec s : SPECS) {
        if (!impossible.contains(s.model)) {
          possible.add(s.model);
        }
      }
      Set<String> prohibited = ConsistencyModels.prohibitedBy(possible);
      int skip = 0;
      for (int t = 0; t < TYPES.size(); t++) {
        if (prohibited.contains(TYPES.get(t))) {
          skip |= 1 << t;
        }
      }
      return skip;
    });
  }

  private static final java.util.concurrent.ConcurrentHashMap<Integer, Integer> IMPOSSIBLE_CACHE =
      new java.util.concurrent.ConcurrentHashMap<>();
  /** For each spec, the specs whose models its cycle also rules out. */
  private static final int[] SPEC_REDUNDANT = new int[SPECS.size()];
  /** For each type, the types (itself included) that it implies. */
  private static final int[] IMPLIED = new int[TYPES.size()];

  static {
    for (int i = 0; i < SPECS.size(); i++) {
      Set<String> imp = ConsistencyModels.allImpossible(List.of(SPECS.get(i).model));
      for (int j = 0; j < SPECS.size(); j++) {
        if (imp.contains(SPECS.get(j).model)) {
          SPEC_REDUNDANT[i] |= 1 << j;
        }
      }
    }
    for (int t = 0; t < TYPES.size(); t++) {
      Set<String> imp = ConsistencyModels.allImplied(List.of(TYPES.get(t)));
      for (int u = 0; u < TYPES.size(); u++) {
        if (imp.contains(TYPES.get(u))) {
          IMPLIED[t] |= 1 << u;
        }
      }
    }
  }

  /** Global vertices of the smallest nontrivial component of the edges with relationships in {@code mask}. */
  private int[] smallestCycleComponent(int mask) {
    if (!hasEdges(mask)) {
      return null;
    }
    Scc s = Scc.of(n, off, tgt, rel, mask);
    return smallest(s, null);
  }

  private int[] smallestExtensionComponent(int a, int b) {
    if (!hasEdges(b)) {
      return null;
    }
    // The sequential extension A ∪ (A;B): a cycle in it is a cycle whose B edges each follow an A edge.
    int[] eoff = new int[n + 1];
    int[] etgt = new int[Math.max(16, off[n])];
    int m = 0;
    boolean[] self = new boolean[n];
    for (int v = 0; v < n; v++) {
      eoff[v] = m;
      for (int e = off[v]; e < off[v + 1]; e++) {
        if ((rel[e] & a) == 0) {
          continue;
        }
        int w = tgt[e];
        if (m == etgt.length) {
          etgt = Arrays.copyOf(etgt, m * 2);
        }
        etgt[m++] = w;
        for (int f = off[w]; f < off[w + 1]; f++) {
          if ((rel[f] & b) == 0) {
            continue;
          }
          int x = tgt[f];
          if (x == v) {
            self[v] = true;
            continue;
          }
          if (m == etgt.length) {
            etgt = Arrays.copyOf(etgt, m * 2);
          }
          etgt[m++] = x;
        }
      }
    }
    eoff[n] = m;
    byte[] all = new byte[m];
    Arrays.fill(all, (byte) 1);
    Scc s = Scc.of(n, eoff, etgt, all, 1);
    return smallest(s, self);
  }

  private int[] smallest(Scc s, boolean[] self) {
    int best = -1;
    int bestSize = Integer.MAX_VALUE;
    for (int v = 0; v < n; v++) {
      int c = s.component[v];
      int size = s.sizes[c];
      boolean nontrivial = size > 1 || (self != null && self[v]);
      if (nontrivial && size < bestSize) {
        best = c;
        bestSize = size;
      }
    }
    if (best < 0) {
      return null;
    }
    int[] out = new int[bestSize];
    int k = 0;
    for (int v = 0; v < n; v++) {
      if (s.component[v] == best) {
        out[k++] = verts[v];
      }
    }
    return out;
  }

  private boolean hasEdges(int mask) {
    for (int e = 0; e < off[n]; e++) {
      if ((rel[e] & mask) != 0) {
        return true;
      }
    }
    return false;
  }

  private boolean hasLabels(int mask) {
    for (int e = 0; e < off[n]; e++) {
      if ((lab[e] & mask) != 0) {
        return true;
      }
    }
    return false;
  }

  // ---------------------------------------------------------------- typed searches

  private FoundCycle find(String type) {
    int variant = 0;
    String base = type;
    if (type.endsWith("-process")) {
      variant = Rels.PROCESS;
      base = type.substring(0, type.length() - "-process".length());
    } else if (type.endsWith("-realtime")) {
      variant = Rels.REALTIME;
      base = type.substring(0, type.length() - "-realtime".length());
    }
    if (variant != 0 && variant != order) {
      return null;
    }
    int o = variant;
    if (variant != 0 && !hasLabels(variant)) {
      return null;
    }
    int[] cycle;
    switch (base) {
      case "G0" -> cycle = shortestCycle(Rels.WW | o);
      case "G1c" -> cycle = hasLabels(Rels.WR) ? shortestCycle(Rels.A | o) : null;
      case "G-single-item" -> cycle = throughRw(Rels.A | o);
      case "G-nonadjacent-item" -> cycle = nonadjacent(Rels.A | o);
      case "G2-item" -> cycle = throughRw(Rels.A | Rels.RW | o);
      default -> cycle = null; // predicate variants: list-append and rw-register have no predicate edges
    }
    if (cycle == null) {
      return null;
    }
    return explain(cycle);
  }

  /** A found local cycle as global vertices with step labels and Elle's classification. */
  private FoundCycle explain(int[] cycle) {
    int k = cycle.length;
    int[] global = new int[k];
    int[] labels = new int[k];
    for (int i = 0; i < k; i++) {
      int a = cycle[i];
      int b = cycle[(i + 1) % k];
      global[i] = verts[a];
      for (int e = off[a]; e < off[a + 1]; e++) {
        if (tgt[e] == b) {
          labels[i] = lab[e];
          break;
        }
      }
    }
    String type = FoundCycle.classify(labels);
    return type == null ? null : new FoundCycle(type, global, labels);
  }

  /** A shortest cycle among edges labeled in {@code mask}, in the smallest component that has one. */
  private int[] shortestCycle(int mask) {
    if (!hasLabels(mask)) {
      return null;
    }
    Scc s = Scc.of(n, off, tgt, lab, mask);
    int best = -1;
    int bestSize = Integer.MAX_VALUE;
    for (int v = 0; v < n; v++) {
      int size = s.sizes[s.component[v]];
      if (size > 1 && size < bestSize) {
        best = v;
        bestSize = size;
      }
    }
    if (best < 0) {
      return null;
    }
    // Shortest cycle through `best`: BFS to each predecessor of best inside its component.
    int[] bestCycle = null;
    int[] dist = bfs(best, mask, s.component, s.component[best]);
    for (int u = 0; u < n; u++) {
      if (s.component[u] != s.component[best] || dist[u] < 0) {
        continue;
      }
      for (int e = off[u]; e < off[u + 1]; e++) {
        if (tgt[e] == best && (lab[e] & mask) != 0 && (bestCycle == null || dist[u] + 1 < bestCycle.length)) {
          bestCycle = pathTo(best, u, dist);
        }
      }
    }
    return bestCycle;
  }

  /** A cycle of one labeled anti-dependency u -> v closed by a shortest path v ~> u over labels in {@code mask}. */
  private int[] throughRw(int mask) {
    if (!hasLabels(Rels.RW)) {
      return null;
    }
    Scc s = Scc.of(n, off, tgt, lab, mask | Rels.RW);
    Scc inner = (mask & Rels.RW) != 0 ? s : Scc.of(n, off, tgt, lab, mask);
    for (int u = 0; u < n; u++) {
      for (int e = off[u]; e < off[u + 1]; e++) {
        int v = tgt[e];
        if (lab[e] != Rels.RW || inner.component[u] != inner.component[v]) {
          continue;
        }
        int[] dist = bfs(v, mask, inner.component, inner.component[v]);
        if (dist[u] < 0) {
          continue;
        }
        // path v ~> u, then u -rw-> v closes it; the cycle starts at u.
        int[] path = pathTo(v, u, dist);
        int[] cycle = new int[path.length];
        cycle[0] = u;
        System.arraycopy(path, 0, cycle, 1, path.length - 1);
        return cycle;
      }
    }
    return null;
  }

  /**
   * A cycle with two or more anti-dependencies, no two adjacent, the other steps labeled in {@code mask}. For each
   * candidate anti-dependency b -> c, a BFS over (vertex, last step was rw) states finds a shortest closing walk c ~>
   * b; a walk that repeats a vertex is not a cycle, so after a number of candidates a bounded depth-first search over
   * simple paths takes over.
   */
  private int[] nonadjacent(int mask) {
    if (!hasLabels(Rels.RW)) {
      return null;
    }
    int[] ext = smallestExtensionComponentLabels(mask);
    if (ext == null) {
      return null;
    }
    int tried = 0;
    for (int b = 0; b < n && tried < NONADJACENT_BFS_CANDIDATES; b++) {
      for (int e = off[b]; e < off[b + 1]; e++) {
        if (lab[e] != Rels.RW) {
          continue;
        }
        int c = tgt[e];
        tried++;
        int[] walk = stateBfs(c, b, mask);
        if (walk != null && simple(walk)) {
          int[] cycle = new int[walk.length];
          cycle[0] = b;
          System.arraycopy(walk, 0, cycle, 1, walk.length - 1);
          return cycle;
        }
      }
    }
    return nonadjacentDfs(mask);
  }

  /** Nonzero when the extension (labels in mask) ; rw has a nontrivial component. */
  private int[] smallestExtensionComponentLabels(int mask) {
    byte[] saved = rel;
    rel = lab;
    try {
      return smallestExtensionComponent(mask, Rels.RW);
    } finally {
      rel = saved;
    }
  }

  /** Shortest walk from (c, after rw) to (b, after a non-rw step) with no two rw steps in a row. */
  private int[] stateBfs(int c, int b, int mask) {
    int s = nextStamp();
    int head = 0;
    int tail = 0;
    int start = c * 2 + 1;
    seen[start] = s;
    parent[start] = -1;
    queue[tail++] = start;
    int goal = b * 2;
    while (head < tail) {
      int st = queue[head++];
      int x = st >> 1;
      boolean afterRw = (st & 1) != 0;
      for (int e = off[x]; e < off[x + 1]; e++) {
        tick();
        int l = lab[e];
        int y = tgt[e];
        int next;
        if (l == Rels.RW) {
          if (afterRw) {
            continue;
          }
          next = y * 2 + 1;
        } else if ((l & mask) != 0) {
          next = y * 2;
        } else {
          continue;
        }
        if (seen[next] == s) {
          continue;
        }
        seen[next] = s;
        parent[next] = st;
        if (next == goal) {
          int len = 1;
          for (int p = next; parent[p] >= 0; p = parent[p]) {
            len++;
          }
          int[] walk = new int[len];
          int i = len - 1;
          for (int p = next; p >= 0; p = parent[p]) {
            walk[i--] = p >> 1;
          }
          return walk;
        }
        queue[tail++] = next;
      }
    }
    return null;
  }

  private boolean simple(int[] walk) {
    int s = nextStamp();
    for (int v : walk) {
      if (seen[v] == s) {
        return false;
      }
      seen[v] = s;
    }
    return true;
  }

  /** Depth-first search over simple cycles with nonadjacent rw steps (two or more of them), within a budget. */
  private int[] nonadjacentDfs(int mask) {
    long budget = (long) NONADJACENT_BUDGET_FACTOR * (n + off[n]) + 100_000;
    long limit = work + budget;
    boolean[] onPath = new boolean[n];
    int[] pathV = new int[n + 1];
    int[] pathE = new int[n + 1];
    int[] pathL = new int[n + 1];
    for (int start = 0; start < n; start++) {
      // Cycles through `start` using only vertices >= start: each cycle is found from its least vertex.
      int depth = 0;
      pathV[0] = start;
      pathE[0] = off[start];
      pathL[0] = 0;
      onPath[start] = true;
      while (depth >= 0) {
        if (work > limit) {
          throw new BudgetExceeded();
        }
        int x = pathV[depth];
        boolean advanced = false;
        while (pathE[depth] < off[x + 1]) {
          int e = pathE[depth]++;
          tick();
          int y = tgt[e];
          int l = lab[e];
          boolean isRw = l == Rels.RW;
          if (!isRw && (l & mask) == 0) {
            continue;
          }
          boolean lastRw = depth > 0 && pathL[depth] == Rels.RW;
          if (isRw && lastRw) {
            continue;
          }
          if (y == start) {
            boolean firstRw = depth > 0 ? pathL[1] == Rels.RW : isRw;
            if (isRw && firstRw && depth > 0) {
              continue;
            }
            int rws = isRw ? 1 : 0;
            for (int i = 1; i <= depth; i++) {
              rws += pathL[i] == Rels.RW ? 1 : 0;
            }
            if (rws >= 2) {
              int[] cycle = Arrays.copyOf(pathV, depth + 1);
              onPath[start] = false;
              for (int i = 1; i <= depth; i++) {
                onPath[pathV[i]] = false;
              }
              return cycle;
            }
            continue;
          }
          if (y < start || onPath[y]) {
            continue;
          }
          depth++;
          pathV[depth] = y;
          pathE[depth] = off[y];
          pathL[depth] = l;
          onPath[y] = true;
          advanced = true;
          break;
        }
        if (!advanced) {
          onPath[x] = false;
          depth--;
        }
      }
    }
    return null;
  }

  /** BFS distances from {@code from} over labels in mask, within one component; -1 unreached. */
  private int[] bfs(int from, int mask, int[] comp, int c) {
    int[] dist = new int[n];
    Arrays.fill(dist, -1);
    int head = 0;
    int tail = 0;
    dist[from] = 0;
    parent[from] = -1;
    queue[tail++] = from;
    while (head < tail) {
      int x = queue[head++];
      for (int e = off[x]; e < off[x + 1]; e++) {
        tick();
        int y = tgt[e];
        if ((lab[e] & mask) == 0 || dist[y] >= 0 || comp[y] != c) {
          continue;
        }
        dist[y] = dist[x] + 1;
        parent[y] = x;
        queue[tail++] = y;
      }
    }
    return dist;
  }

  /** The BFS path from -> to as vertices (from first), using parents of the last {@link #bfs}. */
  private int[] pathTo(int from, int to, int[] dist) {
    int[] path = new int[dist[to] + 1];
    int v = to;
    for (int i = path.length - 1; i >= 0; i--) {
      path[i] = v;
      v = i > 0 ? parent[v] : v;
    }
    return path;
  }

  private int nextStamp() {
    if (++stamp == Integer.MAX_VALUE) {
      Arrays.fill(seen, 0);
      stamp = 1;
    }
    return stamp;
  }

  private void tick() {
    if ((++work & 0xFFFF) == 0 && expired.getAsBoolean()) {
      throw new BudgetExceeded();
    }
  }

  /** The search ran out of its work budget or its deadline. */
  static final class BudgetExceeded extends RuntimeException {
    BudgetExceeded() {
      super(null, null, false, false);
    }
  }
}
