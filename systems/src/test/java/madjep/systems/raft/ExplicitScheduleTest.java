package madjep.systems.raft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Set;
import madjep.sim.Durations;
import madjep.sim.nemesis.FaultKind;
import madjep.sim.nemesis.Step;
import madjep.sim.scenario.Bundled;
import madjep.sim.scenario.ExplicitRun;
import madjep.sim.scenario.Scenario;
import madjep.sim.scenario.ScenarioFiles;
import madjep.sim.scenario.SimResult;
import madjep.sim.scenario.SimRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A random fault schedule made explicit replays the same run of raft-kv: every fault kind of the mix, swarm's drawn
 * settings, and a trigger's reactions (late steps), checked through the scenario file the shrinker writes.
 */
class ExplicitScheduleTest {
  @ParameterizedTest
  @CsvSource({"raft-kv, 1", "raft-kv, 2", "raft-kv-swarm, 3", "raft-kv-stale-read, 4", "raft-kv-unsynced-ack, 5",
      "raft-kv-lease-read, 6", "raft-kv-every-fault, 1", "raft-kv-every-fault, 2", "raft-kv-no-checksum, 2",
      "raft-kv-ignore-fsync-errors, 2", "raft-kv-local-read, 1"})
  void explicit_bundledScenario_replaysTheSameClientOps(String name, long seed) {
    Scenario s = Bundled.get(name).scenario().toBuilder().seed(seed).duration(Durations.s(8)).build();
    ExplicitRun e = ExplicitRun.of(s);
    assertTrue(e.unexplained().isEmpty(), e.unexplained().toString());
    assertTrue(e.steps().size() >= 1, e.steps().toString());
    Scenario back = ScenarioFiles.parseToml(ScenarioFiles.toToml(e.scenario()), name + ".toml");
    SimResult replay = SimRunner.run(back);
    assertTrue(ExplicitRun.sameClientOps(e.run().history(), replay.history()), name + " seed " + seed);
    // Every counter is the same too (messages, disk faults drawn at use time, fault points fired, OOM kills): only
    // the mix's own timer events are gone.
    java.util.Map<String, Long> before = new java.util.TreeMap<>(e.run().stats());
    java.util.Map<String, Long> after = new java.util.TreeMap<>(replay.stats());
    before.remove("events");
    after.remove("events");
    assertEquals(before, after, name + " seed " + seed);
    if (name.equals("raft-kv-stale-read")) {
      assertTrue(e.steps().stream().anyMatch(Step::late), "the trigger's isolations react to a leader: " + e.steps());
    }
  }

  @Test
  void explicit_everyFamily_eachWrittenAsItsOwnSteps() {
    // Seeds of the every-fault scenario until every fault family has been written down as steps and replayed.
    Set<FaultKind> kinds = EnumSet.noneOf(FaultKind.class);
    for (long seed = 3; seed <= 8 && kinds.size() < FaultKind.values().length; seed++) {
      Scenario s = Bundled.get("raft-kv-every-fault").scenario().toBuilder().seed(seed).build();
      ExplicitRun e = ExplicitRun.of(s);
      assertTrue(e.unexplained().isEmpty(), e.unexplained().toString());
      for (Step st : e.steps()) {
        if (st.kind() != null) {
          kinds.add(st.kind());
        }
      }
      SimResult replay = SimRunner.run(e.scenario());
      assertTrue(ExplicitRun.sameClientOps(e.run().history(), replay.history()), "seed " + seed);
    }
    assertEquals(EnumSet.allOf(FaultKind.class), kinds, "families written as steps");
  }
}
