package madjep.systems.curp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import madjep.harness.Harness;
import madjep.harness.Run;
import madjep.history.Verdict;
import madjep.sim.Node;
import madjep.sim.NodeContext;
import madjep.sim.NodeFactory;
import madjep.sim.scenario.Bundled;
import madjep.sim.scenario.Scenario;
import madjep.sim.workload.ClientProtocol;
import madjep.sim.workload.ClientSession;
import org.junit.jupiter.api.Test;

/** Xline's own simulation tests, as bundled scenarios with explicit fault steps. */
class XlineScenariosTest {
  /** curp-kv, keeping each node's latest incarnation so that a test can look at the states at the end. */
  static final class Watched implements NodeFactory, ClientProtocol {
    final CurpKv kv = new CurpKv(CurpConfig.defaults());
    final CurpNode[] nodes = new CurpNode[9];

    @Override
    public Node create(int id) {
      return nodes[id] = (CurpNode) kv.create(id);
    }

    @Override
    public ClientSession open(NodeContext ctx) {
      return kv.open(ctx);
    }
  }

  private static Run run(String name, long seed) throws Exception {
    return Harness.defaults().run(Bundled.get(name).scenario().withSeed(seed), name + " " + seed);
  }

  private static Run valid(String name, long seed) throws Exception {
    Run r = run(name, seed);
    assertEquals(Verdict.VALID, r.verdict(), name + " seed " + seed + ": " + r.summary());
    return r;
  }

  @Test
  void leaderCrash_newLeaderElectedAndServes() throws Exception {
    Run r = valid("curp-xline-leader-crash", 1);
    String t = r.sim().trace();
    Matcher kill = Pattern.compile("nemesis: kill :primaries -> \\[\"(n\\d)\"\\]").matcher(t);
    assertTrue(kill.find(), t);
    String killed = kill.group(1);
    Matcher leader = Pattern.compile("\\] (n\\d): leader").matcher(t.substring(kill.end()));
    assertTrue(leader.find(), "a new leader after the crash");
    assertTrue(!leader.group(1).equals(killed), "another node leads");
  }

  @Test
  void followerCrash_theKilledNodeIsNotTheLeader() throws Exception {
    Run r = valid("curp-xline-follower-crash", 2);
    String t = r.sim().trace();
    Matcher leader = Pattern.compile("\\] (n\\d): leader").matcher(t);
    String last = null;
    int at = t.indexOf("nemesis: kill :follower");
    while (leader.find() && leader.start() < at) {
      last = leader.group(1);
    }
    assertTrue(at > 0 && last != null, t);
    assertTrue(!t.substring(at, t.indexOf('\n', at)).contains("\"" + last + "\""), "kills a follower, not " + last);
  }

  @Test
  void leaderAndFollowerCrash_threeLeftServe() throws Exception {
    Run r = valid("curp-xline-leader-and-follower-crash", 3);
    assertTrue(r.sim().trace().contains("kill :follower"));
  }

  @Test
  void recoverSpeculative_isolatedLeadersFastPathCommandsRecovered() throws Exception {
    int recovered = 0;
    for (long seed = 1; seed <= 3; seed++) {
      Matcher m = Pattern.compile("recovered (\\d+) commands from the witnesses")
          .matcher(valid("curp-xline-recover-speculative", seed).sim().trace());
      while (m.find()) {
        recovered += Integer.parseInt(m.group(1));
      }
    }
    assertTrue(recovered > 0, "a new leader re-proposed commands only witnesses held");
  }

  @Test
  void recoverable_bothConditions_recoverQuorumRecovered_fewerNot() {
    Command a = new Command(21, 1, new Op.Put(1, 1));
    Command b = new Command(22, 1, new Op.Put(2, 1));
    Command c = new Command(23, 1, new Op.Put(1, 2));
    List<List<SpecPool.Held>> pools = List.of(
        List.of(new SpecPool.Held(a, 3), new SpecPool.Held(b, 3)),
        List.of(new SpecPool.Held(a, 3)),
        List.of(new SpecPool.Held(c, 3)));
    List<Command> r = CurpNode.recoverable(pools, CurpConfig.recoverQuorum(5));
    assertEquals(List.of(a), r, "a is in 2 of the quorum's 3 pools; b and c in one each");
  }

  @Test
  void oldLeaderRejoins_everyNodeEndsWithTheSameState() throws Exception {
    Watched w = new Watched();
    Scenario s = Bundled.get("curp-xline-old-leader-rejoins").scenario().toBuilder().system("curp-kv", w).seed(4)
        .build();
    Run r = Harness.defaults().run(s, "rejoins");
    assertEquals(Verdict.VALID, r.verdict(), r.summary());
    CurpNode first = w.nodes[0];
    for (int i = 1; i < 5; i++) {
      assertEquals(first.appliedIndex(), w.nodes[i].appliedIndex(), "n" + (i + 1) + " applied the same log");
      assertArrayEquals(first.stateImage(), w.nodes[i].stateImage(), "n" + (i + 1) + " holds the same state");
    }
    assertTrue(first.revision() > 100);
  }

  @Test
  void minorityCrashOn9_slowPathKeepsCommitting() throws Exception {
    Run r = valid("curp-xline-minority-crash-9", 1);
    assertEquals(9, r.sim().scenario().nodes());
  }

  @Test
  void compactionRecovery_followerCatchesUpFromASnapshot() throws Exception {
    Run r = valid("curp-xline-compaction-recovery", 1);
    assertTrue(r.sim().trace().contains("installed a snapshot"), "the restarted follower was sent a snapshot");
  }
}
