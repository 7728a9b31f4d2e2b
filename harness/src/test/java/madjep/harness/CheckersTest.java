package madjep.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import madjep.history.History;
import madjep.history.Verdict;
import madjep.history.edn.Keyword;
import madjep.history.io.HistoryFormat;
import madjep.history.io.HistoryReader;
import madjep.sim.workload.EtcdAppendWorkload;
import madjep.sim.workload.Keys;
import org.junit.jupiter.api.Test;

class CheckersTest {
  private static History edn(String text) throws IOException {
    return HistoryReader.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "t", HistoryFormat.EDN);
  }

  /** A write that ends before another begins, yet a read shows it with the higher revision. */
  private static final String REORDERED = """
      {:type :invoke, :process 0, :f :txn, :value [[:append 1 1]]}
      {:type :ok, :process 0, :f :txn, :value [[:append 1 1]]}
      {:type :invoke, :process 1, :f :txn, :value [[:append 2 1]]}
      {:type :ok, :process 1, :f :txn, :value [[:append 2 1]]}
      {:type :invoke, :process 2, :f :txn, :value [[:r 1 nil] [:r 2 nil]]}
      {:type :ok, :process 2, :f :txn, :value [[:r 1 [1]] [:r 2 [1]]], :mod-revisions {1 9, 2 8}, :node "n3"}
      """;

  @Test
  void appendWorkload_revisionsAgainstRealTime_invalidWithSerializabilityReportedBeside() throws IOException {
    CheckResult r = Checkers.check(edn(REORDERED), new EtcdAppendWorkload(Keys.uniform(3), 2).check(),
        Duration.ofSeconds(30));
    assertEquals(Verdict.INVALID, r.verdict(), r.summary());
    assertTrue(r.summary().contains("serializable: valid"), r.summary());
    assertTrue(r.summary().contains("realtime-revision-order"), r.summary());
    Map<?, ?> also = (Map<?, ?>) r.data().get(Keyword.of("also"));
    assertEquals(Boolean.TRUE, ((Map<?, ?>) also.get(Keyword.of("serializable"))).get(Keyword.of("valid?")));
    assertEquals(Boolean.FALSE, r.data().get(Keyword.of("valid?")));
    Map<?, ?> rev = (Map<?, ?>) r.data().get(Keyword.of("revisions"));
    assertEquals(Boolean.TRUE, rev.get(Keyword.of("serializable?")));
  }

  @Test
  void appendWorkload_noRevisionsReported_unknownNeverValid() throws IOException {
    String plain = REORDERED.replace(", :mod-revisions {1 9, 2 8}", "");
    CheckResult r = Checkers.check(edn(plain), new EtcdAppendWorkload(Keys.uniform(3), 2).check(),
        Duration.ofSeconds(30));
    assertEquals(Verdict.UNKNOWN, r.verdict(), r.summary());
  }
}
