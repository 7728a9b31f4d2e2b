package madjep.report;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import madjep.history.History;
import madjep.history.Verdict;
import madjep.history.edn.Keyword;
import madjep.txn.CycleAnomaly;
import madjep.txn.Step;
import madjep.txn.Workload;

/**
 * What a checker's result (EDN data) says, read for the page: the verdict, its cause, the sentences that explain
 * it, the ops it names, linearizability's failure and Elle's cycles. Unknown shapes (Jepsen's other checkers, a
 * checker added later) still give their verdict, their {@code :explanation} strings and the ops they name.
 */
final class Findings {
  /** How many op maps inside a result are marked on the timeline at most. */
  static final int MAX_MARKED = 2_000;
  /** The last steps of the longest linearizable prefix that the timeline outlines. */
  static final int MARKED_STEPS = 64;
  /** How many cycles of each anomaly type are drawn. */
  static final int CYCLES_SHOWN = 3;

  private static final Keyword VALID = Keyword.of("valid?");
  private static final Keyword RESULTS = Keyword.of("results");
  private static final Keyword CAUSE = Keyword.of("cause");
  private static final Keyword FAILURE = Keyword.of("failure");
  private static final Keyword EXPLANATION = Keyword.of("explanation");
  private static final Keyword INDEX = Keyword.of("index");
  private static final Keyword TYPE = Keyword.of("type");
  private static final Keyword ANOMALIES = Keyword.of("anomalies");
  private static final Keyword ANOMALY_TYPES = Keyword.of("anomaly-types");
  private static final Keyword CYCLE = Keyword.of("cycle");
  private static final Keyword STEPS = Keyword.of("steps");
  private static final Keyword OP = Keyword.of("op");
  private static final Keyword STATE = Keyword.of("state");
  private static final Keyword VALUE = Keyword.of("value");

  /** Linearizability's witness: the op no order explains, and the longest order that got there. */
  record LinearFailure(Object partition, int position, List<Object> statesBefore, boolean statesCapped,
      List<PrefixStep> prefix, String explanation) {}

  /** One op of the longest linearizable prefix and the state it leaves. */
  record PrefixStep(int position, Map<?, ?> op, Object state) {}

  /** An Elle cycle: its transactions (T1..Tk), the history positions of their completions, the step sentences. */
  record Cycle(String type, List<Map<Keyword, Object>> txns, int[] positions, List<String> edges,
      List<String> explanation) {}

  /** A non-cycle anomaly's evidence. */
  record Case(String type, Object data) {}

  final Verdict verdict;
  final String cause;
  final String checker;
  /** The checker's own map (inside a store's {@code :results}). */
  final Map<?, ?> data;
  final List<String> explanations = new ArrayList<>();
  final List<String> anomalyTypes = new ArrayList<>();
  final List<String> not = new ArrayList<>();
  /** History positions of the ops the result names; the first is the violation when {@link #primary} >= 0. */
  final List<Integer> marked = new ArrayList<>();
  /** The position of the op that shows the violation, or -1. */
  final int primary;
  final LinearFailure linear;
  final List<Cycle> cycles = new ArrayList<>();
  final List<Case> cases = new ArrayList<>();

  Findings(Map<?, ?> result, History h) {
    verdict = Verdict.fromData(result.get(VALID));
    Map<?, ?> inner = result;
    Object r = result.get(RESULTS);
    if (r instanceof Map<?, ?> m && m.containsKey(VALID)) {
      inner = m;
    } else if (r instanceof List<?> l && l.size() == 1 && l.get(0) instanceof Map<?, ?> m && m.containsKey(VALID)) {
      inner = m;
    }
    data = inner;
    Object c = inner.get(CAUSE) != null ? inner.get(CAUSE) : result.get(CAUSE);
    cause = c == null ? null : c instanceof Keyword k ? k.name() : String.valueOf(c);
    Object ch = result.get(Keyword.of("checker"));
    Object model = inner.get(Keyword.of("model"));
    checker = ch == null ? (model == null ? null : "linear") : String.valueOf(ch);
    Positions pos = new Positions(h);
    linear = linear(inner.get(FAILURE), pos);
    if (linear != null) {
      explanations.add(linear.explanation);
      marked.add(linear.position);
      // The end of the prefix is the story; a long history's prefix may hold most of its ops.
      List<PrefixStep> p = linear.prefix;
      for (PrefixStep s : p.subList(Math.max(0, p.size() - MARKED_STEPS), p.size())) {
        if (s.position >= 0) {
          marked.add(s.position);
        }
      }
    }
    readAnomalies(inner, pos);
    if (linear == null) {
      collectExplanations(inner, explanations);
    }
    if (linear == null && cycles.isEmpty()) {
      collectOps(inner, pos, marked);
    }
    primary = verdict == Verdict.VALID || marked.isEmpty() ? -1 : marked.get(0);
  }

  private static LinearFailure linear(Object f, Positions pos) {
    if (!(f instanceof Map<?, ?> m) || !(m.get(OP) instanceof Map<?, ?> op)) {
      return null;
    }
    List<PrefixStep> prefix = new ArrayList<>();
    if (m.get(Keyword.of("prefixes")) instanceof List<?> ps && !ps.isEmpty() && ps.get(0) instanceof List<?> p) {
      for (Object s : p) {
        if (s instanceof Map<?, ?> sm && sm.get(OP) instanceof Map<?, ?> sop) {
          prefix.add(new PrefixStep(pos.of(sop.get(INDEX)), sop, sm.get(STATE)));
        }
      }
    }
    List<Object> states = m.get(Keyword.of("states-before")) instanceof List<?> l ? new ArrayList<>(l) : List.of();
    String text = m.get(EXPLANATION) instanceof String s ? s : "op " + Format.edn(op.get(INDEX), 20)
        + " cannot be linearized";
    return new LinearFailure(m.get(Keyword.of("partition")), pos.of(op.get(INDEX)), states,
        Boolean.TRUE.equals(m.get(Keyword.of("states-capped?"))), prefix, text);
  }

  private void readAnomalies(Map<?, ?> inner, Positions pos) {
    if (inner.get(ANOMALY_TYPES) instanceof Collection<?> types) {
      for (Object t : types) {
        anomalyTypes.add(t instanceof Keyword k ? k.name() : String.valueOf(t));
      }
    }
    for (Keyword k : List.of(Keyword.of("not"), Keyword.of("also-not"))) {
      if (inner.get(k) instanceof Collection<?> ms) {
        for (Object x : ms) {
          not.add(x instanceof Keyword kw ? kw.name() : String.valueOf(x));
        }
      }
    }
    if (!(inner.get(ANOMALIES) instanceof Map<?, ?> as)) {
      return;
    }
    for (Map.Entry<?, ?> e : as.entrySet()) {
      String type = e.getKey() instanceof Keyword k ? k.name() : String.valueOf(e.getKey());
      if (!anomalyTypes.contains(type)) {
        anomalyTypes.add(type);
      }
      List<?> items = e.getValue() instanceof List<?> l ? l : List.of(e.getValue());
      int shown = 0;
      for (Object item : items) {
        if (shown++ >= CYCLES_SHOWN) {
          break;
        }
        Cycle cy = cycle(type, item, pos);
        if (cy != null) {
          cycles.add(cy);
          for (int p : cy.positions) {
            if (p >= 0) {
              marked.add(p);
            }
          }
        } else {
          cases.add(new Case(type, item));
        }
      }
    }
    if (!cycles.isEmpty() && linear == null) {
      Cycle first = cycles.get(0);
      explanations.add(first.type + ": a cycle of " + first.txns.size() + " transactions. "
          + String.join(" ", first.explanation));
    }
  }

  /** An Elle cycle ({@code {:cycle [T1 .. Tk T1], :steps [..], :type ..}}), or null for other evidence. */
  @SuppressWarnings("unchecked")
  private static Cycle cycle(String type, Object item, Positions pos) {
    if (!(item instanceof Map<?, ?> m) || !(m.get(CYCLE) instanceof List<?> cyc) || !(m.get(STEPS) instanceof List<?> st)
        || cyc.size() < 2 || st.size() != cyc.size() - 1) {
      return null;
    }
    List<Map<Keyword, Object>> txns = new ArrayList<>();
    for (int i = 0; i < cyc.size() - 1; i++) {
      if (!(cyc.get(i) instanceof Map<?, ?> t)) {
        return null;
      }
      txns.add((Map<Keyword, Object>) t);
    }
    Workload w = Workload.RW_REGISTER;
    for (Map<Keyword, Object> t : txns) {
      if (t.get(VALUE) instanceof List<?> mops) {
        for (Object mop : mops) {
          if (mop instanceof List<?> ml && !ml.isEmpty() && Keyword.of("append").equals(ml.get(0))) {
            w = Workload.LIST_APPEND;
          }
        }
      }
    }
    List<Step> steps = new ArrayList<>();
    List<String> edges = new ArrayList<>();
    for (Object s : st) {
      if (!(s instanceof Map<?, ?> sm)) {
        return null;
      }
      String t = sm.get(TYPE) instanceof Keyword k ? k.name() : String.valueOf(sm.get(TYPE));
      edges.add(t);
      Map<Keyword, Object> a = sm.get(Keyword.of("a'")) instanceof Map<?, ?> x ? (Map<Keyword, Object>) x : Map.of();
      Map<Keyword, Object> b = sm.get(Keyword.of("b")) instanceof Map<?, ?> x ? (Map<Keyword, Object>) x : Map.of();
      steps.add(new Step(t, w, sm.get(Keyword.of("key")), sm.get(VALUE), sm.get(Keyword.of("value'")),
          intOr(sm.get(Keyword.of("a-mop-index"))), intOr(sm.get(Keyword.of("b-mop-index"))),
          sm.get(Keyword.of("process")), a, b));
    }
    int[] positions = new int[txns.size()];
    for (int i = 0; i < txns.size(); i++) {
      positions[i] = pos.of(txns.get(i).get(INDEX));
    }
    List<String> explanation = new CycleAnomaly(type, txns, steps).explanation();
    return new Cycle(type, txns, positions, edges, explanation);
  }

  private static int intOr(Object v) {
    return v instanceof Number n ? n.intValue() : -1;
  }

  /** Every {@code :explanation} string in the result, breadth first, at most five. */
  private static void collectExplanations(Object root, List<String> into) {
    List<Object> queue = new ArrayList<>(List.of(root));
    for (int i = 0; i < queue.size() && into.size() < 5 && i < 100_000; i++) {
      Object v = queue.get(i);
      if (v instanceof Map<?, ?> m) {
        for (Map.Entry<?, ?> e : m.entrySet()) {
          if (EXPLANATION.equals(e.getKey()) && e.getValue() instanceof String s) {
            if (!into.contains(s)) {
              into.add(s);
            }
          } else {
            queue.add(e.getValue());
          }
        }
      } else if (v instanceof Collection<?> c) {
        queue.addAll(c);
      }
    }
  }

  /** Positions of the op maps ({@code :index} and {@code :type}) in the result, breadth first. */
  private static void collectOps(Object root, Positions pos, List<Integer> into) {
    List<Object> queue = new ArrayList<>(List.of(root));
    java.util.HashSet<Integer> seen = new java.util.HashSet<>(into);
    for (int i = 0; i < queue.size() && into.size() < MAX_MARKED && i < 200_000; i++) {
      Object v = queue.get(i);
      if (v instanceof Map<?, ?> m) {
        if (m.containsKey(INDEX) && m.containsKey(TYPE)) {
          int p = pos.of(m.get(INDEX));
          if (p >= 0 && seen.add(p)) {
            into.add(p);
          }
          continue;
        }
        queue.addAll(m.values());
      } else if (v instanceof Collection<?> c) {
        queue.addAll(c);
      }
    }
  }

  /** The anomaly counts, {@code G-single-item 1, G1c 2}, for the headline. */
  Map<String, Integer> anomalyCounts() {
    Map<String, Integer> counts = new LinkedHashMap<>();
    Map<?, ?> as = data.get(ANOMALIES) instanceof Map<?, ?> m ? m : Map.of();
    for (String t : anomalyTypes) {
      Object v = as.get(Keyword.of(t));
      counts.put(t, v instanceof Collection<?> c ? c.size() : 1);
    }
    return counts;
  }

  /** Jepsen {@code :index} values to history positions (indices ascend; they may be sparse). */
  static final class Positions {
    private final History h;

    Positions(History h) {
      this.h = h;
    }

    int of(Object index) {
      if (!(index instanceof Number n)) {
        return -1;
      }
      long x = n.longValue();
      int lo = 0;
      int hi = h.size() - 1;
      while (lo <= hi) {
        int mid = (lo + hi) >>> 1;
        long v = h.index(mid);
        if (v < x) {
          lo = mid + 1;
        } else if (v > x) {
          hi = mid - 1;
        } else {
          return mid;
        }
      }
      return -1;
    }
  }
}
