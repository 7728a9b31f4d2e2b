package madjep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import madjep.sim.testing.OutsideCompiler;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user's own systems, compiled outside the reactor and loaded through {@code --classpath}: a green run must mean
 * the system is right. A store that acknowledges writes and keeps nothing is invalid on every seed; a durable store
 * that stops answering fails liveness on every seed; a correct durable single-leader store that deduplicates
 * requests stays valid over 200 seeds of the standard fault mix.
 */
class UserSystemTest {
  @TempDir static Path dir;
  static Path classes;

  @BeforeAll
  static void compile() throws IOException {
    classes = OutsideCompiler.compile(dir);
  }

  /** A scenario file for {@code system}: every fault kind, a step every 500 ms on average. */
  private static Path scenario(String system) throws IOException {
    return Files.writeString(dir.resolve(system + ".toml"), String.join("\n",
        "system = \"com.acme." + system + "\"",
        "duration = \"4s\"",
        "quiet = \"500ms\"",
        "finals = \"500ms\"",
        "[liveness]",
        "window = \"3s\"",
        "[faults]",
        "interval = \"500ms\"",
        ""));
  }

  @Test
  void ackAndDropStore_everyOneOf5Seeds_invalidWithTheReadThatSawNothing() throws IOException {
    CliRun r = CliRun.of("sim", "sweep", scenario("AckDropStore").toString(), "--seeds", "1..5", "--jobs", "2",
        "--classpath", classes.toString());
    assertEquals(ExitCode.INVALID, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("5 seeds: 0 valid, 5 invalid"), r.out());
    assertTrue(r.out().contains("a read of nil is no value"), r.out());
    assertTrue(r.out().contains("replay: madjep sim run " + dir.resolve("AckDropStore.toml") + " --seed 1 --classpath "
        + classes), r.out());
  }

  @Test
  void stallingStore_everyOneOf5Seeds_failsLivenessNamingTheClients() throws IOException {
    Path store = dir.resolve("stall-store");
    CliRun r = CliRun.of("sim", "sweep", scenario("StallingStore").toString(), "--seeds", "1..5", "--jobs", "2",
        "--classpath", classes.toString(), "--store", store.toString());
    assertEquals(ExitCode.INVALID, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("5 seeds: 0 valid, 5 invalid"), r.out());
    assertTrue(r.out().contains("liveness: ") && r.out().contains("c0 (process"), r.out());
    CliRun run = CliRun.of("sim", "run", scenario("StallingStore").toString(), "--seed", "3", "--classpath",
        classes.toString(), "--store", store.toString());
    assertEquals(ExitCode.INVALID, run.code(), run.out());
    assertTrue(run.out().contains("liveness: INVALID") && run.out().contains("last completed: ok :"), run.out());
    assertTrue(run.out().contains("seed 3: INVALID (liveness)"), run.out());
    CliRun report = CliRun.of("report", store.toString());
    assertTrue(report.out().contains("explanation: liveness: "), report.out());
  }

  @Test
  void durableStore_200SeedsOfTheStandardFaultMix_allValid() throws IOException {
    CliRun r = CliRun.of("sim", "sweep", scenario("DurableStore").toString(), "--seeds", "1..200", "--jobs", "2",
        "--classpath", classes.toString());
    assertEquals(ExitCode.VALID, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("200 seeds: 200 valid, 0 invalid, 0 unknown"), r.out());
  }

  @Test
  void run_classNotOnTheClassPath_dataErrorNamingTheKey() throws IOException {
    CliRun r = CliRun.of("sim", "run", scenario("DurableStore").toString(), "--store", dir.resolve("x").toString());
    assertEquals(ExitCode.DATA, r.code(), r.out() + r.err());
    assertTrue(r.err().contains("system: ") && r.err().contains("--classpath"), r.err());
  }

  @Test
  void nodeThatThrows_exitOneCauseNodeException_notAnInternalError() throws IOException {
    Path f = Files.writeString(dir.resolve("throws.toml"), "system = \"madjep.sim.testing.ThrowingStore\"\n"
        + "duration = \"3s\"\nseed = 8\n");
    CliRun r = CliRun.of("sim", "run", f.toString(), "--store", dir.resolve("t").toString());
    assertEquals(ExitCode.INVALID, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("node-exception: seed 8, n1 (incarnation 1) threw java.lang.IllegalStateException"),
        r.out());
    assertTrue(r.out().contains("last trace lines:") && r.out().contains("seed 8: INVALID (node-exception"),
        r.out());
    assertTrue(Files.exists(dir.resolve("t/latest/history.edn")), "the store is written");
  }

  @Test
  void run_storeIsAFile_refusedBeforeTheSimulationRuns() throws IOException {
    Path file = Files.writeString(dir.resolve("not-a-dir"), "x");
    CliRun r = CliRun.of("sim", "run", "raft-kv", "--duration", "1h", "--store", file.toString());
    assertEquals(ExitCode.DATA, r.code(), r.out() + r.err());
    assertTrue(r.err().contains("found a file"), r.err());
    assertTrue(!r.out().contains("ran "), "nothing ran: " + r.out());
  }
}
