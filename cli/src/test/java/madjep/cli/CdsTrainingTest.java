package madjep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's training runs answer verdicts: a training file that became bad data, or a training scenario that no
 * longer runs, would train nothing.
 */
class CdsTrainingTest {
  @Test
  void trainingCommands_answerVerdictsNotErrors() {
    String[][] commands = CdsTraining.commands(Path.of(".."));
    int[] expected = {ExitCode.VALID, ExitCode.VALID, ExitCode.INVALID, ExitCode.VALID};
    assertEquals(expected.length, commands.length);
    for (int i = 0; i < commands.length; i++) {
      CliRun r = CliRun.of(commands[i]);
      assertEquals(expected[i], r.code(), String.join(" ", commands[i]) + ": " + r.out() + r.err());
    }
  }

  @Test
  void simulationTraining_runsChecksAndStoresTheRun(@TempDir Path store) throws Exception {
    CliRun r = CliRun.of(CdsTraining.simCommand(Path.of(".."), store));
    assertEquals(ExitCode.VALID, r.code(), r.out() + r.err());
    assertTrue(Files.isRegularFile(store.resolve("cds-training/latest/report.html")), r.out());
  }
}
