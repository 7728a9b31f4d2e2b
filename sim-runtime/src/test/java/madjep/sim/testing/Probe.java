package madjep.sim.testing;

import java.util.ArrayList;
import java.util.List;
import madjep.sim.Node;
import madjep.sim.NodeContext;

/** A test node that records what it receives and when, and sends what a test tells it to. */
public final class Probe implements Node {
  /** One delivery: virtual time, sender, message. */
  public record Got(long time, int from, Object message) {}

  public final List<Got> got = new ArrayList<>();
  public final List<Object> timers = new ArrayList<>();
  public NodeContext ctx;
  public final long simStartSeen;

  public Probe() {
    simStartSeen = 0;
  }

  @Override
  public void start(NodeContext c) {
    ctx = c;
  }

  @Override
  public void receive(NodeContext c, int from, Object message) {
    got.add(new Got(c.now(), from, message));
  }

  @Override
  public void timer(NodeContext c, Object tag) {
    timers.add(tag);
  }

  /** The messages received, in order. */
  public List<Object> messages() {
    List<Object> out = new ArrayList<>();
    for (Got g : got) {
      out.add(g.message());
    }
    return out;
  }
}
