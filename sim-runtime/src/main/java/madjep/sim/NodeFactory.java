package madjep.sim;

/**
 * Makes the fresh volatile state of node {@code id} at each boot. A factory that also implements {@code
 * madjep.sim.workload.ClientProtocol} brings its system's own client side (which nodes a client's op goes to and
 * what counts as its answer); otherwise clients send each op to the node they believe leads.
 */
@FunctionalInterface
public interface NodeFactory {
  Node create(int id);

  /**
   * The system's cluster-wide invariants (such as "at most one leader per term"), checked over the nodes' states
   * while a scenario runs, at the scenario's interval (each one's {@code every} is only a default). None by default.
   */
  default java.util.List<Invariant.Named> invariants() {
    return java.util.List.of();
  }
}
