package madjep.systems.curp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.TreeSet;
import madjep.harness.Harness;
import madjep.harness.Run;
import madjep.history.Verdict;
import madjep.sim.FaultPoints;
import madjep.sim.scenario.Bundled;
import org.junit.jupiter.api.Test;

/**
 * curp-kv-every-fault: the correct CURP store in three regions under every fault family holds (100 seeds swept, in
 * benchmarks/RESULTS.md); a few seeds are pinned here, and over them every family and every fault point of the store
 * fires at least once, so that a green run is not a run where the new faults did nothing.
 */
class EveryFaultTest {
  @Test
  void everyFault_correctStore_validOnPinnedSeeds_andEveryFamilyFired() throws Exception {
    Bundled.Entry e = Bundled.get("curp-kv-every-fault");
    assertTrue(e.expectValid());
    assertTrue(e.scenario().environment().regions().enabled(), "the scenario runs in regions");
    Set<String> fired = new TreeSet<>();
    Set<String> points = new TreeSet<>();
    for (long seed = 1; seed <= 8; seed++) {
      Run r = Harness.defaults().check(madjep.sim.scenario.SimRunner.run(e.scenario().withSeed(seed)),
          "madjep sim run curp-kv-every-fault --seed " + seed);
      assertEquals(Verdict.VALID, r.verdict(), "seed " + seed + ": " + r.summary());
      assertTrue(r.sim().stats().get("ops-completed") > 300, "seed " + seed + " made progress: " + r.sim().stats());
      for (int i = 0; i < r.sim().history().size(); i++) {
        if (!r.sim().history().isClient(i)) {
          fired.add(r.sim().history().f(i).name());
        }
      }
      for (FaultPoints.Count c : r.sim().observations().faultPoints()) {
        if (c.fired() > 0) {
          points.add(c.name());
        }
      }
    }
    for (String f : new String[] {"start-disk-errors", "start-fsync-errors", "fill-disk", "start-slow-disk",
        "start-slow-cpu", "start-memory-pressure", "start-region-partition", "start-wan-degrade", "start-buggify",
        "start-partition", "kill"}) {
      assertTrue(fired.contains(f), f + " fired in some seed: " + fired);
    }
    assertEquals(Set.of("curp.compact-early", "curp.skip-heartbeat", "curp.small-batch"), points);
  }
}
