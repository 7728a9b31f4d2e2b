package madjep.bench.jepsen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import madjep.history.History;
import madjep.history.Verdict;
import madjep.history.io.HistoryFormat;
import madjep.history.io.HistoryWriter;
import madjep.txn.jepsen.BankChecker;
import madjep.txn.jepsen.CounterChecker;
import madjep.txn.jepsen.LongForkChecker;
import madjep.txn.jepsen.LongForkResult;
import madjep.txn.jepsen.SetChecker;
import madjep.txn.jepsen.SetFullChecker;
import madjep.txn.jepsen.SetFullResult;
import madjep.txn.jepsen.TotalQueueChecker;
import madjep.txn.jepsen.TotalQueueResult;
import madjep.txn.jepsen.UniqueIdsChecker;
import org.junit.jupiter.api.Test;

/** The benchmarks' inputs are what their Javadoc says: valid, seeded, exercising each checker's cases. */
class JepsenHistoriesTest {
  static final int OPS = 20_000;

  @Test
  void generators_smallHistories_wellFormedAndValid() {
    History[] hs = {
      JepsenHistories.bank(OPS, 10, 8, 1), JepsenHistories.counter(OPS, 10, 1), JepsenHistories.set(OPS / 2, 10, 1),
      JepsenHistories.setFull(OPS, 5, 10, false, 1), JepsenHistories.longFork(OPS, 3, 10, 1),
      JepsenHistories.uniqueIds(OPS, 10, 1), JepsenHistories.totalQueue(OPS, 10, 1)};
    for (History h : hs) {
      h.requireWellFormed();
      assertTrue(h.size() >= OPS, h.toString());
    }
    assertEquals(Verdict.VALID, BankChecker.check(hs[0], BankChecker.Options.defaults()).valid());
    assertEquals(Verdict.VALID, CounterChecker.check(hs[1]).valid());
    assertEquals(Verdict.VALID, SetChecker.check(hs[2]).valid());
    SetFullResult sf = SetFullChecker.check(hs[3], SetFullChecker.Options.defaults());
    assertEquals(Verdict.VALID, sf.valid());
    assertTrue(!sf.stale().isEmpty(), "the lagging replica makes some elements stale");
    assertEquals(Verdict.INVALID, SetFullChecker.check(hs[3], new SetFullChecker.Options(true)).valid());
    LongForkResult lf = LongForkChecker.check(hs[4], new LongForkChecker.Options(3));
    assertEquals(Verdict.VALID, lf.valid());
    assertTrue(lf.readCount() > OPS / 10 && lf.earlyReadCount() > 0 && lf.lateReadCount() > 0, lf.toString());
    assertEquals(Verdict.VALID, UniqueIdsChecker.check(hs[5]).valid());
    TotalQueueResult q = TotalQueueChecker.check(hs[6]);
    assertEquals(Verdict.VALID, q.valid());
    assertTrue(!q.recovered().isEmpty());
  }

  @Test
  void setFull_sparseElements_sameOutcomesAsCompact() {
    SetFullResult dense = SetFullChecker.check(JepsenHistories.setFull(OPS, 5, 10, false, 3),
        SetFullChecker.Options.defaults());
    SetFullResult sparse = SetFullChecker.check(JepsenHistories.setFull(OPS, 5, 10, true, 3),
        SetFullChecker.Options.defaults());
    assertEquals(dense.elements().size(), sparse.elements().size());
    assertEquals(dense.stale().size(), sparse.stale().size());
    for (int k = 0; k < dense.elements().size(); k++) {
      assertEquals(dense.elements().get(k).outcome(), sparse.elements().get(k).outcome());
      assertEquals(dense.elements().get(k).stableLatency(), sparse.elements().get(k).stableLatency());
    }
  }

  @Test
  void generators_sameSeed_sameHistory() throws java.io.IOException {
    var a = new java.io.ByteArrayOutputStream();
    var b = new java.io.ByteArrayOutputStream();
    HistoryWriter.write(JepsenHistories.longFork(5000, 3, 10, 9), HistoryFormat.EDN, a);
    HistoryWriter.write(JepsenHistories.longFork(5000, 3, 10, 9), HistoryFormat.EDN, b);
    assertEquals(a.toString(), b.toString());
  }
}
