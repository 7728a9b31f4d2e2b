package madjep.txn.jepsen;

import java.util.List;
import static madjep.txn.jepsen.TestHistories.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import madjep.history.DataError;
import madjep.history.History;
import madjep.history.Verdict;
import madjep.history.edn.Edn;
import org.junit.jupiter.api.Test;

class CounterCheckerTest {
  private static List<String> bounds(List<CounterResult.Read> reads) {
    return reads.stream().map(r -> r.lower() + " " + r.value() + " " + r.upper()).toList();
  }

  @Test
  void counter_readBetweenAcknowledgedAndAttempted_valid() {
    CounterResult r = CounterChecker.check(parse(
        "0 invoke add 1", "0 ok add 1", "1 invoke read nil", "1 ok read 1"));
    assertEquals(Verdict.VALID, r.valid());
    assertEquals(List.of("1 1 1"), bounds(r.reads()));
    assertEquals(List.of(), r.errors());
  }

  @Test
  void counter_readAboveAttemptedSum_invalidWithBounds() {
    CounterResult r = CounterChecker.check(parse(
        "0 invoke add 2", "0 ok add 2", "1 invoke read nil", "1 ok read 3"));
    assertEquals(Verdict.INVALID, r.valid());
    assertEquals(List.of("2 3 2"), bounds(r.errors()));
    assertEquals(3, r.errors().get(0).position());
  }

  @Test
  void counter_readBelowAcknowledgedSum_invalid() {
    CounterResult r = CounterChecker.check(parse(
        "0 invoke add 2", "0 ok add 2", "1 invoke read nil", "1 ok read 0"));
    assertEquals(Verdict.INVALID, r.valid());
    assertEquals(List.of("2 0 2"), bounds(r.errors()));
  }

  @Test
  void counter_addConcurrentWithRead_eitherValueValid() {
    for (int seen : new int[] {0, 5}) {
      CounterResult r = CounterChecker.check(parse(
          "0 invoke add 5", "1 invoke read nil", "1 ok read " + seen, "0 ok add 5"));
      assertEquals(Verdict.VALID, r.valid(), "read " + seen);
      assertEquals(List.of("0 " + seen + " 5"), bounds(r.reads()));
    }
  }

  @Test
  void counter_failedAdd_notAnAttempt() {
    CounterResult r = CounterChecker.check(parse(
        "0 invoke add 5", "0 fail add 5", "1 invoke read nil", "1 ok read 5"));
    assertEquals(Verdict.INVALID, r.valid());
    assertEquals(List.of("0 5 0"), bounds(r.errors()));
  }

  @Test
  void counter_indeterminateAdd_countsTowardUpperBoundOnly() {
    for (String crash : new String[] {"0 info add 5", "2 invoke read nil"}) {
      for (int seen : new int[] {0, 5}) {
        CounterResult r = CounterChecker.check(parse(
            "0 invoke add 5", crash, "1 invoke read nil", "1 ok read " + seen));
        assertEquals(Verdict.VALID, r.valid(), crash + ", read " + seen);
        assertEquals(List.of("0 " + seen + " 5"), bounds(r.reads()));
      }
    }
  }

  @Test
  void counter_lowerBoundTakenAtReadInvocation() {
    CounterResult r = CounterChecker.check(parse(
        "0 invoke read nil", "1 invoke add 3", "1 ok add 3", "0 ok read 0"));
    assertEquals(Verdict.VALID, r.valid());
    assertEquals(List.of("0 0 3"), bounds(r.reads()));
  }

  @Test
  void counter_failedAndCrashedReads_notChecked() {
    CounterResult r = CounterChecker.check(parse(
        "0 invoke read nil", "0 fail read nil", "1 invoke read nil", "1 info read nil"));
    assertEquals(Verdict.VALID, r.valid());
    assertEquals(List.of(), r.reads());
  }

  @Test
  void counter_noReads_validAsJepsen() {
    CounterResult r = CounterChecker.check(parse("0 invoke add 1", "0 ok add 1"));
    assertEquals(Verdict.VALID, r.valid());
    assertEquals(0L, r.toData().get(madjep.history.edn.Keyword.of("read-count")));
  }

  @Test
  void counter_nemesisOpsWithOddValues_ignored() {
    CounterResult r = CounterChecker.check(parse(
        "n info add :all", "n info add {:n1 :paused}", "0 invoke add 1", "0 ok add 1", "1 invoke read nil",
        "1 ok read 1"));
    assertEquals(Verdict.VALID, r.valid());
  }

  @Test
  void counter_opsWithoutProcess_boundedConservatively() {
    CounterResult r = CounterChecker.check(parse("- ok add 2", "- ok read 2", "- ok read 0"));
    assertEquals(List.of("0 2 2", "0 0 2"), bounds(r.reads()));
    assertEquals(Verdict.VALID, r.valid());
  }

  @Test
  void counter_negativeAdd_dataErrorAtOp() {
    History h = parse("0 invoke add 1", "0 ok add 1", "1 invoke add -2", "1 ok add -2");
    DataError e = assertThrows(DataError.class, () -> CounterChecker.check(h));
    assertEquals(2, e.opIndex());
    assertTrue(e.detail().startsWith("expected a non-negative integer amount to :add"), e.detail());
    assertTrue(e.detail().endsWith("found -2"), e.detail());
  }

  @Test
  void counter_nonIntegerRead_dataErrorAtOp() {
    History h = parse("1 invoke read nil", "1 ok read [1]");
    DataError e = assertThrows(DataError.class, () -> CounterChecker.check(h));
    assertEquals(1, e.opIndex());
    assertEquals("expected an integer counter value in an :ok :read, found [1]", e.detail());
  }

  @Test
  void counterResult_toData_jepsenFields() {
    CounterResult r = CounterChecker.check(parse(
        "@0 0 invoke add 2", "@1 0 ok add 2", "@2 1 invoke read nil", "@3 1 ok read 3"));
    assertEquals("{:valid? false, :read-count 1, :error-count 1, :reads [[2 3 2]], :errors [[2 3 2]], "
        + ":error-indices [3], :first-error {:index 3, :time 3000000, :type :ok, :process 1, :f :read, :value 3}}",
        Edn.print(r.toData()));
  }
}
