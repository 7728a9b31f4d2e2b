package madjep.sim.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import madjep.history.History;
import madjep.history.edn.Keyword;
import madjep.sim.NodeFactory;
import madjep.sim.scenario.Scenario;
import madjep.sim.scenario.SimRunner;
import madjep.sim.testing.OutsideCompiler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** README's {@code ClientProtocol} example, compiled from the README itself and run. */
class ReadmeClientProtocolTest {
  @Test
  void readmeFanOutStore_compiles_everyAnswerComesFromN1ThroughTheSessions(@TempDir Path dir) throws Exception {
    String readme = Files.readString(Path.of("..", "README.md"));
    int section = readme.indexOf("### A system with its own client side (`ClientProtocol`)");
    assertTrue(section > 0, "README has the section");
    int start = readme.indexOf("```java\n", section) + 8;
    String source = readme.substring(start, readme.indexOf("```", start));
    assertEquals(0, OutsideCompiler.compileOne(dir, "FanOutStore", source), "README's example compiles");
    try (URLClassLoader loader = OutsideCompiler.loader(dir.resolve("classes"))) {
      NodeFactory store = (NodeFactory) loader.loadClass("FanOutStore").getConstructor().newInstance();
      assertTrue(store instanceof ClientProtocol);
      Scenario s = Scenario.builder("fan-out").system(store).faultMode("none").seed(3).build();
      History h = SimRunner.run(s).history();
      int answered = 0;
      for (int i = 0; i < h.size(); i++) {
        if (h.isClient(i) && (h.isOk(i) || h.isFail(i))) {
          answered++;
          assertEquals("n1", h.extra(i, Keyword.of("node")), h.op(i).toString());
        }
      }
      assertTrue(answered > 1000, "ops answered through the sessions: " + answered);
    }
  }
}
