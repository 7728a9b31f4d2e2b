package madjep.sim.blocking;

import madjep.sim.Node;
import madjep.sim.NodeContext;
import madjep.sim.Rpc;

/**
 * One incarnation of a blocking-style node, seen by the simulator as an ordinary event-driven {@link Node}: each
 * event becomes a task or wakes one, then the node's tasks run until all of them are parked.
 */
final class NodeAdapter implements Node {
  private final BlockingNode node;
  private final BlockingNodeFactory settings;
  private TaskScheduler scheduler;
  private BlockingContext ctx;

  NodeAdapter(BlockingNode node, BlockingNodeFactory settings) {
    this.node = node;
    this.settings = settings;
  }

  /** The user's node object (for tests and invariants). */
  BlockingNode node() {
    return node;
  }

  TaskScheduler scheduler() {
    return scheduler;
  }

  @Override
  public void start(NodeContext c) {
    // The scheduling stream is split from the node's own at each boot: scheduling never shifts the node's draws
    // within an incarnation, and every incarnation explores its own interleavings.
    scheduler = new TaskScheduler(c, settings.interleaving(), c.random().split(), Carrier.create(settings.carrier()));
    ctx = new BlockingContext(c, scheduler);
    c.setIoWait(scheduler::awaitIo);
    scheduler.spawn("start", () -> node.start(ctx));
    scheduler.drain();
  }

  @Override
  public void receive(NodeContext c, int from, Object message) {
    if (message instanceof Rpc.Request r) {
      scheduler.spawnRequest(from, () -> {
        Object reply = node.serve(ctx, from, r.body());
        if (reply != null) {
          c.reply(from, r, reply);
        }
      });
    } else {
      scheduler.spawnMessage(from, () -> node.receive(ctx, from, message));
    }
    scheduler.drain();
  }

  @Override
  public void timer(NodeContext c, Object tag) {
    if (tag instanceof Wait w) {
      w.timeout();
      scheduler.drain();
    }
  }

  @Override
  public void stop(NodeContext c) {
    scheduler.spawn("stop", () -> node.stop(ctx));
    scheduler.drain();
  }
}
