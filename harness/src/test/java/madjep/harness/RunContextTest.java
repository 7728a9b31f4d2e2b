package madjep.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import madjep.history.History;
import madjep.history.Verdict;
import madjep.history.edn.EdnVector;
import madjep.history.edn.Keyword;
import madjep.history.io.HistoryFormat;
import madjep.history.io.HistoryReader;
import madjep.sim.scenario.Scenario;
import madjep.sim.scenario.SimResult;
import madjep.sim.workload.CheckSpec;
import org.junit.jupiter.api.Test;

class RunContextTest {
  private static Map<Keyword, Object> map(Object... kv) {
    Map<Keyword, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(Keyword.of((String) kv[i]), kv[i + 1]);
    }
    return m;
  }

  @Test
  void firstOp_linearFailureElleCaseAndRevisionOps_found() {
    assertEquals(217L, RunContext.firstOp(map("valid?", false, "failure", map("op", map("index", 217L,
        "process", 4L)))));
    assertEquals(9L, RunContext.firstOp(map("anomalies", map("duplicate-elements", EdnVector.of(map("op",
        map("index", 9L, "process", 1L), "duplicates", Map.of(3L, 2L)))))));
    assertEquals(12L, RunContext.firstOp(map("revisions", map("anomalies", map("x", EdnVector.of(map("ops",
        EdnVector.of(5L, 12L))))))));
    assertEquals(-1L, RunContext.firstOp(map("valid?", true)));
  }

  @Test
  void annotate_invalidRun_namesTheNodeItsRestartAndTheFaultsBefore() throws Exception {
    String edn = """
        {:type :invoke, :process 0, :f :read, :value [1 nil], :time 6000000000}
        {:type :ok, :process 0, :f :read, :value [1 3], :time 6100000000, :node "n3", :path :slow}
        """;
    History h = HistoryReader.read(new ByteArrayInputStream(edn.getBytes(StandardCharsets.UTF_8)), "t",
        HistoryFormat.EDN);
    String trace = String.join("\n",
        "[     0.000000000] sim: scenario",
        "[     2.000000000] nemesis: kill :one -> [\"n3\"]",
        "[     2.000000000] n3: crashed (2 unsynced writes lost, 0 torn)",
        "[     4.500000000] nemesis: start :all -> [\"n3\"]",
        "[     4.500000000] n3: restarted",
        "[     9.000000000] nemesis: kill :one -> [\"n1\"]");
    SimResult r = new SimResult(Scenario.builder("t").system("t", id -> null).build(), h, trace,
        CheckSpec.of("linear"), 0, 0, 0, "", Map.of());
    CheckResult c = new CheckResult(Verdict.INVALID, "linear: INVALID", map("valid?", false, "failure",
        map("op", map("index", 1L, "process", 0L))));
    CheckResult a = RunContext.annotate(r, c);
    String s = a.summary();
    assertTrue(s.contains("answered by n3 on the slow path"), s);
    assertTrue(s.contains("n3 crashed at 2.000 s, restarted at 4.500 s"), s);
    assertTrue(s.contains("4.500 s start :all"), s);
    assertTrue(!s.contains("9.000"), "faults after the op are not listed: " + s);
    assertTrue(a.data().get(Keyword.of("context")) instanceof String);
    CheckResult valid = new CheckResult(Verdict.VALID, "linear: valid", map("valid?", true));
    assertSame(valid, RunContext.annotate(r, valid), "a valid run is left alone");
  }
}
