package madjep.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import madjep.history.History;
import madjep.history.io.HistoryFormat;
import madjep.history.io.HistoryReader;
import madjep.sim.scenario.Scenario;
import madjep.sim.scenario.SimResult;
import madjep.sim.workload.CheckSpec;
import org.junit.jupiter.api.Test;

class OpContextTest {
  /** n3 is killed and restarted, then serves a read that lists an element twice. */
  private static final String HISTORY = """
      {:type :info, :process :nemesis, :f :kill, :value :one, :time 1000}
      {:type :info, :process :nemesis, :f :kill, :value ["n3"], :time 1000}
      {:type :invoke, :process 0, :f :txn, :value [[:append 1 7]], :time 1500}
      {:type :ok, :process 0, :f :txn, :value [[:append 1 7]], :time 1600, :node "n1"}
      {:type :info, :process :nemesis, :f :start, :value :all, :time 2000}
      {:type :info, :process :nemesis, :f :start, :value ["n3"], :time 2000}
      {:type :invoke, :process 1, :f :txn, :value [[:r 1 nil]], :time 3000}
      {:type :ok, :process 1, :f :txn, :value [[:r 1 [7 7]]], :time 3100, :node "n3"}
      """;

  private static History history() throws IOException {
    return HistoryReader.read(new ByteArrayInputStream(HISTORY.getBytes(StandardCharsets.UTF_8)), "t",
        HistoryFormat.EDN);
  }

  @Test
  void lastRestart_servingNodeKilledThenStarted_named() throws IOException {
    History h = history();
    assertEquals("killed at 1000 ns, restarted at 2000 ns", OpContext.lastRestart(h, "n3", 3100));
    assertNull(OpContext.lastRestart(h, "n1", 3100), "n1 never went down");
    assertNull(OpContext.lastRestart(h, "n3", 1500), "not yet back at 1500 ns");
  }

  @Test
  void txnViolation_duplicateElements_pinnedOnTheReadAndItsRestartedNode() throws IOException {
    History h = history();
    CheckResult c = Checkers.check(h, CheckSpec.of("txn", "workload", "list-append", "consistency-models",
        List.of("strict-serializable")), Duration.ofSeconds(30));
    assertTrue(c.summary().contains("duplicate-elements"), c.summary());
    assertEquals(7, c.failedOp(), "the read that saw 7 twice");
    SimResult r = new SimResult(Scenario.builder("t").system("t", id -> null).build(), h, "", CheckSpec.of("txn"),
        0, 0, 0, "", Map.of(), null, null, new madjep.sim.scenario.FaultCoverage(List.of()), List.of(),
        new madjep.sim.scenario.Observations(List.of(), List.of(), ""));
    String context = OpContext.describe(r, c.failedOp());
    assertTrue(context.startsWith("served by n3") && context.contains("restarted at 2000 ns"), context);
  }
}
