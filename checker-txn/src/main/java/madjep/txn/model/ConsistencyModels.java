package madjep.txn.model;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Elle's consistency-model lattice ({@code elle.consistency-model}): anomaly implications, model implications and
 * direct proscriptions, with the closures Elle computes over them. Anomalies and models are named by strings as Elle
 * names its keywords ({@code "G-single-item"}, {@code "strict-serializable"}). Model names are canonicalized
 * ({@code serializable} is {@code PL-3}) internally and printed with Elle's friendly names.
 */
public final class ConsistencyModels {
  private ConsistencyModels() {}

  /** a -> b: when anomaly a is present, so is b. */
  private static final Map<String, List<String>> IMPLIED = new LinkedHashMap<>();
  /** Extra "a is worse than b" edges used only to order the cycle search. */
  private static final Map<String, List<String>> SEVERITY = new LinkedHashMap<>();
  /** Canonical model a -> b: a history satisfying a satisfies b. */
  private static final Map<String, List<String>> MODELS = new LinkedHashMap<>();
  /** Canonical model -> the anomalies it directly proscribes. */
  private static final Map<String, List<String>> PROSCRIBED = new LinkedHashMap<>();
  private static final Map<String, String> CANONICAL = new HashMap<>();
  private static final Map<String, String> FRIENDLY = new HashMap<>();
  private static final Map<String, Integer> DEPTH = new HashMap<>();

  private static void edges(Map<String, List<String>> g, String from, String... to) {
    g.computeIfAbsent(from, k -> new ArrayList<>()).addAll(List.of(to));
  }

  static {
    edges(IMPLIED, "G0", "G1c", "G0-process");
    edges(IMPLIED, "G0-process", "G1c-process", "G0-realtime");
    edges(IMPLIED, "G0-realtime", "G1c-realtime");
    edges(IMPLIED, "G1a", "G1");
    edges(IMPLIED, "G1b", "G1");
    edges(IMPLIED, "G1c", "G1", "G1c-process");
    edges(IMPLIED, "G1c-process", "G1c-realtime", "G1-process");
    edges(IMPLIED, "G1c-realtime", "G1-realtime");
    edges(IMPLIED, "G1", "G1-process");
    edges(IMPLIED, "G1-process", "G1-realtime");
    edges(IMPLIED, "G-single-item", "G-single", "G-single-item-process", "G-nonadjacent-item");
    edges(IMPLIED, "G-single-item-process", "G-single-process", "G-single-item-realtime",
        "G-nonadjacent-item-process");
    edges(IMPLIED, "G-single-item-realtime", "G-single-realtime", "G-nonadjacent-item-realtime");
    edges(IMPLIED, "G-single", "G-nonadjacent", "GSIb", "G-single-process");
    edges(IMPLIED, "G-single-process", "G-nonadjacent-process", "G-single-realtime");
    edges(IMPLIED, "G-single-realtime", "G-nonadjacent-realtime");
    edges(IMPLIED, "G-nonadjacent-item", "G-nonadjacent", "G2-item", "G-nonadjacent-item-process");
    edges(IMPLIED, "G-nonadjacent-item-process", "G-nonadjacent-process", "G2-item-process",
        "G-nonadjacent-item-realtime");
    edges(IMPLIED, "G-nonadjacent-item-realtime", "G2-item-realtime", "G-nonadjacent-realtime");
    edges(IMPLIED, "G-nonadjacent", "G2", "G-nonadjacent-process");
    edges(IMPLIED, "G-nonadjacent-process", "G2-process", "G-nonadjacent-realtime");
    edges(IMPLIED, "G-nonadjacent-realtime", "G2-realtime");
    edges(IMPLIED, "G2", "G2-process");
    edges(IMPLIED, "G2-item", "G2", "G2-item-process");
    edges(IMPLIED, "G2-item-process", "G2-process", "G2-item-realtime");
    edges(IMPLIED, "G2-item-realtime", "G2-realtime");
    edges(IMPLIED, "G2-process", "G2-realtime");
    edges(IMPLIED, "GSIa", "GSI");
    edges(IMPLIED, "GSIb", "GSI");
    edges(IMPLIED, "incompatible-order", "G1a");
    edges(IMPLIED, "future-read", "G1c");
    edges(IMPLIED, "dirty-update", "G1a");
    edges(IMPLIED, "lost-update", "write-skew", "G2-item");
    edges(IMPLIED, "write-skew", "G2");
    // Not Elle's: rw-register versions no order of which avoids a cycle (madjep.txn.register.VersionInference).
    edges(IMPLIED, "unorderable-versions", "G2", "unorderable-versions-process");
    edges(IMPLIED, "unorderable-versions-process", "G2-process", "unorderable-versions-realtime");
    edges(IMPLIED, "unorderable-versions-realtime", "G2-realtime");

    edges(SEVERITY, "G0", "G1c");
    edges(SEVERITY, "G0-process", "G1c-process");
    edges(SEVERITY, "G0-realtime", "G1c-realtime");
    edges(SEVERITY, "G1c", "G-single", "G2-item");
    edges(SEVERITY, "G1c-process", "G-single-process", "G2-item-process");
    edges(SEVERITY, "G1c-realtime", "G-single-realtime", "G2-item-realtime");
    edges(SEVERITY, "G2", "G0-process");
    edges(SEVERITY, "G2-process", "G0-realtime");

    String[][] canonical = {
      {"consistent-view", "PL-2+"}, {"conflict-serializable", "PL-3"}, {"cursor-stability", "PL-CS"},
      {"forward-consistent-view", "PL-FCV"}, {"monotonic-snapshot-read", "PL-MSR"}, {"monotonic-view", "PL-2L"},
      {"read-committed", "PL-2"}, {"read-uncommitted", "PL-1"}, {"repeatable-read", "PL-2.99"},
      {"serializable", "PL-3"}, {"snapshot-isolation", "PL-SI"}, {"strict-serializable", "PL-SS"},
      {"strong-serializable", "PL-SS"}, {"update-serializable", "PL-3U"},
      {"strong-session-read-uncommitted", "strong-session-PL-1"},
      {"strong-session-read-committed", "strong-session-PL-2"},
      {"strong-read-uncommitted", "strong-PL-1"}, {"strong-read-committed", "strong-PL-2"},
    };
    for (String[] c : canonical) {
      CANONICAL.put(c[0], c[1]);
      FRIENDLY.put(c[1], c[0]);
    }
    // Elle inverts a map in which two names share PL-SS and PL-3; these are the names its output shows.
    FRIENDLY.put("PL-SS", "strong-serializable");
    FRIENDLY.put("PL-3", "serializable");

    model("causal-cerone", "read-atomic");
    model("consistent-view", "cursor-stability", "monotonic-view");
    model("conflict-serializable", "view-serializable");
    model("cursor-stability", "read-committed", "PL-2");
    model("forward-consistent-view", "consistent-view");
    model("PL-2", "PL-1");
    model("PL-3", "repeatable-read", "update-serializable");
    model("update-serializable", "forward-consistent-view");
    model("monotonic-atomic-view", "read-committed");
    model("monotonic-view", "PL-2");
    model("monotonic-snapshot-read", "PL-2");
    model("parallel-snapshot-isolation", "causal-cerone", "update-atomic");
    model("prefix", "causal-cerone");
    model("read-atomic", "monotonic-atomic-view");
    model("read-committed", "read-uncommitted");
    model("repeatable-read", "cursor-stability", "monotonic-atomic-view");
    model("update-atomic", "read-atomic");
    model("serializable", "repeatable-read", "snapshot-isolation", "view-serializable");
    model("session-serializable", "1SR");
    model("snapshot-isolation", "forward-consistent-view", "monotonic-atomic-view", "monotonic-snapshot-read",
        "parallel-snapshot-isolation", "prefix");
    model("strict-serializable", "PL-3", "serializable", "linearizable", "snapshot-isolation",
        "strong-snapshot-isolation", "strong-session-serializable");
    model("strong-session-PL-1", "PL-1");
    model("strong-session-PL-2", "PL-2", "strong-session-PL-1");
    model("strong-PL-1", "strong-session-PL-1");
    model("strong-PL-2", "strong-session-PL-2", "strong-PL-1");
    model("strong-session-serializable", "serializable", "strong-session-snapshot-isolation");
    model("strong-session-snapshot-isolation", "snapshot-isolation", "strong-session-PL-2");
    model("strong-serializable", "session-serializable");
    model("strong-snapshot-isolation", "strong-session-snapshot-isolation", "strong-PL-2");
    model("linearizable", "sequential");
    model("sequential", "causal");
    model("causal", "writes-follow-reads", "PRAM");
    model("PRAM", "monotonic-reads", "monotonic-writes", "read-your-writes");
    // Not Elle's: the weak levels as Cerone et al., Biswas and Enea, Plume and AWDIT define them, session order
    // included (madjep.txn.weak). They stand apart from Elle's models, so Elle's verdicts and boundaries keep their
    // meaning.
    model("transactional-causal", "session-read-atomic");
    model("session-read-atomic", "session-read-committed");

    proscribe("causal-cerone", "internal", "G1a");
    proscribe("cursor-stability", "G1", "G-cursor", "lost-update");
    proscribe("monotonic-view", "G1", "G-monotonic");
    proscribe("monotonic-snapshot-read", "G1", "G-MSR");
    proscribe("consistent-view", "G1", "G-single");
    proscribe("forward-consistent-view", "G1", "G-SIb");
    proscribe("parallel-snapshot-isolation", "internal", "G1a");
    proscribe("PL-3", "G1", "G2", "predicate-read-miss", "PL-3-cycle-exists");
    proscribe("PL-2", "G1", "PL-2-cycle-exists");
    proscribe("PL-1", "G0", "duplicate-elements", "cyclic-versions", "PL-1-cycle-exists");
    proscribe("prefix", "internal", "G1a");
    proscribe("serializable", "internal");
    proscribe("snapshot-isolation", "internal", "G1", "G-SI", "G-nonadjacent", "PL-SI-cycle-exists");
    proscribe("read-atomic", "internal", "G1a", "future-read");
    proscribe("repeatable-read", "G1", "G2-item", "PL-2.99-cycle-exists", "lost-update");
    proscribe("update-atomic", "lost-update");
    proscribe("strict-serializable", "G1", "G1c-realtime", "G2-realtime", "PL-SS-cycle-exists");
    proscribe("strong-session-PL-1", "strong-session-PL-1-cycle-exists", "G0-process");
    proscribe("strong-session-PL-2", "strong-session-PL-2-cycle-exists", "G1c-process");
    proscribe("strong-PL-1", "strong-PL-1-cycle-exists", "G0-realtime");
    proscribe("strong-PL-2", "strong-PL-2-cycle-exists", "G1c-realtime");
    proscribe("strong-session-snapshot-isolation", "internal", "G1-process", "G-nonadjacent-process",
        "strong-session-snapshot-isolation-cycle-exists");
    proscribe("strong-snapshot-isolation", "internal", "G1-realtime", "G-nonadjacent-realtime",
        "strong-snapshot-isolation-cycle-exists");
    proscribe("strong-session-serializable", "G1-process", "G2-process",
        "strong-session-serializable-cycle-exists");
    proscribe("update-serializable", "G1", "G-update");
    proscribe("session-read-committed", "aborted-read", "thin-air-read", "own-future-read", "intermediate-read",
        "duplicate-read", "own-write-missed", "non-monotonic-read", "read-committed-cycle");
    proscribe("session-read-atomic", "non-repeatable-read", "fractured-read", "read-atomic-cycle");
    proscribe("transactional-causal", "causality-violation", "causal-cycle");

    computeDepths();
  }

  private static void model(String from, String... to) {
    String c = canonical(from);
    List<String> out = MODELS.computeIfAbsent(c, k -> new ArrayList<>());
    for (String t : to) {
      String ct = canonical(t);
      if (!out.contains(ct)) {
        out.add(ct);
      }
      MODELS.computeIfAbsent(ct, k -> new ArrayList<>());
    }
  }

  private static void proscribe(String model, String... anomalies) {
    List<String> out = PROSCRIBED.computeIfAbsent(canonical(model), k -> new ArrayList<>());
    for (String a : anomalies) {
      if (!out.contains(a)) {
        out.add(a);
      }
    }
  }

  /** Depth in the implication + severity DAG (longest path from a root); Elle searches cycles in this order. */
  private static void computeDepths() {
    Map<String, List<String>> merged = new LinkedHashMap<>();
    for (Map<String, List<String>> g : List.of(IMPLIED, SEVERITY)) {
      for (Map.Entry<String, List<String>> e : g.entrySet()) {
        List<String> out = merged.computeIfAbsent(e.getKey(), k -> new ArrayList<>());
        for (String t : e.getValue()) {
          out.add(t);
          merged.computeIfAbsent(t, k -> new ArrayList<>());
        }
      }
    }
    for (List<String> as : PROSCRIBED.values()) {
      for (String a : as) {
        merged.computeIfAbsent(a, k -> new ArrayList<>());
      }
    }
    Map<String, Integer> indegree = new HashMap<>();
    for (String v : merged.keySet()) {
      indegree.putIfAbsent(v, 0);
      for (String t : merged.get(v)) {
        indegree.merge(t, 1, Integer::sum);
      }
    }
    ArrayDeque<String> ready = new ArrayDeque<>();
    for (String v : merged.keySet()) {
      if (indegree.get(v) == 0) {
        ready.add(v);
        DEPTH.put(v, 0);
      }
    }
    while (!ready.isEmpty()) {
      String v = ready.poll();
      for (String t : merged.get(v)) {
        DEPTH.merge(t, DEPTH.get(v) + 1, Math::max);
        if (indegree.merge(t, -1, Integer::sum) == 0) {
          ready.add(t);
        }
      }
    }
  }

  /** The canonical name of a model ({@code serializable} -> {@code PL-3}); unknown names are returned as they are. */
  public static String canonical(String model) {
    return CANONICAL.getOrDefault(model, model);
  }

  /** The friendly name of a model ({@code PL-3} -> {@code serializable}). */
  public static String friendly(String model) {
    return FRIENDLY.getOrDefault(model, model);
  }

  /** Every model name Elle knows, friendly and canonical, sorted. */
  public static Set<String> allModels() {
    TreeSet<String> all = new TreeSet<>(MODELS.keySet());
    all.addAll(CANONICAL.keySet());
    all.addAll(CANONICAL.values());
    return Collections.unmodifiableSet(all);
  }

  /** True when Elle knows this model name. */
  public static boolean isModel(String name) {
    return allModels().contains(name);
  }

  /** Every anomaly name Elle knows, in Elle's order (depth in the implication and severity graphs, then name). */
  public static List<String> allAnomalies() {
    List<String> all = new ArrayList<>(DEPTH.keySet());
    all.sort(SEARCH_ORDER);
    return all;
  }

  /** Orders anomalies as Elle's {@code anomaly-depth-compare}: fewer implying anomalies first, then by name. */
  public static final Comparator<String> SEARCH_ORDER = (a, b) -> {
    int d = Integer.compare(DEPTH.getOrDefault(a, 0), DEPTH.getOrDefault(b, 0));
    return d != 0 ? d : a.compareTo(b);
  };

  /** The anomalies present whenever {@code anomalies} are: themselves and everything they imply. */
  public static Set<String> allImplied(Collection<String> anomalies) {
    return closure(anomalies, IMPLIED);
  }

  /** The anomalies that would imply any of {@code anomalies}, including themselves. */
  public static Set<String> allImplying(Collection<String> anomalies) {
    return closure(anomalies, invert(IMPLIED));
  }

  /** The anomalies that must be absent for every one of {@code models} to hold. */
  public static Set<String> prohibitedBy(Collection<String> models) {
    List<String> canon = new ArrayList<>();
    for (String m : models) {
      canon.add(canonical(m));
    }
    Set<String> implied = closure(canon, MODELS);
    List<String> direct = new ArrayList<>();
    for (String m : implied) {
      direct.addAll(PROSCRIBED.getOrDefault(m, List.of()));
    }
    return new TreeSet<>(allImplying(direct));
  }

  /** The canonical models that cannot hold when {@code anomalies} are present. */
  public static Set<String> impossibleModels(Collection<String> anomalies) {
    Map<String, List<String>> proscribedBy = invert(PROSCRIBED);
    List<String> direct = new ArrayList<>();
    for (String a : allImplied(anomalies)) {
      direct.addAll(proscribedBy.getOrDefault(a, List.of()));
    }
    return new TreeSet<>(allImpossible(direct));
  }

  /** Canonical models that cannot hold when {@code models} cannot: themselves and every stronger model. */
  public static Set<String> allImpossible(Collection<String> models) {
    List<String> canon = new ArrayList<>();
    for (String m : models) {
      canon.add(canonical(m));
    }
    return closure(canon, invert(MODELS));
  }

  /** The weakest of the given canonical models: those implied by none of the others. */
  public static Set<String> weakest(Collection<String> models) {
    Set<String> set = new LinkedHashSet<>();
    for (String m : models) {
      set.add(canonical(m));
    }
    Set<String> out = new TreeSet<>();
    for (String m : set) {
      Set<String> below = closure(List.of(m), MODELS);
      below.remove(m);
      boolean covered = false;
      for (String b : below) {
        if (set.contains(b)) {
          covered = true;
          break;
        }
      }
      if (!covered) {
        out.add(m);
      }
    }
    return out;
  }

  /** Elle's friendly boundary: {@code not} the weakest models ruled out, {@code alsoNot} the rest (friendly names). */
  public static Boundary boundary(Collection<String> anomalies) {
    Set<String> impossible = impossibleModels(anomalies);
    Set<String> weakest = weakest(impossible);
    TreeSet<String> not = new TreeSet<>();
    TreeSet<String> alsoNot = new TreeSet<>();
    for (String m : impossible) {
      (weakest.contains(m) ? not : alsoNot).add(friendly(m));
    }
    alsoNot.removeAll(not);
    return new Boundary(Collections.unmodifiableSet(not), Collections.unmodifiableSet(alsoNot));
  }

  /** The weakest models a set of anomalies rules out, and the others it also rules out. */
  public record Boundary(Set<String> not, Set<String> alsoNot) {}

  private static Set<String> closure(Collection<String> start, Map<String, List<String>> g) {
    LinkedHashSet<String> seen = new LinkedHashSet<>(start);
    ArrayDeque<String> todo = new ArrayDeque<>(start);
    while (!todo.isEmpty()) {
      for (String t : g.getOrDefault(todo.poll(), List.of())) {
        if (seen.add(t)) {
          todo.add(t);
        }
      }
    }
    return seen;
  }

  private static Map<String, List<String>> invert(Map<String, List<String>> g) {
    Map<String, List<String>> inv = new HashMap<>();
    for (Map.Entry<String, List<String>> e : g.entrySet()) {
      for (String t : e.getValue()) {
        inv.computeIfAbsent(t, k -> new ArrayList<>()).add(e.getKey());
      }
    }
    return inv;
  }
}
