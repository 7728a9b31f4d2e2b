package madjep.systems.curp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import madjep.harness.Harness;
import madjep.harness.Run;
import madjep.history.History;
import madjep.history.Verdict;
import madjep.history.edn.Keyword;
import madjep.sim.Durations;
import madjep.sim.scenario.Bundled;
import madjep.sim.scenario.Scenario;
import madjep.sim.scenario.SimResult;
import madjep.sim.scenario.SimRunner;
import org.junit.jupiter.api.Test;

class CurpKvTest {
  private static final Keyword PATH = Keyword.of("path");

  @Test
  void curpKv_fullFaultMix_12Seeds_linearizable() throws Exception {
    Scenario s = Bundled.get("curp-kv").scenario();
    for (long seed = 1; seed <= 12; seed++) {
      Run r = Harness.defaults().run(s.withSeed(seed), "seed " + seed);
      assertEquals(Verdict.VALID, r.verdict(), "seed " + seed + ": " + r.summary());
      assertTrue(r.sim().stats().get("ops-completed") > 1000, "seed " + seed + " made progress");
    }
  }

  @Test
  void noFaults_fewKeysInUse_mostOpsOnTheFastPath() {
    Scenario s = Bundled.get("curp-kv").scenario().toBuilder().faultMode("none").duration(Durations.s(5)).build();
    History h = SimRunner.run(s.withSeed(3)).history();
    int fast = 0;
    int slow = 0;
    for (int i = 0; i < h.size(); i++) {
      if (h.isClient(i) && (h.isOk(i) || h.isFail(i))) {
        Object p = h.extra(i, PATH);
        fast += Keyword.of("fast").equals(p) ? 1 : 0;
        slow += Keyword.of("slow").equals(p) ? 1 : 0;
      }
    }
    assertTrue(fast > 4 * slow, "commuting commands take one round trip: " + fast + " fast, " + slow + " slow");
    assertTrue(slow > 0, "ops racing on a key wait for the leader's after-sync answer");
  }

  @Test
  void sameSeedTwice_byteIdenticalHistoryAndTrace() {
    Scenario s = Bundled.get("curp-kv").scenario().toBuilder().duration(Durations.s(8)).build();
    for (long seed = 1; seed <= 3; seed++) {
      SimResult a = SimRunner.run(s.withSeed(seed));
      SimResult b = SimRunner.run(s.withSeed(seed));
      assertEquals(a.trace(), b.trace(), "trace of seed " + seed);
      assertEquals(a.history().ops(), b.history().ops(), "history of seed " + seed);
      assertEquals(a.eventHash(), b.eventHash());
    }
  }
}
