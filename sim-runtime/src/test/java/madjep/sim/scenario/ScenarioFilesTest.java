package madjep.sim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import madjep.history.DataError;
import madjep.sim.Durations;
import madjep.sim.nemesis.FaultKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioFilesTest {
  @TempDir Path dir;

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

  @Test
  void linkRules_lossOneWay_appliedToThatDirectionOnly() {
    Scenario s = ScenarioFiles.parseToml("nodes = 3\nduration = \"2s\"\n[network]\nloss = 0.0\n"
        + "links = [\"n1->n2 loss 1.0\", \"n1<->n3 latency fixed 7ms\"]\n[faults]\nmode = \"none\"\n", "t.toml");
    assertEquals(java.util.List.of("n1->n2 loss 1.0", "n1<->n3 latency fixed 7ms"), s.links());
    assertEquals(s, ScenarioFiles.parseToml(ScenarioFiles.toToml(s), "again"));
    DataError e = assertThrows(DataError.class,
        () -> ScenarioFiles.parseToml("[network]\nlinks = [\"n1->n9 loss 0.5\"]\n", "bad.toml"));
    assertTrue(e.getMessage().contains("network.links"), e.getMessage());
  }

  @Test
  void read_tomlWithTypo_errorNamesFileAndKey() throws IOException {
    Path f = dir.resolve("bad.toml");
    Files.writeString(f, "seed = 1\n[faults]\nintervl = \"2s\"\n");
    DataError e = assertThrows(DataError.class, () -> ScenarioFiles.read(f));
    assertTrue(e.getMessage().startsWith(f.toString()), e.getMessage());
    assertTrue(e.getMessage().contains("faults.intervl"), e.getMessage());
  }

  @Test
  void read_badDuration_errorSaysWhatWasExpected() throws IOException {
    Path f = dir.resolve("bad2.toml");
    Files.writeString(f, "duration = \"soon\"\n");
    DataError e = assertThrows(DataError.class, () -> ScenarioFiles.read(f));
    assertTrue(e.getMessage().contains("duration: expected a duration"), e.getMessage());
  }

  @Test
  void read_brokenToml_errorHasLine() throws IOException {
    Path f = dir.resolve("broken.toml");
    Files.writeString(f, "seed = 1\nnodes = = 3\n");
    DataError e = assertThrows(DataError.class, () -> ScenarioFiles.read(f));
    assertEquals(2, e.line(), e.getMessage());
  }
}
