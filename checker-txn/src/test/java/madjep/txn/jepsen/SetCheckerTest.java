package madjep.txn.jepsen;

import java.util.List;
import static madjep.txn.jepsen.TestHistories.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import madjep.history.DataError;
import madjep.history.Verdict;
import madjep.history.edn.Edn;
import org.junit.jupiter.api.Test;

class SetCheckerTest {
  @Test
  void set_everyAckedElementRead_valid() {
    SetResult r = SetChecker.check(parse(
        "0 invoke add 1", "0 ok add 1", "1 invoke add 2", "1 ok add 2", "0 invoke read nil", "0 ok read [2 1]"));
    assertEquals(Verdict.VALID, r.valid());
    assertEquals(List.of(1L, 2L), r.ok());
    assertEquals(2, r.acknowledgedCount());
  }

  @Test
  void set_ackedElementMissingFromFinalRead_lost() {
    SetResult r = SetChecker.check(parse(
        "0 invoke add 1", "0 ok add 1", "0 invoke add 2", "0 ok add 2", "1 invoke read nil", "1 ok read [1]"));
    assertEquals(Verdict.INVALID, r.valid());
    assertEquals(List.of(2L), r.lost());
    assertEquals(List.of(), r.unexpected());
  }

  @Test
  void set_elementNeverAdded_unexpected() {
    SetResult r = SetChecker.check(parse("0 invoke add 1", "0 ok add 1", "1 invoke read nil", "1 ok read [1 3]"));
    assertEquals(Verdict.INVALID, r.valid());
    assertEquals(List.of(3L), r.unexpected());
    assertEquals(List.of(1L), r.ok());
  }

  @Test
  void set_indeterminateAddRead_recoveredAndValid() {
    SetResult r = SetChecker.check(parse(
        "0 invoke add 1", "0 ok add 1", "1 invoke add 3", "1 info add 3", "2 invoke add 4", "3 invoke read nil",
        "3 ok read [1 3 4]"));
    assertEquals(Verdict.VALID, r.valid());
    assertEquals(List.of(3L, 4L), r.recovered());
    assertEquals(3, r.attemptCount());
  }

  @Test
  void set_indeterminateAddMissing_notLost() {
    SetResult r = SetChecker.check(parse("1 invoke add 3", "1 info add 3", "3 invoke read nil", "3 ok read []"));
    assertEquals(Verdict.VALID, r.valid());
    assertEquals(List.of(), r.lost());
  }

  @Test
  void set_failedAddRead_unexpectedUnlikeJepsen() {
    SetResult r = SetChecker.check(parse("1 invoke add 3", "1 fail add 3", "3 invoke read nil", "3 ok read [3]"));
    assertEquals(Verdict.INVALID, r.valid());
    assertEquals(List.of(3L), r.unexpected());
    assertEquals(0, r.attemptCount());
  }

  @Test
  void set_onlyTheLastOkReadCounts() {
    SetResult r = SetChecker.check(parse(
        "0 invoke add 1", "0 ok add 1", "1 invoke read nil", "1 ok read [9]", "1 invoke read nil", "1 ok read [1]",
        "2 invoke read nil", "2 fail read nil"));
    assertEquals(Verdict.VALID, r.valid());
    assertEquals(5, r.finalRead());
  }

  @Test
  void set_neverRead_unknown() {
    SetResult r = SetChecker.check(parse("0 invoke add 1", "0 ok add 1", "1 invoke read nil", "1 info read nil"));
    assertEquals(Verdict.UNKNOWN, r.valid());
    assertEquals("{:valid? :unknown, :error \"Set was never read\"}", Edn.print(r.toData()));
  }

  @Test
  void set_nemesisOps_ignored() {
    SetResult r = SetChecker.check(parse(
        "0 invoke add 1", "0 ok add 1", "n info read :all", "n info read [5]", "1 invoke read nil", "1 ok read [1]"));
    assertEquals(Verdict.VALID, r.valid());
  }

  @Test
  void set_readOfScalar_dataErrorAtOp() {
    DataError e = assertThrows(DataError.class, () -> SetChecker.check(parse("1 invoke read nil", "1 ok read 7")));
    assertEquals(1, e.opIndex());
    assertEquals("expected a collection of elements in an :ok :read, found 7", e.detail());
  }

  @Test
  void setResult_toData_jepsenFields() {
    SetResult r = SetChecker.check(parse(
        "@0 0 invoke add 1", "@0 0 ok add 1", "@0 0 invoke add 2", "@0 0 ok add 2", "@0 0 invoke add 3",
        "@0 0 info add 3", "@0 1 invoke read nil", "@0 1 ok read [1 3 5]"));
    assertEquals("{:valid? false, :attempt-count 3, :acknowledged-count 2, :ok-count 2, :lost-count 1, "
        + ":recovered-count 1, :unexpected-count 1, :ok \"#{1 3}\", :lost [2], :unexpected [5], :recovered [3], "
        + ":final-read {:index 7, :time 0, :type :ok, :process 1, :f :read, :value [1 3 5]}}", Edn.print(r.toData()));
  }

  @Test
  void intervalSets_runs_renderedAsJepsen() {
    assertEquals("#{0..2 5 7..8}", IntervalSets.render(List.of(0L, 1L, 2L, 5L, 7L, 8L)));
    assertEquals("#{}", IntervalSets.render(List.of()));
    assertEquals("#{:a \"b\"}", IntervalSets.render(List.of(madjep.history.edn.Keyword.of("a"), "b")));
  }
}
