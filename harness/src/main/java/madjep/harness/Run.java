package madjep.harness;

import java.util.ArrayList;
import java.util.List;
import madjep.history.Verdict;
import madjep.sim.NodeFailure;
import madjep.sim.scenario.SimResult;
import madjep.sim.workload.LivenessReport;

/**
 * One simulated and checked run: what the simulator produced, what the checker said, and the verdict they make
 * together. A run is invalid when the checker finds a violation, when a node threw ({@code node-exception}: the
 * system's failure, never MadJep's), when an {@code always} or {@code unreachable} assertion failed or an invariant
 * broke ({@code assertion}), or when some client was not served again once faults healed ({@code liveness}); it is
 * unknown when the checker hit a limit or a client was never given an op in the liveness window.
 *
 * @param sim the run: history, trace, counters, node failure, liveness, fault coverage
 * @param check the verdict of the checker the workload names
 * @param verdict the run's verdict
 * @param causes why it is not valid: {@code node-exception}, the checker's name ({@code linear}, {@code txn}, ...),
 *     {@code assertion}, {@code liveness}; empty when valid
 * @param replay the command that replays this run exactly
 */
public record Run(SimResult sim, CheckResult check, Verdict verdict, List<String> causes, String replay) {
  /** How many trace lines a node failure shows. */
  static final int TRACE_TAIL = 12;

  public Run {
    causes = List.copyOf(causes);
  }

  /** Judges a simulated run from its checker's result, its node failure and its liveness. */
  static Run judge(SimResult r, CheckResult c, String replay) {
    List<String> causes = new ArrayList<>();
    Verdict v = c.verdict();
    NodeFailure failure = r.failure();
    if (failure != null) {
      causes.add("node-exception");
      v = Verdict.INVALID;
    }
    if (c.verdict() != Verdict.VALID) {
      causes.add(r.check().checker());
    }
    if (Observed.assertionFailure(r) != null) {
      causes.add("assertion");
      v = Verdict.INVALID;
    }
    LivenessReport live = r.liveness();
    if (live != null && live.failed()) {
      causes.add("liveness");
      v = Verdict.INVALID;
    } else if (live != null && !live.ok()) {
      causes.add("liveness");
      v = v == Verdict.VALID ? Verdict.UNKNOWN : v;
    }
    return new Run(r, c, v, causes, replay);
  }

  /** The seed this run used. */
  public long seed() {
    return sim.scenario().seed();
  }

  /** One line: the node failure if any, else the checker's summary, and a failed assertion and liveness. */
  public String summary() {
    StringBuilder sb = new StringBuilder();
    if (sim.failure() != null) {
      sb.append("node-exception: ").append(sim.failure().describe()).append(" (seed ").append(seed()).append(")");
    } else {
      sb.append(check.summary());
    }
    if (causes.contains("assertion")) {
      sb.append("; assertion: ").append(Observed.assertionFailure(sim));
    }
    if (causes.contains("liveness")) {
      sb.append("; liveness: ").append(sim.liveness().describe());
    }
    return sb.toString();
  }

  /**
   * Everything a person needs to see about a run that is not valid, as lines: the node failure with where it threw
   * and the trace before it, the checker's finding, liveness. Empty when valid.
   */
  public List<String> findings() {
    List<String> out = new ArrayList<>();
    NodeFailure f = sim.failure();
    if (f != null) {
      out.add("node-exception: seed " + seed() + ", " + f.describe());
      for (String line : f.where().split("\n")) {
        if (!line.isBlank()) {
          out.add(line);
        }
      }
      out.add("last trace lines:");
      for (String line : traceTail().split("\n")) {
        out.add("  " + line);
      }
    }
    if (check.verdict() != Verdict.VALID) {
      out.add(check.summary());
    }
    if (causes.contains("assertion")) {
      out.add("assertion: " + Observed.assertionFailure(sim));
    }
    if (causes.contains("liveness")) {
      out.add("liveness: " + (sim.liveness().failed() ? "INVALID" : "unknown") + ", " + sim.liveness().describe());
    }
    return out;
  }

  /** The trace's last lines (where a node failure happened). */
  public String traceTail() {
    String t = sim.trace();
    int at = t.length() - 1;
    for (int seen = 0; at > 0; at--) {
      if (t.charAt(at - 1) == '\n' && ++seen == TRACE_TAIL) {
        break;
      }
    }
    return t.substring(Math.max(at, 0)).stripTrailing();
  }
}
