package madjep.sim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import madjep.sim.Durations;
import madjep.sim.nemesis.Environment;
import madjep.sim.nemesis.FaultSettings;
import madjep.sim.nemesis.RegionSettings;
import madjep.sim.testing.LeaderStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExplicitRunTest {
  private static Scenario.Builder base(long seed) {
    return Scenario.builder("explicit").system("madjep.sim.testing.LeaderStore", new LeaderStore()).seed(seed)
        .duration(Durations.s(6)).faults(FaultSettings.standard().withInterval(Durations.ms(400)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"mix", "swarm", "all"})
  void explicit_everyFaultKind_replaysTheSameClientOps(String mode) {
    int steps = 0;
    for (long seed = 1; seed <= 6; seed++) {
      // "all": every family of the fault model (storage, resources, three regions, fault points), in the mix.
      Scenario s = mode.equals("all")
          ? base(seed).faults(FaultSettings.all().withInterval(Durations.ms(400)))
              .environment(Environment.defaults().withRegions(RegionSettings.aws3())).build()
          : base(seed).faultMode(mode).build();
      ExplicitRun e = ExplicitRun.of(s);
      assertTrue(e.unexplained().isEmpty(), e.unexplained().toString());
      steps += e.steps().size();
      assertEquals("none", e.scenario().faultMode());
      SimResult replay = SimRunner.run(e.scenario());
      assertTrue(ExplicitRun.sameClientOps(e.run().history(), replay.history()), "seed " + seed + " " + mode);
      // Every message and op counter is the same too; only the mix's own timer events are gone.
      java.util.Map<String, Long> before = new java.util.TreeMap<>(e.run().stats());
      java.util.Map<String, Long> after = new java.util.TreeMap<>(replay.stats());
      before.remove("events");
      after.remove("events");
      assertEquals(before, after, "seed " + seed);
    }
    assertTrue(steps > 5, mode + ": " + steps + " steps in 6 seeds");
  }

  @Test
  void explicit_scenarioFile_readsBackToTheSameSteps() {
    ExplicitRun e = ExplicitRun.of(base(3).faultMode("swarm").build());
    String toml = ScenarioFiles.toToml(e.scenario());
    Scenario back = ScenarioFiles.parseToml(toml, "back.toml");
    assertEquals(e.scenario().schedule(), back.schedule());
    assertEquals(e.scenario().faults(), back.faults());
    assertTrue(ExplicitRun.sameClientOps(e.run().history(), SimRunner.run(back).history()));
  }

  @Test
  void sameClientOps_differentRuns_false() {
    SimResult a = SimRunner.run(base(1).build());
    SimResult b = SimRunner.run(base(2).build());
    assertFalse(ExplicitRun.sameClientOps(a.history(), b.history()));
    assertTrue(ExplicitRun.sameClientOps(a.history(), a.history()));
  }
}
