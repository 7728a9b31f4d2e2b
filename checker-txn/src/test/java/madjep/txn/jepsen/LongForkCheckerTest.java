package madjep.txn.jepsen;

import java.util.List;
import static madjep.txn.jepsen.TestHistories.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import madjep.history.DataError;
import madjep.history.History;
import madjep.history.Verdict;
import madjep.history.edn.Edn;
import org.junit.jupiter.api.Test;

class LongForkCheckerTest {
  private static LongForkResult check(int groupSize, String... ops) {
    return LongForkChecker.check(parse(ops), new LongForkChecker.Options(groupSize));
  }

  @Test
  void longFork_readsSeeWritesInOppositeOrders_fork() {
    // jepsen.tests.long-fork-test checker-test
    LongForkResult r = check(3,
        "- invoke read [[:r 0 nil] [:r 1 nil] [:r 2 nil]]", "- invoke read [[:r 2 nil] [:r 0 nil] [:r 1 nil]]",
        "- ok read [[:r 0 1] [:r 1 1] [:r 2 nil]]", "- ok read [[:r 2 1] [:r 0 1] [:r 1 nil]]");
    assertEquals(Verdict.INVALID, r.valid());
    assertEquals(List.of(new LongForkResult.Fork(2, 3)), r.forks());
    assertEquals("{:valid? false, :reads-count 2, :early-read-count 0, :late-read-count 0, :forks "
        + "[[{:index 2, :time 2000000, :type :ok, :process nil, :f :read, :value [[:r 0 1] [:r 1 1] [:r 2 nil]]} "
        + "{:index 3, :time 3000000, :type :ok, :process nil, :f :read, :value [[:r 2 1] [:r 0 1] [:r 1 nil]]}]]}",
        Edn.print(r.toData()));
  }

  @Test
  void longFork_readsTotallyOrdered_valid() {
    LongForkResult r = check(2,
        "0 invoke txn [[:w :x 1]]", "0 ok txn [[:w :x 1]]", "1 invoke txn [[:r :x nil] [:r :y nil]]",
        "1 ok txn [[:r :x nil] [:r :y nil]]", "1 invoke txn [[:r :y nil] [:r :x nil]]",
        "1 ok txn [[:r :y nil] [:r :x 1]]", "0 invoke txn [[:w :y 1]]", "0 ok txn [[:w :y 1]]",
        "1 invoke txn [[:r :x nil] [:r :y nil]]", "1 ok txn [[:r :x 1] [:r :y 1]]");
    assertEquals(Verdict.VALID, r.valid());
    assertEquals(3, r.readCount());
    assertEquals(1, r.earlyReadCount());
    assertEquals(1, r.lateReadCount());
  }

  @Test
  void longFork_forksOnlyWithinAGroup() {
    LongForkResult r = check(2,
        "1 invoke txn [[:r 0 nil] [:r 1 nil]]", "1 ok txn [[:r 0 1] [:r 1 nil]]",
        "2 invoke txn [[:r 2 nil] [:r 3 nil]]", "2 ok txn [[:r 2 nil] [:r 3 1]]",
        "1 invoke txn [[:r 0 nil] [:r 1 nil]]", "1 ok txn [[:r 0 nil] [:r 1 1]]");
    assertEquals(List.of(new LongForkResult.Fork(1, 5)), r.forks());
  }

  @Test
  void longFork_everyIncomparablePair_reported() {
    LongForkResult r = check(2,
        "1 invoke txn [[:r 0 nil] [:r 1 nil]]", "1 ok txn [[:r 0 1] [:r 1 nil]]",
        "2 invoke txn [[:r 0 nil] [:r 1 nil]]", "2 ok txn [[:r 0 nil] [:r 1 1]]",
        "1 invoke txn [[:r 0 nil] [:r 1 nil]]", "1 ok txn [[:r 0 1] [:r 1 nil]]");
    assertEquals(List.of(new LongForkResult.Fork(1, 3), new LongForkResult.Fork(3, 5)), r.forks());
  }

  @Test
  void longFork_keyWrittenTwice_unknown() {
    LongForkResult r = check(2,
        "0 invoke txn [[:w 0 1]]", "0 ok txn [[:w 0 1]]", "1 invoke txn [[:w 0 2]]", "1 fail txn [[:w 0 2]]",
        "1 invoke txn [[:r 0 nil] [:r 1 nil]]", "1 ok txn [[:r 0 1] [:r 1 nil]]",
        "2 invoke txn [[:r 0 nil] [:r 1 nil]]", "2 ok txn [[:r 0 nil] [:r 1 1]]");
    assertEquals(Verdict.UNKNOWN, r.valid());
    assertEquals(0L, r.multipleWrites());
    assertEquals("{:valid? :unknown, :reads-count 2, :early-read-count 0, :late-read-count 0, "
        + ":error [:multiple-writes 0]}", Edn.print(r.toData()));
  }

  @Test
  void longFork_readsSeeDifferentValuesOfAKey_unknown() {
    LongForkResult r = check(2,
        "1 invoke txn [[:r 0 nil] [:r 1 nil]]", "1 ok txn [[:r 0 1] [:r 1 nil]]",
        "2 invoke txn [[:r 0 nil] [:r 1 nil]]", "2 ok txn [[:r 0 2] [:r 1 nil]]");
    assertEquals(Verdict.UNKNOWN, r.valid());
    assertEquals(new LongForkResult.Conflict(0L, 1L, 1, 2L, 3), r.conflict());
    assertNull(r.multipleWrites());
  }

  @Test
  void longFork_readOfWrongGroupSize_dataErrorAtOp() {
    History h = parse("1 invoke txn [[:r 0 nil] [:r 1 nil]]", "1 ok txn [[:r 0 1] [:r 1 nil]]");
    DataError e = assertThrows(DataError.class,
        () -> LongForkChecker.check(h, new LongForkChecker.Options(3)));
    assertEquals(1, e.opIndex());
    assertEquals("expected a read of 3 distinct keys (the group size), found 2: [0 1]", e.detail());
  }

  @Test
  void longFork_okOpThatIsNoTransaction_dataErrorAtOp() {
    History h = parse("1 invoke txn nil", "1 ok txn 5");
    DataError e = assertThrows(DataError.class, () -> LongForkChecker.check(h, new LongForkChecker.Options(2)));
    assertEquals("expected a transaction [[f k v] ...], found 5", e.detail());
  }

  @Test
  void longFork_nemesisAndFailedOps_ignored() {
    LongForkResult r = check(2,
        "n info start-partition :majority", "n info start-partition [:isolated {}]",
        "1 invoke txn [[:r 0 nil] [:r 1 nil]]", "1 fail txn [[:r 0 1] [:r 1 nil]]",
        "2 invoke txn [[:r 0 nil] [:r 1 nil]]", "2 ok txn [[:r 0 nil] [:r 1 1]]");
    assertEquals(Verdict.VALID, r.valid());
    assertEquals(1, r.readCount());
  }
}
