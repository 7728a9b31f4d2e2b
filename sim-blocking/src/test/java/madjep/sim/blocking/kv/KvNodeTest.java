package madjep.sim.blocking.kv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import madjep.history.Verdict;
import madjep.sim.Durations;
import madjep.sim.blocking.BlockingNodeFactory;
import madjep.sim.nemesis.FaultKind;
import madjep.sim.nemesis.FaultSettings;
import madjep.sim.scenario.Scenario;
import org.junit.jupiter.api.Test;

/** The blocking-style Raft store is linearizable under every fault; its early-ack bug is caught. */
class KvNodeTest {
  static BlockingNodeFactory system(String bug) {
    KvConfig cfg = KvConfig.defaults().withBug(bug);
    return BlockingNodeFactory.of(id -> new KvNode(id, cfg));
  }

  static final Scenario CORRECT = Scenario.builder("kv-blocking")
      .faults(FaultSettings.standard().withInterval(Durations.s(2))).build();
  static final Scenario EARLY_ACK = CORRECT.toBuilder().name("kv-blocking-early-ack").bug("early-ack")
      .faults(FaultSettings.standard().withInterval(Durations.s(1))
          .withKinds(EnumSet.of(FaultKind.KILL, FaultKind.PARTITION)).withTargets(List.of("primaries", "one")))
      .build();

  @Test
  void correct_fullFaultMix_linearizableAndLive() {
    for (long seed = 1; seed <= 10; seed++) {
      ScenarioRuns.Run r = ScenarioRuns.run(CORRECT.withSeed(seed), system("none"));
      assertEquals(0, r.history().problemCount(), "seed " + seed);
      assertEquals(Verdict.VALID, ScenarioRuns.check(r.history()), "seed " + seed);
      assertTrue(r.completed() > 1000, "seed " + seed + " completed " + r.completed());
    }
  }

  @Test
  void earlyAck_caughtWithin50Seeds() {
    for (long seed = 1; seed <= 50; seed++) {
      if (ScenarioRuns.check(ScenarioRuns.run(EARLY_ACK.withSeed(seed), system("early-ack")).history())
          == Verdict.INVALID) {
        System.out.println("kv-blocking-early-ack: caught at seed " + seed);
        return;
      }
    }
    throw new AssertionError("early-ack not caught within 50 seeds");
  }
}
