package madjep.sim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import madjep.sim.testing.OutsideCompiler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A jar built on a newer JDK runs on an older one: sim-blocking's provider (Java 21 bytecode) sits beside the others
 * when MadJep is built on JDK 25 and run on 17. Finding a system, bundled or a user's class, leaves such a provider
 * out instead of failing on it.
 */
class SystemsTest {
  @TempDir Path dir;

  @Test
  void providerFromANewerJdk_leftOut_userClassStillResolves() throws IOException {
    assertEquals(0, OutsideCompiler.compileOne(dir, "FutureProvider", """
        package com.acme;
        import madjep.sim.NodeFactory;
        import madjep.sim.scenario.Scenario;
        import madjep.sim.scenario.SystemProvider;
        public class FutureProvider implements SystemProvider {
          public String name() { return "future-kv"; }
          public String description() { return "compiled for a JDK that does not exist yet"; }
          public NodeFactory factory(Scenario s) { return null; }
        }
        """));
    assertEquals(0, OutsideCompiler.compileOne(dir, "MyStore", """
        package com.acme;
        import madjep.sim.Node;
        import madjep.sim.NodeFactory;
        public class MyStore implements NodeFactory {
          public Node create(int id) { return null; }
        }
        """));
    Path classes = dir.resolve("classes");
    Path future = classes.resolve("com/acme/FutureProvider.class");
    byte[] bytes = Files.readAllBytes(future);
    bytes[6] = 0x7f; // the class file's major version, far beyond this JVM's
    Files.write(future, bytes);
    Path services = Files.createDirectories(classes.resolve("META-INF/services"));
    Files.writeString(services.resolve(SystemProvider.class.getName()), "com.acme.FutureProvider\n");

    try (URLClassLoader loader = OutsideCompiler.loader(classes)) {
      assertFalse(Systems.providers(loader).stream().anyMatch(p -> p.name().equals("future-kv")));
      SystemUnderTest sut = Systems.resolve("com.acme.MyStore", loader);
      assertEquals("com.acme.MyStore", sut.name());
      assertFalse(sut.bundled());
    }
  }
}
