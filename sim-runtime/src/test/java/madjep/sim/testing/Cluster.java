package madjep.sim.testing;

import madjep.sim.Simulation;
import madjep.sim.Streams;
import madjep.sim.Trace;

/** A started simulation of {@link Probe} nodes, for tests of the sim's mechanics. */
public final class Cluster {
  public final Simulation sim;
  public final Probe[] nodes;

  public Cluster(long seed, int n) {
    nodes = new Probe[n];
    sim = new Simulation(new Streams(seed), n, id -> nodes[id] = new Probe(), new Trace(true));
    sim.start();
  }

  /** Node {@code from} sends {@code count} numbered messages to {@code to}, one every {@code gap} ns from now. */
  public void stream(int from, int to, int count, long gap) {
    for (int i = 0; i < count; i++) {
      int k = i;
      sim.after(i * gap, () -> {
        if (nodes[from].ctx != null && nodes[from].ctx.alive()) {
          nodes[from].ctx.send(to, k);
        }
      });
    }
  }
}
