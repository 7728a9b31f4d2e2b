package madjep.txn;

import static madjep.txn.ReferenceHistoriesTest.expect;
import static madjep.txn.Txns.history;
import static madjep.txn.Txns.pair;
import static madjep.txn.Txns.rw;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import madjep.history.History;
import madjep.history.Op;
import madjep.history.OpType;
import madjep.history.Verdict;
import madjep.history.edn.Edn;
import org.junit.jupiter.api.Test;

/**
 * The four minimal rw-register histories that Elle calls valid although no serial order exists (issue 15), each with a
 * relative that shows the family, and the variants that must stay valid; version orders found by refutation; and a
 * list-append garbage read hidden behind an :info transaction's read.
 */
class RegisterBeyondElleTest {
  static final TxnOptions SERIALIZABLE = TxnOptions.of(Workload.RW_REGISTER).withModels("serializable").withThreads(1);

  @Test
  void garbageRead_valueNobodyWrote_invalidUnderReadUncommitted() {
    History h = history(pair(rw(0, OpType.OK, "wx1")), pair(rw(1, OpType.OK, "ry9")));
    TxnResult r = TxnChecker.check(h, SERIALIZABLE);
    assertEquals(Verdict.INVALID, r.valid(), Edn.print(r.toData()));
    assertTrue(r.anomalyTypes().contains("garbage-read"), r.anomalyTypes().toString());
    assertEquals(Set.of("read-uncommitted"), r.not());
    assertEquals("{:op {:index 3, :time 0, :type :ok, :process 1, :f :txn, :value [[:r :y 9]]}, :mop [:r :y 9], "
        + ":element 9}", Edn.print(r.anomalies().get("garbage-read").get(0).toData()));
  }

  @Test
  void garbageRead_valueWrittenByFailedTxn_isG1aNotGarbage() {
    History h = history(pair(rw(0, OpType.FAIL, "wx1")), pair(rw(1, OpType.OK, "rx1")));
    TxnResult r = TxnChecker.check(h, SERIALIZABLE);
    assertTrue(r.anomalyTypes().contains("G1a"), r.anomalyTypes().toString());
    assertTrue(!r.anomalyTypes().contains("garbage-read"), r.anomalyTypes().toString());
  }

  @Test
  void infoWrite_observedAfterTheReaderCompleted_realtimeCycle() {
    // The read of 1 completes before the :info write of 1 is even invoked.
    Op[] read = pair(rw(0, OpType.OK, "rx1"));
    Op[] write = pair(rw(1, OpType.INFO, "wx1"));
    History h = history(read, write);
    TxnResult r = TxnChecker.check(h, TxnOptions.of(Workload.RW_REGISTER).withThreads(1));
    assertEquals(Verdict.INVALID, r.valid(), Edn.print(r.toData()));
    assertEquals(List.of("G1c-realtime"), r.anomalyTypes());
    assertEquals(Verdict.VALID, TxnChecker.check(h, SERIALIZABLE).valid());
  }

  @Test
  void infoWrite_observedWithHalfItsWrites_gSingleItem() {
    // T1 sees the :info T2's write of x but not its write of y.
    History h = history(pair(rw(1, OpType.INFO, "wx1wy1")), pair(rw(0, OpType.OK, "rx1ry")));
    TxnResult r = TxnChecker.check(h, SERIALIZABLE);
    expect(r, Verdict.INVALID, List.of("G-single-item"), Set.of("consistent-view", "repeatable-read"));
  }

  @Test
  void infoWrite_neverObserved_takesNoPart() {
    // T2 may never have committed: its write of y orders nothing, so T1 reading y = nil is fine.
    History h = history(pair(rw(1, OpType.INFO, "wx1wy1")), pair(rw(0, OpType.OK, "rxry")),
        pair(rw(2, OpType.OK, "wx2")), pair(rw(3, OpType.OK, "rx2")));
    assertEquals(Verdict.VALID, TxnChecker.check(h, SERIALIZABLE).valid());
  }

  @Test
  void nonRepeatableRead_fromNil_internal() {
    Op[] t1 = pair(rw(0, OpType.OK, "rxrx1"));
    Op[] t2 = pair(rw(1, OpType.OK, "wx1"));
    History h = history(t1[0], t2[0], t2[1], t1[1]);
    TxnResult r = TxnChecker.check(h, SERIALIZABLE);
    assertEquals(Verdict.INVALID, r.valid(), Edn.print(r.toData()));
    assertTrue(r.anomalyTypes().contains("internal"), r.anomalyTypes().toString());
    java.util.Map<?, ?> c = (java.util.Map<?, ?>) r.anomalies().get("internal").get(0).toData();
    assertEquals("[:r :x 1]", Edn.print(c.get(madjep.history.edn.Keyword.of("mop"))));
    assertEquals("nil", Edn.print(c.get(madjep.history.edn.Keyword.of("expected"))));
  }

  @Test
  void repeatedNilRead_stillValid() {
    History h = history(pair(rw(0, OpType.OK, "rxrx")), pair(rw(1, OpType.OK, "wx1")));
    assertEquals(Verdict.VALID, TxnChecker.check(h, SERIALIZABLE).valid());
  }

  @Test
  void futureRead_ownLaterWrite_invalidUnderReadCommitted() {
    History h = history(pair(rw(0, OpType.OK, "rx1wx1")));
    TxnResult r = TxnChecker.check(h, SERIALIZABLE);
    assertEquals(Verdict.INVALID, r.valid(), Edn.print(r.toData()));
    assertTrue(r.anomalyTypes().contains("future-read"), r.anomalyTypes().toString());
    assertEquals(Set.of("read-committed"), r.not());
  }

  @Test
  void futureRead_ofOwnIntermediateWrite_reported() {
    History h = history(pair(rw(0, OpType.OK, "rx1wx1wx2")), pair(rw(1, OpType.OK, "rx2")));
    TxnResult r = TxnChecker.check(h, SERIALIZABLE);
    assertTrue(r.anomalyTypes().contains("future-read"), r.anomalyTypes().toString());
  }

  @Test
  void blindWrites_everyOrderClosesACycle_unorderableVersions() {
    // T3 reads x = 1 and y = 2: if x's 1 < 2, T3 misses T2's x; if 2 < 1, then y's 1 < 2 or 2 < 1 each close a cycle.
    History h = history(pair(rw(0, OpType.OK, "wx1wy1")), pair(rw(1, OpType.OK, "wx2wy2")),
        pair(rw(2, OpType.OK, "rx1ry2")));
    TxnResult r = TxnChecker.check(h, SERIALIZABLE);
    expect(r, Verdict.INVALID, List.of("unorderable-versions"), Set.of("serializable"));
    ExplainedAnomaly a = (ExplainedAnomaly) r.anomalies().get("unorderable-versions").get(0);
    String prose = String.join("\n", a.explanation());
    assertTrue(prose.contains("If nil < 1 < 2: "), prose);
    assertTrue(prose.contains("If nil < 2 < 1: "), prose);
    assertTrue(prose.contains("a contradiction."), prose);
    // Read committed allows it (the two reads may see different states), so nothing is tried there.
    assertEquals(Verdict.VALID, TxnChecker.check(h, SERIALIZABLE.withModels("read-committed")).valid());
  }

  @Test
  void blindWrites_strictSerializable_realtimeVariant() {
    History h = history(pair(rw(0, OpType.OK, "wx1wy1")), pair(rw(1, OpType.OK, "wx2wy2")),
        pair(rw(2, OpType.OK, "rx1ry2")));
    TxnResult r = TxnChecker.check(h, TxnOptions.of(Workload.RW_REGISTER).withThreads(1));
    assertTrue(r.anomalyTypes().contains("unorderable-versions-realtime"), r.anomalyTypes().toString());
    assertEquals(Verdict.INVALID, r.valid());
  }

  @Test
  void oneOrderSurvives_adoptedNotReported() {
    // T2 read x = 1 and wrote 2, without --wfr-keys: 2 < 1 closes T1 -wr-> T2 -ww-> T1, so 1 < 2 is adopted.
    History h = history(pair(rw(0, OpType.OK, "wx1")), pair(rw(1, OpType.OK, "rx1wx2")), pair(rw(2, OpType.OK,
        "rx2")));
    assertEquals(Verdict.VALID, TxnChecker.check(h, SERIALIZABLE).valid());
  }

  @Test
  void readModifyWrite_withoutWfrKeys_stillRefuted() {
    // T2 read x = 1 then wrote x = 2 and y = 2; T3 read x = 1 and y = 2. Elle (without --wfr-keys) has no order of
    // x's versions and no cycle. Here 2 < 1 closes T1 -wr-> T2 -ww-> T1, and 1 < 2 closes T3 -rw-> T2 -wr-> T3.
    History h = history(pair(rw(0, OpType.OK, "wx1")), pair(rw(1, OpType.OK, "rx1wx2wy2")),
        pair(rw(2, OpType.OK, "rx1ry2")));
    TxnResult r = TxnChecker.check(h, SERIALIZABLE);
    expect(r, Verdict.INVALID, List.of("unorderable-versions"), Set.of("serializable"));
  }

  @Test
  void transactionOrder_elleReferenceHistory_gSingleItem() {
    // Elle's "G-single transaction-order": T1 r(x nil) w(y 2); T2 w(x 3) w(y 4), committed T2 then T1.
    History h = history(rw(0, OpType.OK, "rxwy2"), rw(0, OpType.OK, "wx3wy4"));
    TxnResult r = TxnChecker.check(h, SERIALIZABLE.withTransactionOrder(java.util.Map.of(0L, 2L, 1L, 1L)));
    expect(r, Verdict.INVALID, List.of("G-single-item"), Set.of("consistent-view", "repeatable-read"));
    assertEquals(Verdict.VALID, TxnChecker.check(h, SERIALIZABLE.withTransactionOrder(
        java.util.Map.of(0L, 1L, 1L, 2L))).valid());
  }

  @Test
  void listAppendGarbageRead_prefixOfAnInfoTransactionsLongerRead_stillReported() {
    // The key's longest read belongs to an :info transaction (reads it skips); the :ok prefix of it must be checked.
    History h = history(Txns.op(0, OpType.OK, "ax1"), Txns.op(1, OpType.INFO, "rx19"), Txns.op(2, OpType.OK, "rx19"));
    TxnResult r = TxnChecker.check(h, TxnOptions.of(Workload.LIST_APPEND).withModels("serializable").withThreads(1));
    assertTrue(r.anomalyTypes().contains("garbage-read"), Edn.print(r.toData()));
  }
}
