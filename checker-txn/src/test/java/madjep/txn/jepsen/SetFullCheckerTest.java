package madjep.txn.jepsen;

import java.util.List;
import static madjep.txn.jepsen.TestHistories.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import madjep.history.DataError;
import madjep.history.History;
import madjep.history.Verdict;
import madjep.history.edn.Edn;
import madjep.history.edn.Keyword;
import org.junit.jupiter.api.Test;

class SetFullCheckerTest {
  private static SetFullResult check(String... ops) {
    return SetFullChecker.check(parse(ops), SetFullChecker.Options.defaults());
  }

  private static SetFullResult.Element only(SetFullResult r) {
    assertEquals(1, r.elements().size(), () -> r.elements().toString());
    return r.elements().get(0);
  }

  @Test
  void setFull_elementSeenByEveryLaterRead_stableWithZeroLatency() {
    SetFullResult r = check("@10 0 invoke add 1", "@20 0 ok add 1", "@30 1 invoke read nil", "@40 1 ok read [1]");
    assertEquals(Verdict.VALID, r.valid());
    SetFullResult.Element e = only(r);
    assertEquals(SetFullResult.Outcome.STABLE, e.outcome());
    assertEquals(0, e.stableLatency());
    assertEquals(1, e.known());
    assertEquals(2, e.lastPresent());
    assertEquals(-1, e.lastAbsent());
  }

  @Test
  void setFull_readAfterAckMissesElement_staleWithLatency() {
    SetFullResult r = check(
        "@10 0 invoke add 1", "@20 0 ok add 1", "@30 1 invoke read nil", "@40 1 ok read []", "@50 1 invoke read nil",
        "@60 1 ok read [1]");
    SetFullResult.Element e = only(r);
    assertEquals(SetFullResult.Outcome.STABLE, e.outcome());
    // stable time is just after the last missing read's invocation (30 ms); known at the ack (20 ms)
    assertEquals(10, e.stableLatency());
    assertEquals(List.of(1L), r.stale());
    assertEquals(Verdict.VALID, r.valid());
    SetFullResult lin = SetFullChecker.check(parse(
        "@10 0 invoke add 1", "@20 0 ok add 1", "@30 1 invoke read nil", "@40 1 ok read []", "@50 1 invoke read nil",
        "@60 1 ok read [1]"), new SetFullChecker.Options(true));
    assertEquals(Verdict.INVALID, lin.valid());
  }

  @Test
  void setFull_seenThenMissing_lostWithLatency() {
    SetFullResult r = check(
        "@10 0 invoke add 1", "@20 0 ok add 1", "@30 1 invoke read nil", "@40 1 ok read [1]", "@55 1 invoke read nil",
        "@60 1 ok read []");
    SetFullResult.Element e = only(r);
    assertEquals(SetFullResult.Outcome.LOST, e.outcome());
    // lost time is just after the last read that saw it was invoked (30 ms); known at the ack (20 ms)
    assertEquals(10, e.lostLatency());
    assertEquals(Verdict.INVALID, r.valid());
    assertEquals(List.of(1L), r.withOutcome(SetFullResult.Outcome.LOST));
  }

  @Test
  void setFull_ackedButNeverSeen_lostWithZeroLatency() {
    SetFullResult r = check("@10 0 invoke add 1", "@20 0 ok add 1", "@30 1 invoke read nil", "@40 1 ok read []");
    SetFullResult.Element e = only(r);
    assertEquals(SetFullResult.Outcome.LOST, e.outcome());
    assertEquals(0, e.lostLatency());
    assertEquals(Verdict.INVALID, r.valid());
  }

  @Test
  void setFull_readConcurrentWithAddMisses_neverReadAndUnknown() {
    SetFullResult r = check("0 invoke add 1", "1 invoke read nil", "1 ok read []", "0 ok add 1");
    assertEquals(SetFullResult.Outcome.NEVER_READ, only(r).outcome());
    assertEquals(Verdict.UNKNOWN, r.valid());
  }

  @Test
  void setFull_noReadAfterAdd_neverRead() {
    SetFullResult r = check("1 invoke read nil", "1 ok read []", "0 invoke add 1", "0 ok add 1");
    assertEquals(SetFullResult.Outcome.NEVER_READ, only(r).outcome());
    assertEquals(-1, only(r).lastAbsent());
  }

  @Test
  void setFull_indeterminateAddSeenLater_knownByTheRead() {
    SetFullResult r = check("0 invoke add 1", "0 info add 1", "1 invoke read nil", "1 ok read [1]");
    SetFullResult.Element e = only(r);
    assertEquals(SetFullResult.Outcome.STABLE, e.outcome());
    assertEquals(3, e.known());
  }

  @Test
  void setFull_readTwiceInOneRead_duplicatedAndInvalid() {
    SetFullResult r = check("0 invoke add 1", "0 ok add 1", "1 invoke read nil", "1 ok read [1 1 1]");
    assertEquals(Map.of(1L, 3), r.duplicated());
    assertEquals(Verdict.INVALID, r.valid());
  }

  @Test
  void setFull_elementNoAddAttempted_unexpectedAndInvalid() {
    SetFullResult r = check(
        "0 invoke add 1", "0 ok add 1", "2 invoke add 2", "2 fail add 2", "1 invoke read nil", "1 ok read [1 2 7]");
    assertEquals(List.of(2L, 7L), r.unexpected());
    assertEquals(Verdict.INVALID, r.valid());
    assertEquals(1, r.elements().size());
  }

  @Test
  void setFull_pairElements_comparedWhole() {
    // elle-cli's set_full.edn: adds of [0 i], reads of bare numbers. Nothing read matches an add.
    SetFullResult r = check("0 invoke add [0 5]", "0 ok add [0 5]", "1 invoke read [0 nil]", "1 ok read [5]");
    assertEquals(SetFullResult.Outcome.LOST, only(r).outcome());
    assertEquals(List.of(5L), r.unexpected());
  }

  @Test
  void setFull_okReadWithoutInvocation_dataError() {
    History h = parse("- invoke add 1", "- ok add 1", "- ok read [1]");
    DataError e = assertThrows(DataError.class, () -> SetFullChecker.check(h, SetFullChecker.Options.defaults()));
    assertEquals(2, e.opIndex());
  }

  @Test
  void setFullResult_toData_jepsenFields() {
    SetFullResult r = check(
        "@10 0 invoke add 1", "@20 0 ok add 1", "@30 1 invoke read nil", "@40 1 ok read []", "@50 1 invoke read nil",
        "@60 1 ok read [1 2]", "@61 0 invoke add 2", "@62 0 ok add 2", "@63 0 invoke add 3", "@64 0 ok add 3",
        "@65 1 invoke read nil", "@66 1 ok read [1 2]");
    Map<Keyword, Object> d = r.toData();
    assertEquals(Boolean.FALSE, d.get(Keyword.of("valid?")));
    assertEquals("[3]", Edn.print(d.get(Keyword.of("lost"))));
    assertEquals("[1]", Edn.print(d.get(Keyword.of("stale"))));
    assertEquals("{0 0, 0.5 10, 0.95 10, 0.99 10, 1 10}", Edn.print(d.get(Keyword.of("stable-latencies"))));
    assertEquals("{0 0, 0.5 0, 0.95 0, 0.99 0, 1 0}", Edn.print(d.get(Keyword.of("lost-latencies"))));
    assertEquals("[{:element 1, :outcome :stable, :stable-latency 10, :lost-latency nil, "
        + ":known {:index 1, :time 20000000, :type :ok, :process 0, :f :add, :value 1}, "
        + ":last-absent {:index 2, :time 30000000, :type :invoke, :process 1, :f :read, :value nil}}]",
        Edn.print(d.get(Keyword.of("worst-stale"))));
    assertEquals(List.of("valid?", "attempt-count", "stable-count", "lost-count", "lost", "never-read-count",
        "never-read", "stale-count", "stale", "worst-stale", "stable-latencies", "lost-latencies",
        "duplicated-count", "duplicated", "unexpected-count", "unexpected"),
        d.keySet().stream().map(Keyword::name).toList());
  }
}
