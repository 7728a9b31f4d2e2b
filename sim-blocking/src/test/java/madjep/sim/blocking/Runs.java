package madjep.sim.blocking;

import madjep.sim.NodeFactory;
import madjep.sim.Simulation;
import madjep.sim.Streams;
import madjep.sim.Trace;

/** Small simulations for the runtime's tests: a cluster of {@code n} servers made by a factory, started. */
final class Runs {
  private Runs() {}

  static Simulation start(long seed, int n, NodeFactory factory) {
    Simulation sim = new Simulation(new Streams(seed), n, factory, new Trace(true));
    sim.start();
    return sim;
  }

  /** The node behind server {@code id}, as the user wrote it. */
  @SuppressWarnings("unchecked")
  static <T extends BlockingNode> T node(Simulation sim, int id) {
    return (T) BlockingNodeFactory.unwrap(sim.node(id));
  }
}
