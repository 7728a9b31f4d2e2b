package madjep.sim.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What each kind of fault did in a run: how often it started, how many nodes it hit, and its effects (messages
 * dropped, held, duplicated, reordered; unsynced writes lost). A kind the scenario configured that never fired is
 * flagged: fault injection that is silently inert makes every run pass.
 *
 * @param kinds one entry per fault kind, configured or fired, in the kinds' fixed order
 */
public record FaultCoverage(List<Kind> kinds) {
  public FaultCoverage {
    kinds = List.copyOf(kinds);
  }

  /**
   * One kind of fault.
   *
   * @param kind its name in scenario files ({@code partition}, {@code kill}, ...)
   * @param configured true when the scenario's mix, steps or triggers can start it
   * @param fired how often it started
   * @param nodes nodes it hit, summed over its starts
   * @param effects what it did, by name (insertion order)
   */
  public record Kind(String kind, boolean configured, long fired, long nodes, Map<String, Long> effects) {}

  /** The configured kinds that never fired. */
  public List<String> neverFired() {
    List<String> out = new ArrayList<>();
    for (Kind k : kinds) {
      if (k.configured() && k.fired() == 0) {
        out.add(k.kind());
      }
    }
    return out;
  }

  /** One line: {@code partition 4x (7 nodes, 1203 messages dropped), kill 2x (...); never fired: clog}. */
  public String describe() {
    StringBuilder sb = new StringBuilder();
    for (Kind k : kinds) {
      if (k.fired() == 0) {
        continue;
      }
      sb.append(sb.length() == 0 ? "" : ", ").append(k.kind()).append(' ').append(k.fired()).append("x (")
          .append(k.nodes()).append(k.nodes() == 1 ? " node" : " nodes");
      k.effects().forEach((name, n) -> sb.append(", ").append(n).append(' ').append(name));
      sb.append(')');
    }
    if (sb.length() == 0) {
      sb.append("no fault fired");
    }
    List<String> never = neverFired();
    if (!never.isEmpty()) {
      sb.append("; configured but never fired: ").append(String.join(", ", never));
    }
    return sb.toString();
  }
}
