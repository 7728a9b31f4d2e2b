package madjep.linear;

import madjep.history.DataError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import madjep.history.History;
import madjep.history.Verdict;
import org.junit.jupiter.api.Test;

/** DESIGN.md's shared semantics, one rule per test, on histories small enough to check by eye. */
class SemanticsTest {
  private static Verdict check(Model m, String... ops) {
    return LinearizabilityChecker.check(Hist.of(ops), m, LinearizabilityOptions.defaults().withThreads(1)).verdict();
  }

  private static Model cas0() {
    return Models.byName("cas-register", 0L);
  }

  @Test
  void failedWrite_isDropped_readOfItsValueIsInvalid() {
    assertEquals(Verdict.INVALID, check(cas0(),
        "0 :invoke :write 1", "0 :fail :write 1", "1 :invoke :read nil", "1 :ok :read 1"));
    assertEquals(Verdict.VALID, check(cas0(),
        "0 :invoke :write 1", "0 :fail :write 1", "1 :invoke :read nil", "1 :ok :read 0"));
  }

  @Test
  void crashedWrite_takesEffectAfterItsCrash_valid() {
    // The :info write may take effect any time after its invocation, even after the :info line.
    assertEquals(Verdict.VALID, check(cas0(),
        "0 :invoke :write 1", "0 :info :write :timed-out", "1 :invoke :read nil", "1 :ok :read 0",
        "2 :invoke :read nil", "2 :ok :read 1"));
  }

  @Test
  void crashedWrite_cannotTakeEffectTwice_invalid() {
    assertEquals(Verdict.INVALID, check(cas0(),
        "0 :invoke :write 1", "0 :info :write :timed-out", "1 :invoke :read nil", "1 :ok :read 1",
        "2 :invoke :read nil", "2 :ok :read 0", "3 :invoke :read nil", "3 :ok :read 1"));
  }

  @Test
  void crashedCasThatCanNeverApply_isOptional_valid() {
    // The Knossos rule: a crashed op need not be linearized. Forcing it (Porcupine's rule with a strict model)
    // would call this history invalid: the cas from 5 can never apply.
    assertEquals(Verdict.VALID, check(cas0(),
        "0 :invoke :cas [5 6]", "0 :info :cas [5 6]", "1 :invoke :read nil", "1 :ok :read 0"));
  }

  @Test
  void neverCompletedInvoke_isOptional_valid() {
    assertEquals(Verdict.VALID, check(cas0(), "0 :invoke :write 1", "1 :invoke :read nil", "1 :ok :read 0"));
    assertEquals(Verdict.VALID, check(cas0(), "0 :invoke :write 1", "1 :invoke :read nil", "1 :ok :read 1"));
  }

  @Test
  void nilRead_isUnknownRead_alwaysLegal() {
    assertEquals(Verdict.VALID, check(cas0(), "0 :invoke :write 1", "0 :ok :write 1", "1 :invoke :read nil",
        "1 :ok :read nil"));
  }

  @Test
  void fileOrder_opCompletedBeforeAnotherStarts_precedesIt() {
    // Sequential: write 1 completes, then the read starts: it must see 1.
    assertEquals(Verdict.INVALID, check(cas0(), "0 :invoke :write 1", "0 :ok :write 1", "1 :invoke :read nil",
        "1 :ok :read 0"));
    // Concurrent: the read may come first.
    assertEquals(Verdict.VALID, check(cas0(), "0 :invoke :write 1", "1 :invoke :read nil", "0 :ok :write 1",
        "1 :ok :read 0"));
  }

  @Test
  void nemesisOps_areIgnored() {
    assertEquals(Verdict.VALID, check(cas0(), ":nemesis :info :start nil", "0 :invoke :write 1",
        ":nemesis :info :start [:isolated]", "0 :ok :write 1", "1 :invoke :read nil", "1 :ok :read 1"));
  }

  @Test
  void emptyHistory_isUnknown_becauseNothingWasChecked() {
    LinearizabilityResult r = LinearizabilityChecker.check(Hist.of(), cas0(), LinearizabilityOptions.defaults());
    assertEquals(Verdict.UNKNOWN, r.verdict());
    assertEquals(LinearizabilityResult.Cause.EMPTY, r.cause());
  }

  @Test
  void nemesisOnlyHistory_isUnknown() {
    LinearizabilityResult r = LinearizabilityChecker.check(Hist.of(":nemesis :info :start nil",
        ":nemesis :info :start nil"),
        cas0(), LinearizabilityOptions.defaults());
    assertEquals(LinearizabilityResult.Cause.EMPTY, r.cause());
  }

  @Test
  void historyOfFailedOpsOnly_isValid_withNoPartitions() {
    LinearizabilityResult r = LinearizabilityChecker.check(Hist.of("0 :invoke :write 1", "0 :fail :write 1"), cas0(),
        LinearizabilityOptions.defaults());
    assertEquals(Verdict.VALID, r.verdict());
    assertEquals(0, r.partitions());
  }

  @Test
  void readOfInitialValue_dependsOnInitialOption() {
    String[] ops = {"0 :invoke :read nil", "0 :ok :read 0"};
    assertEquals(Verdict.VALID, check(Models.byName("cas-register", 0L), ops));
    assertEquals(Verdict.INVALID, check(Models.byName("cas-register"), ops));
  }

  @Test
  void casOnPlainRegister_isDataErrorAtItsLine() {
    DataError e = assertThrows(DataError.class, () -> check(Models.byName("register"),
        "0 :invoke :write 1", "0 :ok :write 1", "1 :invoke :cas [1 2]", "1 :ok :cas [1 2]"));
    assertEquals(4, e.line());
    assertTrue(e.getMessage().startsWith("test.edn:4:1: expected :f :read or :write, found :cas"), e.getMessage());
  }

  @Test
  void casValueNotAPair_isDataError() {
    DataError e = assertThrows(DataError.class, () -> check(cas0(), "0 :invoke :cas 3", "0 :ok :cas 3"));
    assertEquals("expected a cas value [old new], found 3", e.detail());
  }

  @Test
  void completionWithoutInvoke_isDataError() {
    assertThrows(DataError.class, () -> check(cas0(), "0 :ok :read 1"));
  }

  @Test
  void independentValueNotATuple_isDataError() {
    History h = Hist.of("0 :invoke :write 1", "0 :ok :write 1");
    DataError e = assertThrows(DataError.class,
        () -> LinearizabilityChecker.check(h, cas0(), LinearizabilityOptions.defaults().withIndependent(true)));
    assertEquals("expected a [key value] tuple (--independent), found 1", e.detail());
  }

  @Test
  void opWithoutProcess_isDataError() {
    History h = madjep.history.History.of(new madjep.history.Op(-1, -1, madjep.history.OpType.INVOKE, null,
        madjep.history.edn.Keyword.of("read"), null, null, null));
    DataError e = assertThrows(DataError.class, () -> LinearizabilityChecker.check(h, cas0(),
        LinearizabilityOptions.defaults()));
    assertEquals("expected a :process on every op of a linearizability check, found none", e.detail());
  }
}
