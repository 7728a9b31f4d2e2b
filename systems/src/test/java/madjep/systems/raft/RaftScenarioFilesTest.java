package madjep.systems.raft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import madjep.sim.Durations;
import madjep.sim.nemesis.FaultKind;
import madjep.sim.scenario.Bundled;
import madjep.sim.scenario.Scenario;
import madjep.sim.scenario.ScenarioFiles;
import madjep.sim.scenario.Systems;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** raft-kv's bundled scenarios, found through the ServiceLoader, in scenario files. */
class RaftScenarioFilesTest {
  @TempDir Path dir;

  @Test
  void providers_raftKvRegistered_namedAndItsScenariosListed() {
    assertEquals(java.util.List.of("raft-kv", "curp-kv"), Systems.names());
    assertEquals(16, new RaftKvProvider().scenarios().size(), "11 of the network and process faults, 5 of the fault model");
    assertEquals("raft-kv", Bundled.get("raft-kv").scenario().system().name());
  }

  @Test
  void toToml_everyBundledScenario_readsBackEqual() {
    for (Bundled.Entry e : Bundled.all()) {
      Scenario s = e.scenario().withSeed(1234567890123L);
      String toml = ScenarioFiles.toToml(s);
      assertEquals(s, ScenarioFiles.parseToml(toml, e.scenario().name() + ".toml"), toml);
      assertEquals(toml, ScenarioFiles.toToml(ScenarioFiles.parseToml(toml, "x")), "a fixed point");
    }
  }

  @Test
  void read_yamlWithBase_overridesOnlyWhatItSays() throws IOException {
    Path f = dir.resolve("mine.yaml");
    Files.writeString(f, String.join("\n",
        "base: raft-kv-stale-read",
        "seed: 42",
        "duration: 30s",
        "workload:",
        "  keys: 3",
        "faults:",
        "  kinds: [partition, clock]",
        "  steps: ['5s kill n1', '7s start']",
        ""));
    Scenario s = ScenarioFiles.read(f);
    assertEquals("raft-kv-stale-read", s.name());
    assertEquals("stale-read", s.bug());
    assertEquals(42, s.seed());
    assertEquals(Durations.s(30), s.duration());
    assertEquals(3, s.keys());
    assertEquals(java.util.List.of(FaultKind.PARTITION, FaultKind.CLOCK), s.faults().orderedKinds());
    assertTrue(s.schedule().describe().contains("5s kill n1"), s.schedule().describe());
  }

}
