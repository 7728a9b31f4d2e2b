package madjep.sim;

import java.util.SplittableRandom;

/**
 * The tree of random streams grown from one seed. The root is split once per component, always in the order of
 * {@link Component}, and every component splits its own stream further (one per node, one per fault kind), so
 * turning a fault on or off never shifts the choices of the workload, the network or any node.
 */
public final class Streams {
  /**
   * The components, in the fixed order in which the root is split. Append new ones at the end: inserting one would
   * change every run of every seed. (CLOCK is split but unused: clock faults draw from the nemesis's stream.)
   */
  public enum Component {
    NETWORK, DISK, CLOCK, NODES, WORKLOAD, NEMESIS, SWARM, SCHEDULE, CLIENTS,
    /** Storage faults and I/O latencies: two streams per server. */
    STORAGE,
    /** CPU costs per event, one stream per server; the storage atlas's draw. */
    RESOURCES,
    /** Fault points ({@link NodeContext#buggify}). */
    BUGGIFY
  }

  private final long seed;
  private final SplittableRandom[] roots;

  public Streams(long seed) {
    this.seed = seed;
    SplittableRandom root = new SplittableRandom(seed);
    Component[] cs = Component.values();
    roots = new SplittableRandom[cs.length];
    for (Component c : cs) {
      roots[c.ordinal()] = root.split();
    }
  }

  public long seed() {
    return seed;
  }

  /**
   * The stream of a component. Callers that need several streams split it themselves, in a fixed order, at
   * construction time.
   */
  public SplittableRandom of(Component c) {
    return roots[c.ordinal()];
  }

  /** The numbers {@code 0..n-1} in an order drawn from {@code rng} (Fisher-Yates). */
  public static int[] shuffled(int n, SplittableRandom rng) {
    int[] a = new int[n];
    for (int i = 0; i < n; i++) {
      a[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
    return a;
  }

  /** {@code n} independent streams split from a component's stream, in index order. */
  public SplittableRandom[] split(Component c, int n) {
    SplittableRandom[] out = new SplittableRandom[n];
    for (int i = 0; i < n; i++) {
      out[i] = roots[c.ordinal()].split();
    }
    return out;
  }
}
