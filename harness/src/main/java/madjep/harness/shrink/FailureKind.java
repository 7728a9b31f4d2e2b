package madjep.harness.shrink;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import madjep.harness.Run;
import madjep.history.Verdict;
import madjep.history.edn.Keyword;

/**
 * How a run fails: the checker of its workload, and the kinds of violation found (by the checker, or by the run
 * itself: a node that threw, a client never served again). A candidate fails <em>the same
 * way</em> as the original when its verdict is invalid, the same checker reports it, and at least one kind of
 * violation is among the original's; when the original has a checker's kind, that kind must be one of them (a
 * liveness loss or an exception alone is not the same failure). Kinds, by checker:
 *
 * <ul>
 *   <li>{@code linear}: {@code nonlinearizable :F}, with F the {@code :f} of the op that no order can place (a stale
 *       read stays a read; a lost write seen by a cas stays a cas);
 *   <li>{@code txn}: Elle's anomaly types ({@code G1c}, {@code G-single}, ...);
 *   <li>{@code bank}: Jepsen's error types ({@code wrong-total}, {@code negative-value}, ...); {@code set}: {@code
 *       lost}, {@code unexpected}, or {@code never-read};
 *   <li>any other checker: {@code invalid};
 *   <li>a node that threw: {@code node-exception} and the exception's class ({@code node-exception
 *       java.lang.IllegalStateException}); a client not served again once faults healed: {@code liveness}.
 * </ul>
 *
 * An unknown verdict (a checker limit hit) never counts as failing.
 *
 * @param checker the checker's name, as the workload names it
 * @param kinds the kinds of violation, in the checker's order; empty when the run did not fail
 */
public record FailureKind(String checker, List<String> kinds) {
  public FailureKind {
    kinds = List.copyOf(kinds);
  }

  /** How {@code run} fails; {@link #failed()} is false when its verdict is not invalid. */
  public static FailureKind of(Run run) {
    String checker = run.sim().check().checker();
    if (run.verdict() != Verdict.INVALID) {
      return new FailureKind(checker, List.of());
    }
    List<String> kinds = new ArrayList<>();
    if (run.sim().failure() != null) {
      kinds.add("node-exception " + run.sim().failure().error().getClass().getName());
    }
    if (run.check().verdict() == Verdict.INVALID) {
      List<String> found = kinds(checker, run.check().data());
      kinds.addAll(found.isEmpty() ? List.of("invalid") : found);
    }
    if (run.sim().liveness() != null && run.sim().liveness().failed()) {
      kinds.add("liveness");
    }
    return new FailureKind(checker, kinds.isEmpty() ? List.of("invalid") : kinds);
  }

  /** True when the run this describes failed. */
  public boolean failed() {
    return !kinds.isEmpty();
  }

  /** True when {@code candidate} fails the same way as this. */
  public boolean matchedBy(FailureKind candidate) {
    if (!failed() || !candidate.failed() || !candidate.checker.equals(checker)) {
      return false;
    }
    // A checker's verdict is the failure: a run that also lost liveness (a cluster left without a quorum) must not
    // shrink into one that only loses liveness or only throws, which any system does with too few nodes up.
    List<String> wanted = verdictKinds(kinds).isEmpty() ? kinds : verdictKinds(kinds);
    for (String k : candidate.kinds) {
      if (wanted.contains(k)) {
        return true;
      }
    }
    return false;
  }

  /** The kinds a checker reported (not the run's own: liveness, a node's exception). */
  private static List<String> verdictKinds(List<String> ks) {
    List<String> out = new ArrayList<>();
    for (String k : ks) {
      if (!runKind(k)) {
        out.add(k);
      }
    }
    return out;
  }

  private static boolean runKind(String k) {
    return k.equals("liveness") || k.startsWith("node-exception");
  }

  /** {@code linear: nonlinearizable :read}, {@code liveness}: the checker's kinds named after it, the run's alone. */
  public String describe() {
    if (!failed()) {
      return checker + ": does not fail";
    }
    List<String> out = new ArrayList<>();
    for (String k : kinds) {
      out.add(runKind(k) ? k : checker + ": " + k);
    }
    return String.join("; ", out);
  }

  private static List<String> kinds(String checker, Map<Keyword, Object> data) {
    List<String> out = new ArrayList<>();
    switch (checker) {
      case "linear" -> {
        if (data.get(Keyword.of("failure")) instanceof Map<?, ?> failure
            && failure.get(Keyword.of("op")) instanceof Map<?, ?> op && op.get(Keyword.of("f")) != null) {
          out.add("nonlinearizable :" + name(op.get(Keyword.of("f"))));
        }
      }
      case "txn" -> {
        if (data.get(Keyword.of("anomaly-types")) instanceof List<?> types) {
          for (Object t : types) {
            out.add(name(t));
          }
        }
      }
      default -> {
        if (data.get(Keyword.of("errors")) instanceof Map<?, ?> errors) {
          for (Object k : errors.keySet()) {
            out.add(name(k));
          }
        }
        for (String count : List.of("lost", "unexpected")) {
          if (data.get(Keyword.of(count + "-count")) instanceof Number n && n.longValue() > 0) {
            out.add(count);
          }
        }
        if (data.get(Keyword.of("error")) != null && out.isEmpty()) {
          out.add(checker.equals("set") ? "never-read" : String.valueOf(data.get(Keyword.of("error"))));
        }
      }
    }
    return out;
  }

  private static String name(Object o) {
    return o instanceof Keyword k ? k.name() : String.valueOf(o);
  }
}
