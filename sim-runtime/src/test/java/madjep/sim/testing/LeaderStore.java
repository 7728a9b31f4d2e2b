package madjep.sim.testing;

import madjep.sim.Node;
import madjep.sim.NodeContext;
import madjep.sim.NodeFactory;
import madjep.sim.Rpc;
import madjep.sim.workload.ClientOp;
import madjep.sim.workload.ClientReply;
import madjep.sim.workload.OpMachine;

/**
 * A test system with no replication: node n1 holds the state in memory and answers every client op; the others
 * send clients to it. Linearizable while n1 lives; a crash of n1 loses everything (it keeps nothing on disk).
 */
public final class LeaderStore implements NodeFactory {
  @Override
  public Node create(int id) {
    return new Node() {
      final OpMachine machine = new OpMachine(5, 100, false);

      @Override
      public void start(NodeContext ctx) {
        if (id == 0) {
          ctx.announce("leader", 1L);
        }
      }

      @Override
      public void receive(NodeContext ctx, int from, Object message) {
        if (message instanceof Rpc.Request r && r.body() instanceof ClientOp op) {
          ctx.reply(from, r, id == 0 ? machine.apply(op) : new ClientReply.NotLeader(0));
        }
      }
    };
  }
}
