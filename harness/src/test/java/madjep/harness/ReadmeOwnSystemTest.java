package madjep.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import madjep.history.Verdict;
import madjep.sim.NodeFactory;
import madjep.sim.scenario.Scenario;
import madjep.sim.testing.OutsideCompiler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** README's "Testing your own system" example, compiled from the README itself and run. */
class ReadmeOwnSystemTest {
  @Test
  void readmeStore_compiles_validWithoutFaults_invalidUnderTheStandardMixWithinTenSeeds(@TempDir Path dir)
      throws Exception {
    String readme = Files.readString(Path.of("..", "README.md"));
    int section = readme.indexOf("## Testing your own system");
    int start = readme.indexOf("```java\n", section) + 8;
    String source = readme.substring(start, readme.indexOf("```", start));
    assertEquals(0, OutsideCompiler.compileOne(dir, "MyStore", source), "README's example compiles");
    try (URLClassLoader loader = OutsideCompiler.loader(dir.resolve("classes"))) {
      NodeFactory store = (NodeFactory) loader.loadClass("MyStore").getConstructor().newInstance();
      Scenario s = Scenario.builder("my-store").system(store).seed(7).build();
      assertEquals(Verdict.VALID, Harness.defaults().run(s.toBuilder().faultMode("none").build(), "r").verdict());
      long caught = 0;
      for (long seed = 1; seed <= 10 && caught == 0; seed++) {
        Run run = Harness.defaults().run(s.withSeed(seed), "r");
        caught = run.verdict() == Verdict.INVALID ? seed : 0;
        System.out.println("README store, seed " + seed + ": " + run.verdict() + " " + run.causes() + " "
            + run.sim().coverage().describe());
      }
      assertTrue(caught > 0, "a store that keeps its values in memory loses them to a crash");
    }
  }
}
