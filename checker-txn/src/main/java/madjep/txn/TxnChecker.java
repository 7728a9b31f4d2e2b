package madjep.txn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import madjep.history.History;
import madjep.history.Verdict;
import madjep.history.edn.EdnParser;
import madjep.history.edn.Keyword;
import madjep.history.txn.TxnHistories;
import madjep.history.txn.TxnHistory;
import madjep.txn.append.ListAppend;
import madjep.txn.graph.CycleSearch;
import madjep.txn.graph.Digraph;
import madjep.txn.graph.FoundCycle;
import madjep.txn.graph.Rels;
import madjep.txn.graph.Scc;
import madjep.txn.graph.SccResult;
import madjep.txn.model.ConsistencyModels;
import madjep.txn.register.RwRegister;
import madjep.txn.weak.WeakIsolation;

/**
 * Elle's transactional checker as a pure function: a history of transactions and {@link TxnOptions} in, a {@link
 * TxnResult} out. No I/O; the clock is read only through {@link TxnOptions#deadline()}.
 *
 * <p>Where Elle is silent or fails, this checker reports more, never less: a read of an element or value nobody
 * wrote ({@value #GARBAGE_READ}, prohibited wherever duplicate elements are), a transaction's appends observed out of
 * their own order (as {@code incompatible-order}), rw-register reads of the transaction's own later write
 * ({@code future-read}) and non-repeatable reads that start from {@code nil} ({@code internal}), writes of :info
 * transactions that a read observed (they committed), and invocations that never complete count as :info
 * transactions. Every cycle type's search is complete except G-nonadjacent's fallback, which is bounded and reports
 * {@code cycle-search-timeout} when it runs out.
 */
public final class TxnChecker {
  private static final Keyword TYPE = Keyword.of("type");
  private static final Keyword NOT = Keyword.of("not");
  private static final Keyword SUBGRAPH = Keyword.of("subgraph");
  private static final Keyword SCC_SIZE = Keyword.of("scc-size");
  private static final Keyword SCC = Keyword.of("scc");
  private static final Keyword SPEC_TYPE = Keyword.of("anomaly-spec-type");
  private static final Keyword DOES_NOT_CONTAIN = Keyword.of("does-not-contain");

  private TxnChecker() {}

  /** Checks a history; ops of named processes (the nemesis) are ignored. */
  public static TxnResult check(History h, TxnOptions o) {
    return check(TxnHistories.of(h), o);
  }

  /** Checks a transactional history. */
  public static TxnResult check(TxnHistory h, TxnOptions o) {
    Set<String> prohibited = prohibited(o);
    WeakIsolation.Level weak = WeakIsolation.level(prohibited);
    Map<String, List<Anomaly>> anomalies = new LinkedHashMap<>();
    if (weak == null || !WeakIsolation.TYPES.containsAll(prohibited)) {
      TxnResult early = elle(h, o, prohibited, anomalies);
      if (early != null) {
        return early;
      }
    }
    if (weak != null) {
      Analysis w = new Analysis(0, 0);
      WeakIsolation.check(h, o.workload(), weak, w);
      if (w.early != null) {
        return w.early;
      }
      anomalies.putAll(w.anomalies());
    }
    return resultMap(anomalies, prohibited, reportable(prohibited));
  }

  private static Set<String> reportable(Set<String> prohibited) {
    Set<String> reportable = new TreeSet<>(prohibited);
    reportable.add("empty-transaction-graph");
    reportable.add("cycle-search-timeout");
    return reportable;
  }

  /** Elle's analysis: adds every anomaly found to {@code anomalies}, or returns the result of input it cannot judge. */
  private static TxnResult elle(TxnHistory h, TxnOptions o, Set<String> prohibited, Map<String, List<Anomaly>> anomalies) {
    Analysis a = o.workload() == Workload.LIST_APPEND ? ListAppend.analyze(h) : RwRegister.analyze(h, o);
    if (a.early != null) {
      return a.early;
    }
    Thread side = null;
    Throwable[] sideError = new Throwable[1];
    if (a.deferred != null) {
      if (o.threads() > 1) {
        Runnable d = a.deferred;
        side = new Thread(() -> {
          try {
            d.run();
          } catch (Throwable e) {
            sideError[0] = e;
          }
        }, "madjep-txn-checks");
        side.setDaemon(true);
        side.start();
      } else {
        a.deferred.run();
      }
    }
    Set<String> reportable = reportable(prohibited);
    int order = 0;
    if (anyEndsWith(reportable, "-realtime")) {
      order = Rels.REALTIME;
      OrderEdges.realtime(h, a.edges);
    } else if (anyEndsWith(reportable, "-process")) {
      order = Rels.PROCESS;
      OrderEdges.process(h, a.edges);
    }
    Digraph g = a.edges.build();
    if (g.edgeCount() == 0) {
      anomalies.put("empty-transaction-graph", List.of(new CaseAnomaly("empty-transaction-graph", Boolean.TRUE)));
    }
    cycles(h, g, order, a.explainer, o, anomalies);
    if (side != null) {
      try {
        side.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while checking", e);
      }
      if (sideError[0] instanceof RuntimeException re) {
        throw re;
      } else if (sideError[0] instanceof Error err) {
        throw err;
      }
    }
    // Trying version orders only where nothing else is wrong: it can add a verdict, and never needs to repeat one.
    if (a.refiner != null && !anyProhibited(anomalies, prohibited) && !anyProhibited(a.anomalies(), prohibited)) {
      int mask = refinementMask(prohibited, order);
      if (mask != 0 && acyclic(g, mask)) {
        a.refiner.refine(g, mask, o.deadline(), a);
      }
    }
    for (Map.Entry<String, List<Anomaly>> e : a.anomalies().entrySet()) {
      anomalies.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).addAll(e.getValue());
    }
    return null;
  }

  private static boolean anyProhibited(Map<String, List<Anomaly>> found, Set<String> prohibited) {
    for (String t : found.keySet()) {
      if (prohibited.contains(t)) {
        return true;
      }
    }
    return false;
  }

  /**
   * An anomaly beyond Elle's taxonomy: a list-append read of an element no transaction appended. Elle fails an
   * assertion on it; we treat it as read-uncommitted treats duplicate elements: prohibited by every model that
   * prohibits those.
   */
  public static final String GARBAGE_READ = "garbage-read";

  /** The anomalies the options forbid: those the models prohibit, plus the extra ones and all that imply them. */
  public static Set<String> prohibited(TxnOptions o) {
    Set<String> p = new TreeSet<>(ConsistencyModels.prohibitedBy(o.consistencyModels()));
    if (!o.anomalies().isEmpty()) {
      p.addAll(ConsistencyModels.allImplying(o.anomalies()));
    }
    if (p.contains("duplicate-elements") || o.anomalies().contains(GARBAGE_READ)) {
      p.add(GARBAGE_READ);
    }
    return p;
  }

  private static boolean anyEndsWith(Set<String> types, String suffix) {
    for (String t : types) {
      if (t.endsWith(suffix) && CycleSearch.TYPES.contains(t)) {
        return true;
      }
    }
    return false;
  }

  private static final String[] CYCLE_BASES = {"G0", "G1c", "G-single-item", "G-nonadjacent-item", "G2-item"};

  /**
   * The relationships whose every cycle the options prohibit (data dependencies, plus the order edges in the graph
   * when all their variants are prohibited), or 0 when some plain cycle is allowed: refuting a version order by a
   * cycle is sound only then.
   */
  static int refinementMask(Set<String> prohibited, int order) {
    for (String b : CYCLE_BASES) {
      if (!prohibited.contains(b)) {
        return 0;
      }
    }
    int mask = Rels.WW | Rels.WR | Rels.RW;
    if (order != 0) {
      String suffix = order == Rels.REALTIME ? "-realtime" : "-process";
      boolean all = true;
      for (String b : CYCLE_BASES) {
        all &= prohibited.contains(b + suffix);
      }
      if (all) {
        mask |= order;
      }
    }
    return mask;
  }

  private static boolean acyclic(Digraph g, int mask) {
    Scc s = Scc.of(g, mask);
    for (int c = 0; c < s.count; c++) {
      if (s.sizes[c] > 1) {
        return false;
      }
    }
    return true;
  }

  // ---------------------------------------------------------------- cycles

  private static void cycles(TxnHistory h, Digraph g, int order, Analysis.Explainer explainer, TxnOptions o,
      Map<String, List<Anomaly>> out) {
    Scc scc = Scc.of(g, 0xFF);
    // Nontrivial components, ordered by their first transaction.
    int[] first = new int[scc.count];
    Arrays.fill(first, -1);
    List<Integer> comps = new ArrayList<>();
    for (int v = 0; v < g.size(); v++) {
      int c = scc.component[v];
      if (first[c] < 0 && scc.sizes[c] > 1) {
        first[c] = v;
        comps.add(c);
      }
    }
    if (comps.isEmpty()) {
      return;
    }
    int[][] members = new int[scc.count][];
    int[] fill = new int[scc.count];
    for (int c : comps) {
      members[c] = new int[scc.sizes[c]];
    }
    for (int v = 0; v < g.size(); v++) {
      int c = scc.component[v];
      if (members[c] != null) {
        members[c][fill[c]++] = v;
      }
    }
    SccResult[] results = new SccResult[comps.size()];
    int[] localId = new int[g.size()];
    AtomicInteger next = new AtomicInteger();
    Throwable[] failure = new Throwable[1];
    Runnable worker = () -> {
      try {
        CycleSearch search = new CycleSearch(g, order, localId, o.deadline()::expired);
        for (int i = next.getAndIncrement(); i < results.length; i = next.getAndIncrement()) {
          int c = comps.get(i);
          results[i] = search.search(members[c], scc.component, c);
        }
      } catch (RuntimeException | Error e) {
        synchronized (failure) {
          failure[0] = e;
        }
        next.set(results.length);
      }
    };
    int threads = Math.min(o.threads(), Math.max(1, comps.size() / 4));
    if (threads <= 1) {
      worker.run();
    } else {
      List<Thread> ts = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        Thread t = new Thread(worker, "madjep-cycle-search-" + i);
        t.setDaemon(true);
        t.start();
        ts.add(t);
      }
      for (Thread t : ts) {
        try {
          t.join();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while searching for cycles", e);
        }
      }
    }
    if (failure[0] instanceof RuntimeException re) {
      throw re;
    } else if (failure[0] instanceof Error err) {
      throw err;
    }
    for (SccResult r : results) {
      for (SccResult.CycleExists c : r.cycleExists()) {
        String type = c.model() + "-cycle-exists";
        out.computeIfAbsent(type, k -> new ArrayList<>()).add(cycleExists(h, type, c));
      }
      for (FoundCycle c : r.cycles()) {
        out.computeIfAbsent(c.type(), k -> new ArrayList<>()).add(explain(h, c, explainer));
      }
      if (r.timedOutType() != null) {
        LinkedHashMap<Keyword, Object> m = new LinkedHashMap<>();
        m.put(TYPE, Keyword.of("cycle-search-timeout"));
        m.put(SPEC_TYPE, Keyword.of(r.timedOutType()));
        List<Object> nf = new ArrayList<>();
        for (String t : r.notFound()) {
          nf.add(Keyword.of(t));
        }
        m.put(DOES_NOT_CONTAIN, madjep.history.edn.EdnVector.copyOf(nf));
        m.put(SCC_SIZE, EdnParser.box(r.size()));
        out.computeIfAbsent("cycle-search-timeout", k -> new ArrayList<>())
            .add(new CaseAnomaly("cycle-search-timeout", m));
      }
    }
  }

  private static Anomaly cycleExists(TxnHistory h, String type, SccResult.CycleExists c) {
    LinkedHashMap<Keyword, Object> m = new LinkedHashMap<>();
    m.put(TYPE, Keyword.of(type));
    m.put(NOT, Keyword.of(ConsistencyModels.friendly(c.model())));
    m.put(SUBGRAPH, c.subgraph());
    m.put(SCC_SIZE, EdnParser.box(c.scc().length));
    TreeSet<Long> idx = new TreeSet<>();
    for (int t : c.scc()) {
      idx.add(h.index(t));
    }
    m.put(SCC, Collections.unmodifiableSet(new java.util.LinkedHashSet<Object>(idx)));
    return new CaseAnomaly(type, m);
  }

  private static CycleAnomaly explain(TxnHistory h, FoundCycle c, Analysis.Explainer explainer) {
    int k = c.vertices().length;
    List<Map<Keyword, Object>> txns = new ArrayList<>(k);
    List<Step> steps = new ArrayList<>(k);
    for (int i = 0; i < k; i++) {
      int a = c.vertices()[i];
      int b = c.vertices()[(i + 1) % k];
      txns.add(h.opData(a));
      int label = c.labels()[i];
      Step s;
      if (label == Rels.PROCESS) {
        s = Step.process(EdnParser.box(h.process(a)));
      } else if (label == Rels.REALTIME) {
        s = Step.realtime(h.opData(a), h.invokeData(b));
      } else {
        s = explainer.explain(a, b, label);
      }
      steps.add(s);
    }
    return new CycleAnomaly(c.type(), txns, steps);
  }

  // ---------------------------------------------------------------- result map

  private static TxnResult resultMap(Map<String, List<Anomaly>> all, Set<String> prohibited, Set<String> reportable) {
    TreeMap<String, List<Anomaly>> report = new TreeMap<>();
    boolean bad = false;
    for (Map.Entry<String, List<Anomaly>> e : all.entrySet()) {
      if (reportable.contains(e.getKey())) {
        report.put(e.getKey(), e.getValue());
      }
      bad |= prohibited.contains(e.getKey());
    }
    removeRedundantCycleExists(report);
    if (report.isEmpty()) {
      return new TxnResult(Verdict.VALID, List.of(), Map.of(), Set.of(), Set.of());
    }
    List<String> types = new ArrayList<>(all.keySet());
    if (types.remove(GARBAGE_READ)) {
      types.add("duplicate-elements");
    }
    ConsistencyModels.Boundary b = ConsistencyModels.boundary(types);
    return new TxnResult(bad ? Verdict.INVALID : Verdict.UNKNOWN, new ArrayList<>(report.keySet()), report, b.not(),
        b.alsoNot());
  }

  /** A "cycle exists for model M" case is dropped when another anomaly already rules M out. */
  private static void removeRedundantCycleExists(Map<String, List<Anomaly>> report) {
    List<String> others = new ArrayList<>();
    for (String t : report.keySet()) {
      if (!t.endsWith("-cycle-exists")) {
        others.add(t);
      }
    }
    Set<String> impossible = ConsistencyModels.impossibleModels(others);
    report.keySet().removeIf(t -> t.endsWith("-cycle-exists")
        && impossible.contains(t.substring(0, t.length() - "-cycle-exists".length())));
  }
}
