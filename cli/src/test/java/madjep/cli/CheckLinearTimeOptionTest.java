package madjep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code check linear --time}: :time order with closed intervals instead of file order. */
class CheckLinearTimeOptionTest {
  @TempDir Path dir;

  @Test
  void equalTimes_fileOrderInvalid_timeOrderValid() throws IOException {
    // The write returns at 5 and the read is invoked at 5: file order says the write came first, closed intervals
    // say they overlap, so the read of the old value is only explained by --time.
    Path f = dir.resolve("h.edn");
    Files.writeString(f, """
        {:process 0, :type :invoke, :f :write, :value 1, :time 1}
        {:process 0, :type :ok, :f :write, :value 1, :time 5}
        {:process 1, :type :invoke, :f :read, :value nil, :time 5}
        {:process 1, :type :ok, :f :read, :value 0, :time 6}
        """);
    CliRun file = CliRun.of("check", "linear", "--model", "register", "--initial", "0", f.toString());
    assertEquals(ExitCode.INVALID, file.code(), file.out() + file.err());
    CliRun time = CliRun.of("check", "linear", "--model", "register", "--initial", "0", "--time", f.toString());
    assertEquals(ExitCode.VALID, time.code(), time.out() + time.err());
  }

  @Test
  void missingTime_exit65AtTheOp() throws IOException {
    Path f = dir.resolve("h.edn");
    Files.writeString(f, """
        {:process 0, :type :invoke, :f :write, :value 1, :time 1}
        {:process 0, :type :ok, :f :write, :value 1}
        """);
    CliRun r = CliRun.of("check", "linear", "--model", "register", "--time", f.toString());
    assertEquals(ExitCode.DATA, r.code(), r.out() + r.err());
    assertTrue(r.err().startsWith(f + ":2:1: expected a :time on every op"), r.err());
  }
}
