package madjep.sim.nemesis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import madjep.sim.scenario.Scenario;
import madjep.sim.scenario.ScenarioFiles;
import org.junit.jupiter.api.Test;

/** README and {@code sim list} (through {@link FaultCatalog}) document every family, :f name and key. */
class FaultDocsTest {
  private static String readme() throws IOException {
    return Files.readString(Path.of("..", "README.md"));
  }

  @Test
  void readme_namesEveryNewFamilyItsFNamesAndKeys() throws IOException {
    String readme = readme();
    for (FaultCatalog.Family f : FaultCatalog.families()) {
      assertTrue(readme.contains("`" + f.kind().label() + "`") || FaultKind.classic().contains(f.kind()),
          "README names family " + f.kind().label());
      for (FaultCatalog.Param p : f.params()) {
        String key = p.key().substring(p.key().indexOf('.') + 1);
        assertTrue(readme.contains(key), "README names key " + p.key());
      }
      if (!FaultKind.classic().contains(f.kind())) {
        for (String name : f.kind().description().split(":")[0].split("[,/ ]+")) {
          assertTrue(readme.contains("`:" + name + "`"), "README names :f " + name + " of " + f.kind().label());
        }
      }
    }
    for (FaultCatalog.Param p : FaultCatalog.environment()) {
      assertTrue(readme.contains(p.key().substring(p.key().indexOf('.') + 1)), "README names " + p.key());
    }
    for (String shape : Nemesis.PARTITION_SHAPES) {
      assertTrue(readme.contains("`" + shape + "`"), "README names partition shape " + shape);
    }
  }

  @Test
  void readme_everyFaultExample_parsesWithEveryFamilyAndThreeRegions() throws IOException {
    String readme = readme();
    int at = readme.indexOf("```toml\n# A 3-region cluster under every fault family");
    assertTrue(at >= 0, "README has the every-fault example");
    // raft-kv is registered by the systems module; here a test system stands in for the example's base.
    String toml = readme.substring(at + 8, readme.indexOf("```", at + 8))
        .replace("base = \"raft-kv\"", "system = \"madjep.sim.testing.LeaderStore\"");
    Scenario s = ScenarioFiles.parseToml(toml, "README.md");
    assertEquals(FaultKind.values().length, s.faults().kinds().size());
    assertEquals(3, s.environment().regions().names().size());
  }

  @Test
  void catalog_everyFamilyListed_descriptionsNameTheirFNames() {
    assertEquals(FaultKind.values().length, FaultCatalog.families().size());
    for (FaultKind k : FaultKind.values()) {
      assertTrue(k.description().contains(":"), k.label());
    }
  }
}
