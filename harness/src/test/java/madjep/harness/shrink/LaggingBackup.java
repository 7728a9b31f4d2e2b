package madjep.harness.shrink;

import madjep.sim.Node;
import madjep.sim.NodeContext;
import madjep.sim.NodeFactory;
import madjep.sim.Rpc;
import madjep.sim.workload.ClientOp;
import madjep.sim.workload.ClientReply;
import madjep.sim.workload.OpMachine;

/**
 * A user-style system with a real bug, for the shrinker's tests: n1 applies every client op, acknowledges it at once
 * and ships it to n2 afterwards; n2 takes over when it has not heard from n1 for 200 ms. An op acknowledged just
 * before n1 crashes (or is cut off) never reaches n2, which then serves reads of older values: stale reads, and a
 * split brain while a partition lasts. Public with a no-arg constructor, so a scenario file names it by class.
 */
public final class LaggingBackup implements NodeFactory {
  private static final Object HEARTBEAT = "heartbeat";
  private static final long BEAT = 50_000_000L;
  private static final long TAKEOVER = 200_000_000L;

  @Override
  public Node create(int id) {
    return new Node() {
      final OpMachine machine = new OpMachine(5, 100, false);
      long heardAt;

      @Override
      public void start(NodeContext ctx) {
        heardAt = ctx.now();
        if (id == 0) {
          ctx.announce("leader", 1L);
        }
        ctx.setTimer(BEAT, HEARTBEAT);
      }

      @Override
      public void timer(NodeContext ctx, Object tag) {
        if (id == 0 && ctx.servers() > 1) {
          ctx.send(1, HEARTBEAT);
        }
        ctx.setTimer(BEAT, HEARTBEAT);
      }

      @Override
      public void receive(NodeContext ctx, int from, Object message) {
        if (message == HEARTBEAT) {
          heardAt = ctx.now();
        } else if (message instanceof ClientOp op && id == 1) {
          heardAt = ctx.now();
          machine.apply(op);
        } else if (message instanceof Rpc.Request r && r.body() instanceof ClientOp op) {
          boolean serves = id == 0 || id == 1 && ctx.now() - heardAt > TAKEOVER;
          if (!serves) {
            ctx.reply(from, r, new ClientReply.NotLeader(0));
            return;
          }
          ctx.reply(from, r, machine.apply(op));
          if (id == 0 && ctx.servers() > 1) {
            ctx.send(1, op);
          }
        }
      }
    };
  }
}
