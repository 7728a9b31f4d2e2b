package madjep.sim.scenario;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import madjep.history.DataError;

/**
 * Coverage-guided fuzzing (Jazzer) of the scenario file parser, TOML and YAML, with the bundled scenarios and
 * {@code examples/} as seeds (under {@code src/test/resources/madjep/sim/scenario/ScenarioFilesFuzzTestInputs/}).
 * The property: a file either reads as a scenario or fails with a {@link DataError} that says what was expected and
 * where (a line, or the key); nothing else escapes, which the CLI would turn into exit 70. Plain {@code mvn verify}
 * replays the stored inputs; the build's {@code fuzz} execution fuzzes (sim-runtime's pom.xml).
 */
class ScenarioFilesFuzzTest {
  private static Path dir;

  @FuzzTest(maxDuration = "15s")
  void scenarioFiles(byte[] data) throws IOException {
    if (dir == null) {
      dir = Files.createTempDirectory("madjep-scenario-fuzz");
      dir.toFile().deleteOnExit();
    }
    for (String suffix : new String[] {".toml", ".yaml"}) {
      Path f = dir.resolve("s" + suffix);
      Files.write(f, data);
      try {
        ScenarioFiles.read(f);
      } catch (DataError e) {
        requireWhereAndWhat(e, data);
      }
    }
  }

  /**
   * A data error names a line inside the file, or the key (as the file spells it, such as {@code network.loss}, or
   * {@code (top)} for the file as a whole) before ": expected".
   */
  static void requireWhereAndWhat(DataError e, byte[] data) {
    String d = e.detail();
    boolean keyed = d.indexOf(": expected") > 0;
    boolean lined = e.line() >= 1 && e.line() <= 2 + countLines(data);
    if (!(keyed || lined) || !d.contains("expected")) {
      throw new AssertionError("a scenario error without its key or position: " + e.getMessage()
          + "\ninput: " + new String(data, java.nio.charset.StandardCharsets.ISO_8859_1));
    }
  }

  private static int countLines(byte[] d) {
    int n = 0;
    for (byte b : d) {
      if (b == '\n' || b == '\r') {
        n++;
      }
    }
    return n;
  }
}
