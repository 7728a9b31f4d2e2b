package madjep.txn.jepsen;

import java.util.List;
import static madjep.txn.jepsen.TestHistories.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import madjep.history.DataError;
import madjep.history.Verdict;
import madjep.history.edn.Edn;
import org.junit.jupiter.api.Test;

class TotalQueueCheckerTest {
  @Test
  void totalQueue_everyEnqueueDequeued_valid() {
    TotalQueueResult r = TotalQueueChecker.check(parse(
        "0 invoke enqueue 1", "0 ok enqueue 1", "1 invoke enqueue 2", "1 ok enqueue 2", "2 invoke dequeue nil",
        "2 ok dequeue 2", "2 invoke dequeue nil", "2 ok dequeue 1", "2 invoke dequeue nil", "2 fail dequeue nil"));
    assertEquals(Verdict.VALID, r.valid());
    assertEquals(List.of(1L, 2L), r.ok());
  }

  @Test
  void totalQueue_ackedNeverDequeued_lost() {
    TotalQueueResult r = TotalQueueChecker.check(parse(
        "0 invoke enqueue 1", "0 ok enqueue 1", "0 invoke enqueue 1", "0 ok enqueue 1", "2 invoke dequeue nil",
        "2 ok dequeue 1"));
    assertEquals(Verdict.INVALID, r.valid());
    assertEquals(List.of(1L), r.lost());
  }

  @Test
  void totalQueue_dequeuedNeverEnqueued_unexpected() {
    TotalQueueResult r = TotalQueueChecker.check(parse("2 invoke dequeue nil", "2 ok dequeue 9"));
    assertEquals(Verdict.INVALID, r.valid());
    assertEquals(List.of(9L), r.unexpected());
  }

  @Test
  void totalQueue_dequeuedTwice_duplicatedButValidAsJepsen() {
    TotalQueueResult r = TotalQueueChecker.check(parse(
        "0 invoke enqueue 1", "0 ok enqueue 1", "2 invoke dequeue nil", "2 ok dequeue 1", "2 invoke dequeue nil",
        "2 ok dequeue 1", "3 invoke dequeue nil", "3 ok dequeue 1"));
    assertEquals(Verdict.VALID, r.valid());
    assertEquals(List.of(1L, 1L), r.duplicated());
    assertEquals(List.of(1L), r.ok());
  }

  @Test
  void totalQueue_indeterminateEnqueueDequeued_recovered() {
    TotalQueueResult r = TotalQueueChecker.check(parse(
        "0 invoke enqueue 1", "0 info enqueue 1", "1 invoke enqueue 2", "2 invoke dequeue nil", "2 ok dequeue 1",
        "2 invoke dequeue nil", "2 ok dequeue 2"));
    assertEquals(Verdict.VALID, r.valid());
    assertEquals(List.of(1L, 2L), r.recovered());
    assertEquals(2, r.attemptCount());
  }

  @Test
  void totalQueue_failedEnqueueDequeued_unexpectedUnlikeJepsen() {
    TotalQueueResult r = TotalQueueChecker.check(parse(
        "0 invoke enqueue 1", "0 fail enqueue 1", "2 invoke dequeue nil", "2 ok dequeue 1"));
    assertEquals(Verdict.INVALID, r.valid());
    assertEquals(List.of(1L), r.unexpected());
  }

  @Test
  void totalQueue_drain_countsEachValueAsADequeue() {
    TotalQueueResult r = TotalQueueChecker.check(parse(
        "0 invoke enqueue 1", "0 ok enqueue 1", "0 invoke enqueue 2", "0 ok enqueue 2", "0 invoke enqueue 3",
        "0 ok enqueue 3", "1 invoke dequeue nil", "1 ok dequeue 1", "1 invoke drain nil", "1 ok drain [2]"));
    assertEquals(Verdict.INVALID, r.valid());
    assertEquals(List.of(3L), r.lost());
    assertEquals(2, r.dequeueCount());
  }

  @Test
  void totalQueue_crashedDrain_unknown() {
    TotalQueueResult r = TotalQueueChecker.check(parse(
        "0 invoke enqueue 1", "0 ok enqueue 1", "1 invoke drain nil", "1 info drain nil"));
    assertEquals(Verdict.UNKNOWN, r.valid());
    assertEquals(3, r.crashedDrain());
  }

  @Test
  void totalQueue_crashedDrainAndUnexpected_invalid() {
    TotalQueueResult r = TotalQueueChecker.check(parse(
        "1 invoke drain nil", "2 invoke dequeue nil", "2 ok dequeue 4"));
    assertEquals(Verdict.INVALID, r.valid());
    assertEquals(0, r.crashedDrain());
  }

  @Test
  void totalQueue_drainOfScalar_dataError() {
    DataError e = assertThrows(DataError.class,
        () -> TotalQueueChecker.check(parse("1 invoke drain nil", "1 ok drain 4")));
    assertEquals("expected the collection of drained values in an :ok :drain, found 4", e.detail());
  }

  @Test
  void totalQueueResult_toData_jepsenFields() {
    TotalQueueResult r = TotalQueueChecker.check(parse(
        "0 invoke enqueue 1", "0 ok enqueue 1", "0 invoke enqueue 2", "0 ok enqueue 2", "0 invoke enqueue 3",
        "0 info enqueue 3", "1 invoke dequeue nil", "1 ok dequeue 3", "1 invoke dequeue nil", "1 ok dequeue 3",
        "1 invoke dequeue nil", "1 ok dequeue 5", "1 invoke dequeue nil", "1 ok dequeue 1"));
    assertEquals("{:valid? false, :attempt-count 3, :acknowledged-count 2, :ok-count 2, :unexpected-count 1, "
        + ":duplicated-count 1, :lost-count 1, :recovered-count 1, :lost [2], :unexpected [5], :duplicated [3], "
        + ":recovered [3]}", Edn.print(r.toData()));
  }
}
