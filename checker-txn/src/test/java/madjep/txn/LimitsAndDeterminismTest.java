package madjep.txn;

import java.io.ByteArrayInputStream;
import static madjep.txn.Txns.history;
import static madjep.txn.Txns.op;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import madjep.history.History;
import madjep.history.Verdict;
import madjep.history.edn.Edn;
import madjep.history.txn.TxnEdnReader;
import madjep.history.txn.TxnHistory;
import madjep.txn.gen.TxnHistoryGenerator.Config;
import madjep.txn.gen.TxnHistoryGenerator.Store;
import madjep.txn.gen.TxnHistoryGenerator;
import org.junit.jupiter.api.Test;

class LimitsAndDeterminismTest {
  @Test
  void expiredDeadline_cyclicHistory_neverValidAndSaysTimeout() {
    History h = history(op("ax1ry"), op("ay1rx"));
    TxnResult r = TxnChecker.check(h, TxnOptions.of(Workload.LIST_APPEND).withModels("serializable")
        .withDeadline(Deadline.after(Duration.ZERO)));
    assertNotEquals(Verdict.VALID, r.valid(), Edn.print(r.toData()));
    assertTrue(r.anomalyTypes().contains("cycle-search-timeout"), Edn.print(r.toData()));
  }

  @Test
  void expiredDeadline_onlyTimeout_unknown() {
    // A G0 cycle under read-uncommitted: cycle-exists evidence for PL-1 is prohibited, so use a model that does not
    // prohibit any cycle-exists type the pass can find: the -process variants need process edges, which are absent.
    History h = history(op("ax1ay1"), op("ax2ay2"), op("rx12ry21"));
    TxnResult r = TxnChecker.check(h, TxnOptions.of(Workload.LIST_APPEND).withModels(java.util.List.of())
        .withAnomalies("G0-process").withDeadline(Deadline.after(Duration.ZERO)));
    assertEquals(Verdict.UNKNOWN, r.valid(), Edn.print(r.toData()));
    assertEquals(java.util.List.of("cycle-search-timeout"), r.anomalyTypes());
  }

  @Test
  void siHistory_checkedTwiceOnSeveralThreads_identicalResults() throws IOException {
    byte[] edn = TxnHistoryGenerator.edn(Config.of(Workload.LIST_APPEND, Store.SNAPSHOT_ISOLATION, 20_000, 3));
    TxnHistory h = TxnEdnReader.read(new ByteArrayInputStream(edn), "<gen>");
    String one = Edn.print(TxnChecker.check(h, TxnOptions.of(Workload.LIST_APPEND).withThreads(4)).toData());
    String two = Edn.print(TxnChecker.check(h, TxnOptions.of(Workload.LIST_APPEND).withThreads(3)).toData());
    String single = Edn.print(TxnChecker.check(h, TxnOptions.of(Workload.LIST_APPEND).withThreads(1)).toData());
    assertEquals(one, two);
    assertEquals(one, single);
  }
}
