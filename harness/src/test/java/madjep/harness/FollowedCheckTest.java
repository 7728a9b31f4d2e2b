package madjep.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import madjep.history.Verdict;
import madjep.sim.Durations;
import madjep.sim.nemesis.Schedule;
import madjep.sim.nemesis.Step;
import madjep.sim.scenario.Scenario;
import madjep.sim.scenario.SimResult;
import madjep.sim.scenario.SimRunner;
import madjep.sim.testing.LeaderStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A linear check read ahead while the simulation runs answers what the check of the finished history answers, word
 * for word, on runs long enough for several hand-overs: a valid one, and one whose store loses everything in a crash.
 */
class FollowedCheckTest {
  @TempDir Path dir;

  /** About 90,000 ops: several hand-overs of {@link StreamedHistories#EVERY} ops. */
  private static Scenario busy(String name, boolean crash) {
    Scenario.Builder b = StoreWriterTest.small(name).toBuilder().clients(30, 3_000.0).duration(Durations.s(30));
    if (crash) {
      b.schedule(new Schedule.Steps(List.of(Step.parse("12s kill n1"), Step.parse("13s start"))));
    }
    return b.build().withSeed(11);
  }

  @Test
  void readAhead_sameResultAsCheckingTheWholeHistory_validAndInvalid() {
    for (boolean crash : new boolean[] {false, true}) {
      Scenario s = busy(crash ? "loses" : "keeps", crash);
      Duration timeout = Duration.ofSeconds(60);
      CheckResult ahead;
      SimResult r;
      try (FollowedCheck f = FollowedCheck.of(Checkers.STANDARD, s, timeout)) {
        assertNotNull(f, "a register workload's check reads ahead");
        r = SimRunner.run(s, sim -> { }, f, StreamedHistories.EVERY);
        assertTrue(r.history().size() > 3 * StreamedHistories.EVERY, "history of " + r.history().size());
        ahead = f.check(r);
      }
      CheckResult whole = Checkers.check(r.history(), r.check(), timeout);
      assertEquals(crash ? Verdict.INVALID : Verdict.VALID, whole.verdict(), whole.summary());
      assertEquals(whole.verdict(), ahead.verdict());
      assertEquals(whole.summary(), ahead.summary());
      assertEquals(whole.data(), ahead.data());
      assertEquals(whole.failedOp(), ahead.failedOp());
    }
  }

  @Test
  void storedRun_readAhead_sameRunAsWithoutStore() throws Exception {
    Scenario s = busy("stored", true);
    Run stored = Harness.defaults().withStore(dir).run(s, "replay");
    Run plain = Harness.defaults().run(s, "replay");
    assertEquals(Verdict.INVALID, plain.verdict());
    assertEquals(plain.summary(), stored.summary());
    assertEquals(plain.check().data(), stored.check().data());
  }

  @Test
  void otherCheckers_doNotReadAhead() {
    Scenario txn = StoreWriterTest.small("txn").toBuilder().workload("list-append").build();
    assertNull(FollowedCheck.of(Checkers.STANDARD, txn, Duration.ofSeconds(1)));
    assertNull(FollowedCheck.of((h, spec, t) -> Checkers.check(h, spec, t), StoreWriterTest.small("mine"),
        Duration.ofSeconds(1)));
  }
}
