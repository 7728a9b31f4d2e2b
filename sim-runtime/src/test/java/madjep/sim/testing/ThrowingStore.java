package madjep.sim.testing;

import madjep.sim.Node;
import madjep.sim.NodeContext;
import madjep.sim.NodeFactory;
import madjep.sim.Rpc;
import madjep.sim.workload.ClientOp;
import madjep.sim.workload.ClientReply;
import madjep.sim.workload.OpMachine;

/** A store with a bug that throws: n1 serves clients until its 50th op, which it cannot handle. */
public final class ThrowingStore implements NodeFactory {
  @Override
  public Node create(int id) {
    return new Node() {
      final OpMachine machine = new OpMachine(5, 100, false);
      int served;

      @Override
      public void start(NodeContext ctx) {}

      @Override
      public void receive(NodeContext ctx, int from, Object message) {
        if (message instanceof Rpc.Request r && r.body() instanceof ClientOp op) {
          if (id == 0 && ++served == 50) {
            throw new IllegalStateException("op 50 broke the store: " + op);
          }
          ctx.reply(from, r, id == 0 ? machine.apply(op) : new ClientReply.NotLeader(0));
        }
      }
    };
  }
}
