package madjep.sim;

import java.util.List;

/**
 * A cluster-wide invariant over the servers' volatile state, such as "at most one leader per term", checked by the
 * simulation at a chosen interval ({@link Simulation#addInvariant}). A broken invariant fails the run like a false
 * {@code always} assertion.
 */
@FunctionalInterface
public interface Invariant {
  /** Which servers an invariant sees: running ones only, or paused ones too. Crashed ones are always null. */
  enum Scope {
    RUNNING, LIVE
  }

  /**
   * Checks the servers' states; {@code nodes.get(i)} is server {@code i}'s node, or null when out of scope.
   *
   * @return null when the invariant holds, or a sentence saying how it is broken
   */
  String check(List<Node> nodes, long now);

  /** An invariant with its name, scope and interval (0: after every event). */
  record Named(String name, Scope scope, long every, Invariant invariant) {}
}
