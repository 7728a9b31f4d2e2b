package madjep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A failure reported while the JVM goes down (Ctrl-C during a sweep: a seed's store directory removed while its
 * history writer was still in it) prints nothing, since the interruption's own report says what finished; before
 * the shutdown the same failure is a data error, and {@code --debug} still shows it.
 */
class FailuresShutdownTest {
  @Test
  void failureDuringShutdown_printsNothing_beforeItIsADataError_debugStillShowsIt()
      throws IOException, InterruptedException {
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
        System.getProperty("java.class.path"), ShutdownReportProbe.class.getName()).redirectErrorStream(true).start();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the probe ended");
    List<String> lines = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    String file = "/store/run/.tmp-1-x/history.jsonl";
    assertEquals(List.of(
        "before " + ExitCode.DATA + " [" + file + ": no such file]",
        "during " + ExitCode.INTERRUPTED + " []",
        "debug " + ExitCode.DATA + " [" + file + ": no such file] + stack trace"), lines);
  }
}
