package madjep.txn;

import java.util.List;
import static madjep.txn.Txns.history;
import static madjep.txn.Txns.op;
import static madjep.txn.Txns.pair;
import static madjep.txn.Txns.rw;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Set;
import madjep.history.History;
import madjep.history.Op;
import madjep.history.OpType;
import madjep.history.Verdict;
import madjep.history.edn.Edn;
import madjep.history.edn.Keyword;
import org.junit.jupiter.api.Test;

/** The small histories of the reference (§8.3), each with the result Elle's tests assert. */
class ReferenceHistoriesTest {
  static final TxnOptions APPEND = TxnOptions.of(Workload.LIST_APPEND).withThreads(1);
  static final TxnOptions REGISTER = TxnOptions.of(Workload.RW_REGISTER).withThreads(1);

  static void expect(TxnResult r, Verdict valid, List<String> types, Set<String> not) {
    String shown = Edn.print(r.toData());
    assertEquals(valid, r.valid(), shown);
    assertEquals(types, r.anomalyTypes(), shown);
    if (not != null) {
      assertEquals(not, r.not(), shown);
    }
  }

  @Test
  void g0_writeCycle_reportedWithWwSteps() {
    History h = history(op("ax1ay1"), op("ax2ay2"), op("rx12ry21"));
    TxnResult r = TxnChecker.check(h, APPEND.withModels(List.of()).withAnomalies("G0"));
    expect(r, Verdict.INVALID, List.of("G0"), Set.of("read-uncommitted"));
    CycleAnomaly c = (CycleAnomaly) r.anomalies().get("G0").get(0);
    assertEquals("[{:type :ww, :key :x, :value 1, :value' 2, :a-mop-index 0, :b-mop-index 0} "
        + "{:type :ww, :key :y, :value 2, :value' 1, :a-mop-index 1, :b-mop-index 1}]",
        Edn.print(((Map<?, ?>) c.toData()).get(Keyword.of("steps"))));
    assertEquals(2, c.txns().size());
    TxnResult g1 = TxnChecker.check(h, APPEND.withModels(List.of()).withAnomalies("G1"));
    expect(g1, Verdict.INVALID, List.of("G0"), Set.of("read-uncommitted"));
    expect(TxnChecker.check(h, APPEND.withModels(List.of()).withAnomalies("G2")), Verdict.VALID, List.of(), null);
  }

  @Test
  void g1a_abortedRead_invalidUnderReadCommittedUnknownUnderReadUncommitted() {
    History h = history(op(0, OpType.FAIL, "ax1"), op("rx1"));
    expect(TxnChecker.check(h, APPEND.withModels("read-committed")), Verdict.INVALID,
        List.of("G1a", "empty-transaction-graph"), Set.of("read-committed"));
    expect(TxnChecker.check(h, APPEND.withModels("read-uncommitted")), Verdict.UNKNOWN,
        List.of("empty-transaction-graph"), null);
  }

  @Test
  void g1b_intermediateRead_gSingleItemAndG1b() {
    History h = history(pair(op("ax1ax2")), pair(op("rx1")));
    expect(TxnChecker.check(h, APPEND), Verdict.INVALID, List.of("G-single-item", "G1b"), Set.of("read-committed"));
  }

  @Test
  void g1c_circularInformationFlow_g1c() {
    History h = history(op("ax1ry1"), op("ax2ay1"), op("rx12"));
    TxnResult r = TxnChecker.check(h, APPEND.withModels(List.of()).withAnomalies("G1"));
    expect(r, Verdict.INVALID, List.of("G1c"), Set.of("read-committed"));
    CycleAnomaly c = (CycleAnomaly) r.anomalies().get("G1c").get(0);
    assertEquals(List.of("wr", "ww"), c.steps().stream().map(Step::type).sorted().toList());
  }

  @Test
  void gSingle_readSkew_gSingleItem() {
    History h = history(op("ax1ay1"), op("ax2ry"), op("rx12"));
    expect(TxnChecker.check(h, APPEND.withModels(List.of()).withAnomalies("G-single")), Verdict.INVALID,
        List.of("G-single-item"), Set.of("consistent-view", "repeatable-read"));
    expect(TxnChecker.check(h, APPEND.withModels(List.of()).withAnomalies("G2")), Verdict.INVALID,
        List.of("G-single-item"), Set.of("consistent-view", "repeatable-read"));
  }

  @Test
  void g2_writeSkew_validUnderReadCommittedG2ItemUnderRepeatableRead() {
    History h = history(op("ax1ry"), op("ay1rx"));
    expect(TxnChecker.check(h, APPEND.withModels("read-committed")), Verdict.VALID, List.of(), null);
    expect(TxnChecker.check(h, APPEND.withModels("repeatable-read")), Verdict.INVALID, List.of("G2-item"),
        Set.of("repeatable-read"));
    TxnResult r = TxnChecker.check(h, APPEND.withModels("serializable"));
    expect(r, Verdict.INVALID, List.of("G2-item"), Set.of("repeatable-read"));
    CycleAnomaly c = (CycleAnomaly) r.anomalies().get("G2-item").get(0);
    assertEquals(List.of("rw", "rw"), c.steps().stream().map(Step::type).toList());
  }

  @Test
  void lostUpdate_twoReadersOfZeroAppend_g2ItemAndLostUpdate() {
    History h = history(pair(op("ax0")), pair(op("rx0ax1")), pair(op("rx0ax2")));
    TxnResult r = TxnChecker.check(h, APPEND);
    expect(r, Verdict.INVALID, List.of("G2-item", "lost-update"), Set.of("cursor-stability", "update-atomic"));
    assertEquals("{:key :x, :value [0], :txns [", Edn.print(r.anomalies().get("lost-update").get(0).toData())
        .substring(0, 29));
    History ok = history(pair(op("rxax1ax2")), pair(op("rx12")));
    expect(TxnChecker.check(ok, APPEND), Verdict.VALID, List.of(), null);
  }

  static History strongSi(long readerProcess, long lastProcess) {
    return history(pair(Txns.op(0, OpType.OK, "ax1")), pair(Txns.op(1, OpType.OK, "ax2")),
        pair(Txns.op(readerProcess, OpType.OK, "rx1")), pair(Txns.op(lastProcess, OpType.OK, "rx12")));
  }

  @Test
  void strongSnapshotIsolation_staleReadAfterWrite_gSingleItemRealtime() {
    History h = strongSi(2, 3);
    expect(TxnChecker.check(h, APPEND.withModels("serializable")), Verdict.VALID, List.of(), null);
    TxnResult r = TxnChecker.check(h, APPEND);
    expect(r, Verdict.INVALID, List.of("G-single-item-realtime"), Set.of("strong-snapshot-isolation"));
    CycleAnomaly c = (CycleAnomaly) r.anomalies().get("G-single-item-realtime").get(0);
    assertEquals(List.of("rw", "realtime"), c.steps().stream().map(Step::type).toList());
  }

  @Test
  void strongSessionSnapshotIsolation_processMissesOwnWrite_gSingleItemProcess() {
    History h = strongSi(1, 2);
    expect(TxnChecker.check(h, APPEND.withModels("serializable")), Verdict.VALID, List.of(), null);
    expect(TxnChecker.check(h, APPEND.withModels("strong-session-snapshot-isolation")), Verdict.INVALID,
        List.of("G-single-item-process"), Set.of("strong-session-snapshot-isolation"));
  }

  @Test
  void gNonadjacent_alternatingRwWr_gNonadjacentItem() {
    History h = history(pair(op("ax1")), pair(op("rx1ry")), pair(op("ay1")), pair(op("ry1rx")));
    TxnResult r = TxnChecker.check(h, APPEND);
    expect(r, Verdict.INVALID, List.of("G-nonadjacent-item"), Set.of("repeatable-read", "snapshot-isolation"));
    History adjacent = history(pair(op("rx5ay1")), pair(op("ryaz2")), pair(op("rzat3")), pair(op("rt3au4")),
        pair(op("ruax5")));
    expect(TxnChecker.check(adjacent, APPEND.withModels("snapshot-isolation")), Verdict.VALID, List.of(), null);
  }

  @Test
  void wrProcess_issue21_g1cProcess() {
    History h = history(pair(Txns.op(1, OpType.OK, "rx1ay1")), pair(Txns.op(2, OpType.OK, "ry1")),
        pair(Txns.op(2, OpType.OK, "ax1")));
    TxnResult r = TxnChecker.check(h, APPEND.withModels("strong-session-snapshot-isolation"));
    expect(r, Verdict.INVALID, List.of("G1c-process"), Set.of("strong-session-read-committed"));
    CycleAnomaly c = (CycleAnomaly) r.anomalies().get("G1c-process").get(0);
    assertEquals(List.of("process", "wr", "wr"), c.steps().stream().map(Step::type).sorted().toList());
  }

  @Test
  void internal_readMissesOwnAppend_expectedUnknownPrefix() {
    History h = history(op("ax1ax2ax4"), op("ax3rx1234"));
    TxnResult r = TxnChecker.check(h, APPEND.withModels(List.of()).withAnomalies("internal"));
    expect(r, Verdict.INVALID, List.of("internal"), Set.of("read-uncommitted"));
    assertEquals("[:r :x [1 2 3 4]]", Edn.print(r.anomalies().get("internal").get(0).toData() instanceof Map<?, ?> m
        ? m.get(Keyword.of("mop")) : null));
    assertEquals("[... 3]", Edn.print(((Map<?, ?>) r.anomalies().get("internal").get(0).toData())
        .get(Keyword.of("expected"))));
  }

  @Test
  void futureRead_readOwnLaterAppend_futureReadAndEmptyGraph() {
    History h = history(pair(op("rx1ax1")));
    expect(TxnChecker.check(h, APPEND.withModels("read-committed")), Verdict.INVALID,
        List.of("empty-transaction-graph", "future-read"), Set.of("read-committed"));
  }

  @Test
  void dirtyUpdate_directAndThroughInfo_reported() {
    History direct = history(op(0, OpType.FAIL, "ax1"), op("ax2"), op("rx12"));
    TxnResult r = TxnChecker.check(direct, APPEND.withModels(List.of()).withAnomalies("dirty-update"));
    expect(r, Verdict.INVALID, List.of("dirty-update"), Set.of("read-committed"));
    String d = Edn.print(r.anomalies().get("dirty-update").get(0).toData());
    assertEquals(true, d.startsWith("{:key :x, :values [1 2], :txns [{"), d);
    History indirect = history(op(0, OpType.FAIL, "ax1"), op(0, OpType.INFO, "ax2"), op("ax3"), op("rx123"));
    TxnResult r2 = TxnChecker.check(indirect, APPEND.withModels(List.of()).withAnomalies("dirty-update"));
    expect(r2, Verdict.INVALID, List.of("dirty-update"), Set.of("read-committed"));
    assertEquals(true, Edn.print(r2.anomalies().get("dirty-update").get(0).toData())
        .startsWith("{:key :x, :values [1 2 3], :txns [{"));
  }

  @Test
  void duplicateElements_repeatedElementInRead_g1cAndDuplicates() {
    History h = history(op("ax1ry1"), op("ax2ay1"), op("rx121"));
    TxnResult r = TxnChecker.check(h, APPEND.withModels("read-committed"));
    expect(r, Verdict.INVALID, List.of("G1c", "duplicate-elements"), Set.of("read-uncommitted"));
    assertEquals("{1 2}", Edn.print(((Map<?, ?>) r.anomalies().get("duplicate-elements").get(0).toData())
        .get(Keyword.of("duplicates"))));
  }

  @Test
  void incompatibleOrder_contradictoryReads_g1cAndIncompatibleOrder() {
    History h = history(op("ax1ry1"), op("ax2"), op("ax3ay1"), op("rx13"), op("rx123"));
    TxnResult r = TxnChecker.check(h, APPEND.withModels(List.of()).withAnomalies("G1"));
    expect(r, Verdict.INVALID, List.of("G1c", "incompatible-order"), null);
    assertEquals("{:key :x, :values [[1 3] [1 2 3]]}", Edn.print(r.anomalies().get("incompatible-order").get(0)
        .toData()));
    CycleAnomaly c = (CycleAnomaly) r.anomalies().get("G1c").get(0);
    assertEquals(3, c.txns().size());
  }

  @Test
  void register_g1c_twoWrEdges() {
    History h = history(rw(0, OpType.OK, "wx1ry1"), rw(0, OpType.OK, "wy1rx1"));
    expect(TxnChecker.check(h, REGISTER.withModels("read-committed")), Verdict.INVALID, List.of("G1c"),
        Set.of("read-committed"));
    expect(TxnChecker.check(h, REGISTER.withModels("serializable")), Verdict.INVALID, List.of("G1c"),
        Set.of("read-committed"));
    expect(TxnChecker.check(h, REGISTER.withModels("read-uncommitted")), Verdict.VALID, List.of(), null);
  }

  @Test
  void register_initialState_nilReadBeforeWrite_gSingleItem() {
    Op[] t1 = pair(rw(0, OpType.OK, "rxry1"));
    Op[] t2 = pair(rw(1, OpType.OK, "wy1wx2"));
    History h = history(t1[0], t2[0], t2[1], t1[1]);
    TxnResult r = TxnChecker.check(h, REGISTER.withModels("serializable"));
    expect(r, Verdict.INVALID, List.of("G-single-item"), Set.of("consistent-view", "repeatable-read"));
  }

  @Test
  void register_writesFollowReads_gSingleWithWfrKeys_refutedWithout() {
    // Elle's test reads y = 1 that nobody wrote (now a garbage read); an earlier writer keeps the test's point.
    History h = history(rw(1, OpType.OK, "wy1"), rw(0, OpType.OK, "ry1wx1wy2"), rw(0, OpType.OK, "rx1ry1"));
    // Elle calls it valid without --wfr-keys; MadJep still finds it by trying y's two orders (under serializability
    // the write of 2 must follow the read of 1): each closes a cycle.
    expect(TxnChecker.check(h, REGISTER.withModels("serializable")), Verdict.INVALID,
        List.of("unorderable-versions"), Set.of("serializable"));
    expect(TxnChecker.check(h, REGISTER.withModels("serializable").withWfrKeys(true)), Verdict.INVALID,
        List.of("G-single-item"), null);
  }

  @Test
  void register_cyclicVersionOrder_underSequentialKeys() {
    History h = history(pair(rw(0, OpType.OK, "wx1")), pair(rw(0, OpType.OK, "wx2")), pair(rw(0, OpType.OK, "rx1")));
    TxnResult r = TxnChecker.check(h, REGISTER.withSequentialKeys(true));
    expect(r, Verdict.INVALID, List.of("cyclic-versions"), Set.of("read-uncommitted"));
    assertEquals("[{:key :x, :scc #{1 2}, :sources [:initial-state :sequential-keys]}]",
        Edn.print(r.toData().get(Keyword.of("anomalies")) instanceof Map<?, ?> m
            ? m.get(Keyword.of("cyclic-versions")) : null));
  }

  @Test
  void register_lostUpdate_onlyLostUpdate() {
    History h = history(pair(rw(2, OpType.OK, "wx0")), pair(rw(0, OpType.OK, "rx0wx1")),
        pair(rw(1, OpType.OK, "rx0wx2")));
    TxnResult r = TxnChecker.check(h, REGISTER);
    expect(r, Verdict.INVALID, List.of("lost-update"), Set.of("cursor-stability", "update-atomic"));
  }

  @Test
  void register_lostUpdateAsElleWritesIt_alsoGarbageReads() {
    // Elle's own test reads x = 0, which nobody wrote: Elle ignores such reads, MadJep reports them.
    History h = history(pair(rw(0, OpType.OK, "rx0wx1")), pair(rw(1, OpType.OK, "rx0wx2")));
    TxnResult r = TxnChecker.check(h, REGISTER);
    expect(r, Verdict.INVALID, List.of("garbage-read", "lost-update"), Set.of("read-uncommitted"));
  }

  @Test
  void register_transactionOrderAbsent_valid() {
    History h = history(rw(0, OpType.OK, "rxwy2"), rw(0, OpType.OK, "wx3wy4"));
    expect(TxnChecker.check(h, REGISTER.withModels("serializable")), Verdict.VALID, List.of(), null);
  }
}
