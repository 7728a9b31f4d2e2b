package madjep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The launcher's training run checks real histories: a training file that became bad data would train nothing. */
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
}
