package madjep.txn.weak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import madjep.history.History;
import madjep.history.Op;
import madjep.history.OpType;
import madjep.history.Verdict;
import madjep.history.edn.Edn;
import madjep.txn.ExplainedAnomaly;
import madjep.txn.TxnOptions;
import madjep.txn.TxnResult;
import madjep.txn.TxnChecker;
import madjep.txn.Workload;
import org.junit.jupiter.api.Test;

/** One history per pattern of the weak levels, with the level it breaks, the weaker one it keeps, and its prose. */
class WeakIsolationTest {
  static final TxnOptions LISTS = TxnOptions.of(Workload.LIST_APPEND).withThreads(1);
  static final TxnOptions REGISTERS = TxnOptions.of(Workload.RW_REGISTER).withThreads(1);

  /** Each line "process type value", e.g. {@code 1 ok [[:append :x 1]]}: an invocation and its completion. */
  static History history(String... txns) {
    List<Op> ops = new ArrayList<>();
    for (String s : txns) {
      String[] p = s.split(" ", 3);
      Object value = madjep.history.edn.EdnParser.parse(p[2]);
      long process = Long.parseLong(p[0]);
      ops.add(new Op(-1, -1, OpType.INVOKE, process, madjep.history.edn.Keyword.of("txn"), value, null, null));
      ops.add(new Op(-1, -1, OpType.valueOf(p[1].toUpperCase(java.util.Locale.ROOT)), process,
          madjep.history.edn.Keyword.of("txn"), value, null, null));
    }
    return History.of("<test>", ops);
  }

  static TxnResult check(History h, TxnOptions o, String model) {
    return TxnChecker.check(h, o.withModels(model));
  }

  static void invalid(TxnResult r, String type, Set<String> not) {
    assertEquals(Verdict.INVALID, r.valid(), Edn.print(r.toData()));
    assertEquals(List.of(type), r.anomalyTypes(), Edn.print(r.toData()));
    assertEquals(not, r.not());
  }

  @Test
  void issueExample_causalityViolation_onlyUnderTransactionalCausal() {
    History h = history("4 ok [[:append :x 1]]", "1 ok [[:append :x 2]]", "2 ok [[:r :x [1 2]] [:append :y 1]]",
        "3 ok [[:r :y [1]] [:r :x [1]]]");
    TxnResult r = check(h, LISTS, "transactional-causal");
    invalid(r, "causality-violation", Set.of("transactional-causal"));
    ExplainedAnomaly a = (ExplainedAnomaly) r.anomalies().get("causality-violation").get(0);
    assertEquals(List.of("T1 < T2, because T2 observed T1's append of 2 to :x.",
        "T2 < T3, because T3 observed T2's append of 1 to :y.",
        "However, T3's read of :x, [1] misses T1's append of 2 to :x: a contradiction!"), a.explanation());
    assertEquals(Verdict.VALID, check(h, LISTS, "session-read-atomic").valid());
    // Elle's causal-cerone keeps Elle's meaning (internal and G1a only).
    assertEquals(Verdict.VALID, check(h, LISTS, "causal-cerone").valid());
  }

  @Test
  void fracturedRead_listAppend_readAtomicOnly() {
    // The read of y comes first: read committed lets it miss T1; read atomic does not.
    History h = history("1 ok [[:append :x 1] [:append :y 1]]", "2 ok [[:r :y []] [:r :x [1]]]");
    invalid(check(h, LISTS, "session-read-atomic"), "fractured-read", Set.of("session-read-atomic"));
    assertEquals(Verdict.VALID, check(h, LISTS, "session-read-committed").valid());
  }

  @Test
  void nonMonotonicRead_laterReadMissesWhatEarlierSaw_readCommitted() {
    History h = history("1 ok [[:append :x 1] [:append :y 1]]", "2 ok [[:r :y [1]] [:r :x []]]");
    TxnResult r = check(h, LISTS, "session-read-committed");
    invalid(r, "non-monotonic-read", Set.of("session-read-committed"));
    assertEquals(List.of("T1 is visible to T2, because T2 observed T1's append of 1 to :y in an earlier read.",
        "However, T2's read of :x, [] misses T1's append of 1 to :x: a contradiction!"),
        ((ExplainedAnomaly) r.anomalies().get("non-monotonic-read").get(0)).explanation());
  }

  @Test
  void sessionOrder_ownSessionsWriteMissed_readCommitted() {
    History h = history("1 ok [[:append :x 1]]", "1 ok [[:r :x []]]");
    TxnResult r = check(h, LISTS, "session-read-committed");
    invalid(r, "non-monotonic-read", Set.of("session-read-committed"));
    assertTrue(((ExplainedAnomaly) r.anomalies().get("non-monotonic-read").get(0)).explanation().get(0)
        .contains("process 1 executed T1 before T2"));
    // Elle's read-committed has no session order.
    assertEquals(Verdict.VALID, check(h, LISTS, "read-committed").valid());
  }

  @Test
  void nonRepeatableRead_register_readAtomicOnly() {
    History h = history("1 ok [[:w :x 1]]", "2 ok [[:r :x nil] [:r :x 1]]");
    invalid(check(h, REGISTERS, "session-read-atomic"), "non-repeatable-read", Set.of("session-read-atomic"));
    assertEquals(Verdict.VALID, check(h, REGISTERS, "session-read-committed").valid());
  }

  @Test
  void writeCycle_listAppend_readCommittedCycle() {
    History h = history("1 ok [[:append :x 1] [:append :y 1]]", "2 ok [[:append :x 2] [:append :y 2]]",
        "3 ok [[:r :x [1 2]] [:r :y [2 1]]]");
    TxnResult r = check(h, LISTS, "session-read-committed");
    invalid(r, "read-committed-cycle", Set.of("session-read-committed"));
    List<String> lines = ((ExplainedAnomaly) r.anomalies().get("read-committed-cycle").get(0)).explanation();
    assertEquals(2, lines.size(), lines.toString());
    assertTrue(lines.get(1).startsWith("However, T2 < T1, because "), lines.toString());
  }

  @Test
  void fracturedRead_register_readAtomicCycleWithForcedOrder() {
    // T3 sees T1 (its y) but reads x from T2, so T1 must commit before T2; yet T1 read T2's z.
    History h = history("1 ok [[:w :x 1] [:w :y 1] [:r :z 1]]", "2 ok [[:w :x 2] [:w :z 1]]",
        "3 ok [[:r :x 2] [:r :y 1]]");
    TxnResult r = check(h, REGISTERS, "session-read-atomic");
    invalid(r, "read-atomic-cycle", Set.of("session-read-atomic"));
    String lines = String.join("\n",
        ((ExplainedAnomaly) r.anomalies().get("read-atomic-cycle").get(0)).explanation());
    assertTrue(lines.contains("T1 < T2, because T3 read :x = 2, written by T2, although "
        + "T1's write of :x = 1 was visible to it (T3 read :y = 1, written by T1)"), lines);
    assertEquals(3, ((ExplainedAnomaly) r.anomalies().get("read-atomic-cycle").get(0)).txns().size());
    assertEquals(Verdict.VALID, check(h, REGISTERS, "session-read-committed").valid());
  }

  @Test
  void infoWrite_observed_committedAndAtomic() {
    History h = history("1 info [[:append :x 1] [:append :y 1]]", "2 ok [[:r :y []] [:r :x [1]]]");
    invalid(check(h, LISTS, "session-read-atomic"), "fractured-read", Set.of("session-read-atomic"));
    History unobserved = history("1 info [[:append :y 1]]", "2 ok [[:r :y []]]", "2 ok [[:r :y []]]");
    assertEquals(Verdict.VALID, check(unobserved, LISTS, "transactional-causal").valid());
  }

  @Test
  void readsNoExecutionReturns_reportedAtEveryLevel() {
    History h = history("1 fail [[:append :x 1]]", "2 ok [[:r :x [1]]]");
    invalid(check(h, LISTS, "session-read-committed"), "aborted-read", Set.of("session-read-committed"));
    History g = history("1 ok [[:w :x 1]]", "2 ok [[:r :x 9]]");
    invalid(check(g, REGISTERS, "session-read-committed"), "thin-air-read", Set.of("session-read-committed"));
    History torn = history("1 ok [[:append :x 1] [:append :x 2]]", "2 ok [[:r :x [2]]]");
    invalid(check(torn, LISTS, "session-read-committed"), "intermediate-read", Set.of("session-read-committed"));
  }

  @Test
  void bothFamilies_elleAndWeak_reportedTogether() {
    History h = history("1 ok [[:append :x 1] [:append :y 1]]", "2 ok [[:r :y []] [:r :x [1]]]");
    TxnResult r = TxnChecker.check(h, LISTS.withModels("serializable", "session-read-atomic"));
    assertEquals(Verdict.INVALID, r.valid());
    assertTrue(r.anomalyTypes().contains("fractured-read"), r.anomalyTypes().toString());
    assertTrue(r.anomalyTypes().contains("G-single-item"), r.anomalyTypes().toString());
  }

  @Test
  void noWeakModelAsked_elleOutputUnchanged() {
    History h = history("1 fail [[:append :x 1]]", "2 ok [[:r :x [1]]]");
    TxnResult r = TxnChecker.check(h, LISTS.withModels("read-committed"));
    assertEquals(Set.of("read-committed"), r.not());
    assertTrue(r.alsoNot().stream().noneMatch(m -> m.startsWith("session-read") || m.equals("transactional-causal")),
        r.alsoNot().toString());
  }
}
