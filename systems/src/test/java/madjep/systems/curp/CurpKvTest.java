package madjep.systems.curp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import madjep.harness.Harness;
import madjep.harness.Run;
import madjep.history.History;
import madjep.history.Verdict;
import madjep.history.edn.Keyword;
import madjep.sim.Durations;
import madjep.sim.nemesis.RegionSettings;
import madjep.sim.scenario.Bundled;
import madjep.sim.scenario.Scenario;
import madjep.sim.scenario.SimResult;
import madjep.sim.scenario.SimRunner;
import org.junit.jupiter.api.Test;

class CurpKvTest {
  private static final Keyword PATH = Keyword.of("path");

  @Test
  void correctScenarios_fullFaultMixInThreeRegions_fiveSeedsEachValid() throws Exception {
    for (String name : new String[] {"curp-kv", "curp-kv-register", "curp-kv-list-append"}) {
      assertTrue(Bundled.get(name).expectValid());
      Scenario s = Bundled.get(name).scenario();
      for (long seed = 1; seed <= 5; seed++) {
        Run r = Harness.defaults().run(s.withSeed(seed), name + " seed " + seed);
        assertEquals(Verdict.VALID, r.verdict(), name + " seed " + seed + ": " + r.summary());
        assertTrue(r.sim().stats().get("ops-completed") > 500, name + " seed " + seed + " made progress: "
            + r.sim().stats());
      }
    }
  }

  /**
   * Ops completed on the fast path and on the slow one, for {@code keys} keys in use, every client in eu-west: one
   * round trip from the super-quorum (n1 to n4) and two from a commit by the leader. (A client in the leader's region
   * gets both answers after one us-east/eu-west round trip, and either path may finish first.)
   */
  private static int[] paths(int keys) {
    Scenario b = Bundled.get("curp-kv-register").scenario();
    RegionSettings r = b.environment().regions();
    Scenario s = b.toBuilder().faultMode("none").duration(Durations.s(5)).keys(keys)
        .environment(b.environment().withRegions(r.withPlacement(r.nodes(), Collections.nCopies(20, "eu-west"))))
        .build();
    History h = SimRunner.run(s.withSeed(3)).history();
    int[] n = new int[2];
    for (int i = 0; i < h.size(); i++) {
      if (h.isClient(i) && (h.isOk(i) || h.isFail(i))) {
        Object p = h.extra(i, PATH);
        n[0] += Keyword.of("fast").equals(p) ? 1 : 0;
        n[1] += Keyword.of("slow").equals(p) ? 1 : 0;
      }
    }
    return n;
  }

  @Test
  void noFaults_commutingCommandsFast_conflictingSlow() {
    int[] commuting = paths(1000);
    assertTrue(commuting[0] > 10 * commuting[1], "1000 keys: " + commuting[0] + " fast, " + commuting[1] + " slow");
    int[] conflicting = paths(1);
    assertTrue(conflicting[1] > 3 * conflicting[0], "one key: " + conflicting[0] + " fast, " + conflicting[1]
        + " slow");
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
