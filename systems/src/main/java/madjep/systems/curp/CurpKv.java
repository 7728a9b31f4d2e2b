package madjep.systems.curp;

import madjep.sim.Node;
import madjep.sim.NodeContext;
import madjep.sim.NodeFactory;
import madjep.sim.workload.ClientProtocol;
import madjep.sim.workload.ClientSession;

/**
 * The CURP key-value store as a system under test: its servers ({@link CurpNode}) and, because a CURP client talks
 * to every node at once, its own client side ({@link CurpClient}). Keeps no state: one instance serves every run.
 */
public final class CurpKv implements NodeFactory, ClientProtocol {
  private final CurpConfig cfg;

  public CurpKv(CurpConfig cfg) {
    this.cfg = cfg;
  }

  public CurpConfig config() {
    return cfg;
  }

  @Override
  public Node create(int id) {
    return new CurpNode(id, cfg);
  }

  @Override
  public ClientSession open(NodeContext ctx) {
    return new CurpClient(ctx, cfg);
  }
}
