package madjep.systems.raft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import madjep.sim.Durations;
import madjep.sim.nemesis.Step;
import madjep.sim.scenario.Bundled;
import madjep.sim.scenario.ExplicitRun;
import madjep.sim.scenario.Scenario;
import madjep.sim.scenario.ScenarioFiles;
import madjep.sim.scenario.SimResult;
import madjep.sim.scenario.SimRunner;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A random fault schedule made explicit replays the same run of raft-kv: every fault kind of the mix, swarm's drawn
 * settings, and a trigger's reactions (late steps), checked through the scenario file the shrinker writes.
 */
class ExplicitScheduleTest {
  @ParameterizedTest
  @CsvSource({"raft-kv, 1", "raft-kv, 2", "raft-kv-swarm, 3", "raft-kv-stale-read, 4", "raft-kv-unsynced-ack, 5",
      "raft-kv-lease-read, 6"})
  void explicit_bundledScenario_replaysTheSameClientOps(String name, long seed) {
    Scenario s = Bundled.get(name).scenario().toBuilder().seed(seed).duration(Durations.s(8)).build();
    ExplicitRun e = ExplicitRun.of(s);
    assertTrue(e.unexplained().isEmpty(), e.unexplained().toString());
    assertTrue(e.steps().size() >= 1, e.steps().toString());
    Scenario back = ScenarioFiles.parseToml(ScenarioFiles.toToml(e.scenario()), name + ".toml");
    SimResult replay = SimRunner.run(back);
    assertTrue(ExplicitRun.sameClientOps(e.run().history(), replay.history()), name + " seed " + seed);
    assertEquals(e.run().stats().get("messages-dropped"), replay.stats().get("messages-dropped"));
    if (name.equals("raft-kv-stale-read")) {
      assertTrue(e.steps().stream().anyMatch(Step::late), "the trigger's isolations react to a leader: " + e.steps());
    }
  }
}
