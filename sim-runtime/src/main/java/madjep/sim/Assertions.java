package madjep.sim;

import java.util.ArrayList;
import java.util.List;

/**
 * Antithesis-style assertions, named, from node code ({@link NodeContext#always} and the others) and from cluster
 * invariants ({@link Simulation#addInvariant}). A false {@code always}, a reached {@code unreachable} or a broken
 * invariant fails the run: the first failure of each names its node, incarnation and time. {@code sometimes} and
 * {@code reachable} never fail a run; their results say whether they were ever seen, so a sweep can list those seen
 * in no seed.
 */
public final class Assertions {
  /** The kinds of assertion. */
  public enum Kind {
    ALWAYS, SOMETIMES, REACHABLE, UNREACHABLE, INVARIANT;

    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** True for the kinds whose failure fails the run. */
    public boolean mustHold() {
      return this == ALWAYS || this == UNREACHABLE || this == INVARIANT;
    }
  }

  /** Where an assertion first failed: node (or {@code cluster}), its incarnation, simulated time, and a detail. */
  public record Failure(String node, int incarnation, long time, String detail) {}

  /**
   * One assertion's outcome over a run.
   *
   * @param name its name
   * @param kind its kind
   * @param evaluations how often it was reached
   * @param satisfied how often its condition held (for {@code sometimes}: was true; {@code reachable}: was reached)
   * @param failures how often it failed (always false, unreachable reached, invariant broken)
   * @param first the first failure, or null
   */
  public record Result(String name, Kind kind, long evaluations, long satisfied, long failures, Failure first) {
    /** True when this assertion fails the run. */
    public boolean failed() {
      return failures > 0;
    }

    /** For sometimes and reachable: true when seen at least once. */
    public boolean seen() {
      return satisfied > 0;
    }
  }

  private static final class Stat {
    final String name;
    final Kind kind;
    long evaluations;
    long satisfied;
    long failures;
    Failure first;

    Stat(String name, Kind kind) {
      this.name = name;
      this.kind = kind;
    }
  }

  private final Simulation sim;
  // Looked up by name; results() sorts, so hash order never reaches output.
  private final ByName<Stat> stats = new ByName<>();
  private long failures;

  Assertions(Simulation sim) {
    this.sim = sim;
  }

  /** Declares an assertion before it is reached, so that a run that never reaches it still lists it. */
  public void declare(String name, Kind kind) {
    stat(name, kind);
  }

  void record(String name, Kind kind, boolean ok, String node, int incarnation, long time, String detail) {
    Stat s = stat(name, kind);
    s.evaluations++;
    if (ok) {
      s.satisfied++;
    } else if (kind.mustHold()) {
      s.failures++;
      failures++;
      if (s.first == null) {
        s.first = new Failure(node, incarnation, time, detail);
        Trace t = sim.trace();
        if (t.enabled()) {
          t.line(time, node, kind.label() + " assertion '" + name + "' failed"
              + (detail == null || detail.isEmpty() ? "" : ": " + detail));
        }
      }
    }
  }

  private Stat stat(String name, Kind kind) {
    Stat s = stats.get(name);
    if (s == null) {
      s = new Stat(name, kind);
      stats.put(name, s);
    } else if (s.kind != kind) {
      throw new IllegalArgumentException("assertion '" + name + "' is used as " + s.kind.label() + " and as "
          + kind.label() + ": give each its own name");
    }
    return s;
  }

  /** Failures of always, unreachable and invariants so far. */
  public long failures() {
    return failures;
  }

  /** Every assertion, by name. */
  public List<Result> results() {
    List<Result> out = new ArrayList<>();
    for (Stat s : stats.values()) {
      out.add(new Result(s.name, s.kind, s.evaluations, s.satisfied, s.failures, s.first));
    }
    out.sort((a, b) -> a.name().compareTo(b.name()));
    return out;
  }
}
