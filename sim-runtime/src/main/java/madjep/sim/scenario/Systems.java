package madjep.sim.scenario;

import java.util.List;
import madjep.sim.NodeFactory;
import madjep.sim.raft.RaftConfig;
import madjep.sim.raft.RaftNode;

/** The systems under test that scenarios can name. */
public final class Systems {
  private Systems() {}

  /** The names scenario files accept. */
  public static List<String> names() {
    return List.of("raft-kv");
  }

  /** The node factory of a scenario's system, with its bug switched on. */
  public static NodeFactory factory(Scenario s) {
    if (!s.system().equals("raft-kv")) {
      throw new IllegalArgumentException("expected system raft-kv, found '" + s.system() + "'");
    }
    RaftConfig cfg = RaftConfig.defaults().withBug(s.bug())
        .withMachine(s.accounts(), s.total(), s.workload().equals("set"));
    return id -> new RaftNode(id, cfg);
  }
}
