package madjep.sim.testing;

import madjep.sim.Node;
import madjep.sim.NodeContext;
import madjep.sim.NodeFactory;

/** A system that breaks the node rules: its timers depend on identity hash codes, which differ between runs. */
public final class LeakyNodes implements NodeFactory {
  @Override
  public Node create(int id) {
    return new Node() {
      @Override
      public void start(NodeContext ctx) {
        ctx.setTimer(1_000_000L + (System.identityHashCode(new Object()) & 0xffff), "tick");
      }

      @Override
      public void receive(NodeContext ctx, int from, Object message) {}

      @Override
      public void timer(NodeContext ctx, Object tag) {
        ctx.setTimer(1_000_000L + (System.identityHashCode(new Object()) & 0xffff), "tick");
      }
    };
  }
}
