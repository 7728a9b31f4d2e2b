package madjep.linear;

import java.time.Duration;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import madjep.history.History;
import madjep.history.Verdict;
import org.junit.jupiter.api.Test;

/** Time and memory limits answer unknown with the cause, never valid; a cheap violation beats an expensive one. */
class LimitsTest {
  /**
   * {@code writers} concurrent writes of distinct values and a concurrent read of a value nobody writes: not
   * linearizable, but proving it means trying every subset of the writes before the read.
   */
  static List<String> hard(int writers, String keyPrefix) {
    List<String> ops = new ArrayList<>();
    for (int p = 0; p < writers; p++) {
      ops.add(p + " :invoke :write " + keyPrefix + (p + 1) + (keyPrefix.isEmpty() ? "" : "]"));
    }
    ops.add(writers + " :invoke :read " + keyPrefix + "nil" + (keyPrefix.isEmpty() ? "" : "]"));
    ops.add(writers + " :ok :read " + keyPrefix + "999" + (keyPrefix.isEmpty() ? "" : "]"));
    for (int p = 0; p < writers; p++) {
      ops.add(p + " :ok :write " + keyPrefix + (p + 1) + (keyPrefix.isEmpty() ? "" : "]"));
    }
    return ops;
  }

  @Test
  void hardHistory_shortTimeout_unknownWithTimeoutCause() {
    History h = Hist.of(hard(26, ""));
    LinearizabilityResult r = LinearizabilityChecker.check(h, Models.byName("cas-register", 0L),
        LinearizabilityOptions.defaults().withTimeout(Duration.ofMillis(200)));
    assertEquals(Verdict.UNKNOWN, r.verdict());
    assertEquals(LinearizabilityResult.Cause.TIMEOUT, r.cause());
    assertNull(r.failure());
  }

  @Test
  void hardHistory_smallMemoryLimit_unknownWithMemoryCause() {
    History h = Hist.of(hard(26, ""));
    LinearizabilityResult r = LinearizabilityChecker.check(h, Models.byName("cas-register", 0L),
        LinearizabilityOptions.defaults().withTimeout(Duration.ofSeconds(60)).withMemoryLimit(1 << 20));
    assertEquals(Verdict.UNKNOWN, r.verdict());
    assertEquals(LinearizabilityResult.Cause.MEMORY, r.cause());
  }

  @Test
  void hardHistory_memoryLimitBelowOneTable_unknownWithMemoryCause() {
    LinearizabilityResult r = LinearizabilityChecker.check(Hist.of(hard(26, "")), Models.byName("cas-register", 0L),
        LinearizabilityOptions.defaults().withMemoryLimit(16));
    assertEquals(Verdict.UNKNOWN, r.verdict());
    assertEquals(LinearizabilityResult.Cause.MEMORY, r.cause());
  }

  @Test
  void tinyHistory_memoryLimitBelowOneTable_searchThatFinishesStillAnswers() {
    // A refused reservation only stops remembering configurations, it never prunes one; so a search that ends
    // before the next limit check has a sound answer, and gives it.
    LinearizabilityResult r = LinearizabilityChecker.check(Hist.of(hard(3, "")), Models.byName("cas-register", 0L),
        LinearizabilityOptions.defaults().withMemoryLimit(16));
    assertEquals(Verdict.INVALID, r.verdict());
  }

  @Test
  void expensivePartitionFirst_cheapViolationLater_cheapViolationReportedWithItsKey() {
    List<String> ops = new ArrayList<>(hard(26, "[0 "));
    ops.add("100 :invoke :write [1 5]");
    ops.add("100 :ok :write [1 5]");
    ops.add("101 :invoke :read [1 nil]");
    ops.add("101 :ok :read [1 6]");
    History h = Hist.of(ops);
    for (int threads = 1; threads <= 2; threads++) {
      LinearizabilityResult r = LinearizabilityChecker.check(h, Models.byName("cas-register", 0L),
          LinearizabilityOptions.defaults().withIndependent(true).withThreads(threads)
              .withTimeout(Duration.ofSeconds(120)));
      assertEquals(Verdict.INVALID, r.verdict());
      assertEquals(2, r.partitions());
      assertEquals(1L, r.failure().partition());
      assertEquals("process 101 read 6 at op 57 (key 1), but every order of the 1 earlier op leaves the register at 5",
          r.failure().explanation());
    }
  }
}
