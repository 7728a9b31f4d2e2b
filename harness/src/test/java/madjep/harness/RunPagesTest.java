package madjep.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import madjep.report.Announcement;
import madjep.report.RunInfo;
import madjep.sim.Node;
import madjep.sim.NodeContext;
import madjep.sim.NodeFactory;
import madjep.sim.scenario.Scenario;
import madjep.sim.scenario.SimResult;
import madjep.sim.scenario.SimRunner;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A simulated run's page takes its leaders from what the nodes announced ({@link RunPages#leaders}); a stored run's
 * page reads them from {@code trace.log}. Both give the same announcements, values typed alike (numbers of up to 18
 * digits as numbers, anything else as text), for nodes that announce leaders with every kind of value beside other
 * events, across restarts.
 */
class RunPagesTest {
  /** Announces a leader of a different kind of value at every start, and something else beside it. */
  public static final class Announcing implements NodeFactory {
    static final Object[] VALUES = {7L, -3L, "x7", 1234567890123456789L, 0L, "t-2", 123456789012345678L, true};

    @Override
    public Node create(int id) {
      return new Node() {
        @Override
        public void start(NodeContext ctx) {
          ctx.announce("role", "follower");
          ctx.announce("leader", VALUES[(int) ((ctx.now() / 1_000_000 + id) % VALUES.length)]);
        }

        @Override
        public void receive(NodeContext ctx, int from, Object message) {}
      };
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void leadersOfARun_areTheLeadersItsTraceNames(long seed) {
    Scenario s = StoreWriterTest.small("leaders").toBuilder().system(new Announcing()).nodes(5).faultMode("mix")
        .liveness(madjep.sim.workload.LivenessSettings.off()).build().withSeed(seed);
    SimResult r = SimRunner.run(s);
    List<Announcement> fromRun = RunPages.leaders(r.announcements());
    List<Announcement> fromTrace = RunInfo.leadersFromTrace(r.trace());
    assertTrue(fromRun.size() >= 5, "a leader per start at least: " + fromRun.size());
    assertEquals(fromTrace, fromRun);
  }
}
