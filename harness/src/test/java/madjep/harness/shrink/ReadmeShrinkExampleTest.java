package madjep.harness.shrink;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import madjep.harness.Harness;
import madjep.sim.scenario.Scenario;
import madjep.sim.scenario.ScenarioFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's example of shrinking from Java, compiled and run on a user-style system. */
class ReadmeShrinkExampleTest {
  @Test
  void shrinkExample_userSystem_writesAFailingFile(@TempDir Path dir) throws IOException {
    Path mine = dir.resolve("mine.toml");
    Files.writeString(mine, """
        system = "madjep.harness.shrink.LaggingBackup"
        nodes = 3
        duration = "6s"
        [clients]
        concurrency = 4
        rate = 50.0
        [faults]
        kinds = ["kill", "partition", "pause"]
        interval = "700ms"
        """);
    long seed = 1;
    while (!FailureKind.of(Harness.defaults().check(Harness.defaults().simulate(
        ScenarioFiles.read(mine).withSeed(seed)), "")).failed()) {
      seed++;
    }
    Path out = dir.resolve("min.toml");
    // --- README: Shrink a failing run from Java
    Scenario failing = ScenarioFiles.read(mine).withSeed(seed);
    Shrunk s = Shrinker.of(Harness.defaults()).withBudget(Duration.ofMinutes(5)).shrink(failing);
    System.out.println(s.shrunkFailure().describe() + ", " + s.after().faultSteps() + " fault steps");
    Files.writeString(out, s.toml("madjep sim run min.toml"));
    // ---
    Scenario back = ScenarioFiles.read(out);
    assertTrue(s.failure().matchedBy(FailureKind.of(Harness.defaults().check(Harness.defaults().simulate(back), ""))));
    assertTrue(Files.readString(out).contains("# Replay: madjep sim run min.toml"));
  }
}
