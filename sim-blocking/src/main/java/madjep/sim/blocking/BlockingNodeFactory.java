package madjep.sim.blocking;

import java.util.function.IntFunction;
import madjep.sim.Node;
import madjep.sim.NodeFactory;

/**
 * Makes blocking-style nodes into nodes the simulator runs: {@code BlockingNodeFactory.of(id -> new MyNode(id))} is
 * a {@link NodeFactory} for a scenario, a {@code Simulation}, or part of a mixed cluster (call {@link #create} for
 * the ids that are blocking-style and build event-style nodes for the others). Immutable; one factory can serve
 * any number of runs.
 */
public final class BlockingNodeFactory implements NodeFactory {
  private final IntFunction<? extends BlockingNode> nodes;
  private final Interleaving interleaving;
  private final Carrier.Kind carrier;

  private BlockingNodeFactory(IntFunction<? extends BlockingNode> nodes, Interleaving interleaving,
      Carrier.Kind carrier) {
    this.nodes = nodes;
    this.interleaving = interleaving;
    this.carrier = carrier;
  }

  /** Nodes made by {@code nodes} (called at every boot with the node's id), interleaved {@link Interleaving#RANDOM}. */
  public static BlockingNodeFactory of(IntFunction<? extends BlockingNode> nodes) {
    return new BlockingNodeFactory(nodes, Interleaving.RANDOM, Carrier.Kind.best());
  }

  /** The same nodes with another way of picking the next task. */
  public BlockingNodeFactory withInterleaving(Interleaving i) {
    return new BlockingNodeFactory(nodes, i, carrier);
  }

  /**
   * The same nodes on the hand-off carrier (plain virtual threads) even when the direct one is available: for
   * comparing the two. Runs give the same bytes either way.
   */
  public BlockingNodeFactory withHandoff() {
    return new BlockingNodeFactory(nodes, interleaving, Carrier.Kind.HANDOFF);
  }

  public Interleaving interleaving() {
    return interleaving;
  }

  Carrier.Kind carrier() {
    return carrier;
  }

  /** The user's node behind a simulator node made here (for tests and invariants), or null. */
  public static BlockingNode unwrap(Node n) {
    return n instanceof NodeAdapter a ? a.node() : null;
  }

  /**
   * How this JVM runs tasks: {@code direct} (virtual threads scheduled by the simulator), or {@code hand-off} with the
   * reason the direct one is not available (usually a missing {@code --add-opens java.base/java.lang=ALL-UNNAMED}).
   */
  public static String mechanism() {
    return DirectCarrier.UNAVAILABLE == null ? "direct" : "hand-off: " + DirectCarrier.UNAVAILABLE;
  }

  @Override
  public Node create(int id) {
    return new NodeAdapter(nodes.apply(id), this);
  }
}
