package madjep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import madjep.sim.scenario.Scenario;
import madjep.sim.scenario.ScenarioFiles;
import org.junit.jupiter.api.Test;

/** The README's scenario file and examples/*.toml read as scenarios, so they cannot drift from the reader. */
class ReadmeScenarioTest {
  @Test
  void readmeTomlBlock_parses_asDocumented() throws IOException {
    String readme = Files.readString(Path.of("..", "README.md"));
    int start = readme.indexOf("```toml\n");
    assertTrue(start >= 0, "README has a scenario example");
    String toml = readme.substring(start + 8, readme.indexOf("```", start + 8));
    Scenario s = ScenarioFiles.parseToml(toml, "README.md");
    assertEquals(42, s.seed());
    assertEquals("list-append", s.workload());
    assertTrue(s.schedule().describe().contains("5s kill n1"), s.schedule().describe());
    assertTrue(s.schedule().describe().contains("on leader kill"), s.schedule().describe());
  }

  @Test
  void examplesScenarioFiles_parse() throws IOException {
    Scenario hour = ScenarioFiles.read(Path.of("..", "examples", "raft-kv-hour.toml"));
    assertEquals(3600L * 1_000_000_000L, hour.duration());
    assertEquals(1000.0, hour.clients().rate());
  }
}
