package madjep.txn.jepsen;

import madjep.history.History;
import static org.junit.jupiter.api.Assertions.assertEquals;

import madjep.history.Op;
import madjep.history.Verdict;
import madjep.history.edn.EdnVector;
import org.junit.jupiter.api.Test;

/**
 * A history that holds none of a checker's functions (a register history given to the bank checker, say) was not
 * checked at all: the answer is unknown, never a silent valid.
 */
class NothingToCheckTest {
  private static History registerHistory() {
    return History.of(Op.invoke(0, "cas", EdnVector.of(1L, 2L)), Op.ok(0, "cas", EdnVector.of(1L, 2L)),
        Op.invoke(1, "write", 3L), Op.ok(1, "write", 3L));
  }

  @Test
  void bank_ofRegisterHistory_isUnknown() {
    assertEquals(Verdict.UNKNOWN, BankChecker.check(registerHistory(), BankChecker.Options.defaults()).valid());
  }

  @Test
  void counter_ofRegisterHistory_isUnknown() {
    assertEquals(Verdict.UNKNOWN, CounterChecker.check(registerHistory()).valid());
  }

  @Test
  void uniqueIds_ofRegisterHistory_isUnknown() {
    assertEquals(Verdict.UNKNOWN, UniqueIdsChecker.check(registerHistory()).valid());
  }

  @Test
  void totalQueue_ofRegisterHistory_isUnknown() {
    assertEquals(Verdict.UNKNOWN, TotalQueueChecker.check(registerHistory()).valid());
  }

  @Test
  void counter_withAddsButNoReads_staysValid_asJepsenAndTheCorpusSay() {
    History h = History.of(Op.invoke(0, "add", 1L), Op.ok(0, "add", 1L));
    assertEquals(Verdict.VALID, CounterChecker.check(h).valid());
  }
}
