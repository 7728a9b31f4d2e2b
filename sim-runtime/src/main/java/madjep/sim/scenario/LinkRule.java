package madjep.sim.scenario;

import madjep.sim.Latency;
import madjep.sim.Network;

/**
 * A static setting of one link, from a scenario's {@code [network] links}: {@code n1->n2 loss 0.3} (one direction),
 * {@code n1<->n3 latency exponential 1ms 5ms} (both directions).
 */
public record LinkRule(int from, int to, boolean bothWays, double loss, Latency latency) {
  /** Reads a rule for a cluster of {@code nodes} servers. */
  public static LinkRule parse(String text, int nodes) {
    String[] w = text.trim().split("\\s+", 3);
    if (w.length < 3) {
      throw new IllegalArgumentException("expected 'nA->nB loss P' or 'nA<->nB latency DIST', found '" + text + "'");
    }
    boolean both = w[0].contains("<->");
    String[] ends = w[0].split(both ? "<->" : "->");
    if (ends.length != 2) {
      throw new IllegalArgumentException("expected a link such as n1->n2 or n1<->n2, found '" + w[0] + "'");
    }
    int a = node(ends[0], nodes);
    int b = node(ends[1], nodes);
    return switch (w[1]) {
      case "loss" -> {
        double p = Double.parseDouble(w[2]);
        if (p < 0 || p > 1) {
          throw new IllegalArgumentException("expected a loss between 0 and 1, found " + w[2]);
        }
        yield new LinkRule(a, b, both, p, null);
      }
      case "latency" -> new LinkRule(a, b, both, 0, Latency.parse(w[2]));
      default -> throw new IllegalArgumentException("expected 'loss' or 'latency' after the link, found '" + w[1]
          + "'");
    };
  }

  private static int node(String name, int nodes) {
    return madjep.sim.NodeNames.parse(name, nodes);
  }

  void apply(Network net) {
    set(net, from, to);
    if (bothWays) {
      set(net, to, from);
    }
  }

  private void set(Network net, int a, int b) {
    if (latency != null) {
      net.setLinkLatency(a, b, latency);
    } else {
      net.setLinkLoss(a, b, loss);
    }
  }

  /** The rule as a scenario file writes it. */
  public String describe() {
    return "n" + (from + 1) + (bothWays ? "<->" : "->") + "n" + (to + 1)
        + (latency != null ? " latency " + latency.describe() : " loss " + loss);
  }
}
