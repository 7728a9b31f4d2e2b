package madjep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import madjep.history.History;
import madjep.history.edn.Edn;
import madjep.history.edn.Keyword;
import madjep.history.io.HistoryReader;
import madjep.sim.scenario.Bundled;
import madjep.sim.scenario.Scenario;
import madjep.sim.scenario.ScenarioFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimCommandTest {
  @TempDir Path dir;

  @Test
  void list_bundled_namesEveryScenario() {
    CliRun r = CliRun.of("sim", "list");
    assertEquals(0, r.code());
    for (Bundled.Entry e : Bundled.all()) {
      assertTrue(r.out().contains(e.scenario().name()), e.scenario().name());
    }
  }

  @Test
  void run_bundled_writesJepsenStoreLayout() throws IOException {
    CliRun r = CliRun.of("sim", "run", "raft-kv", "--seed", "7", "--store", dir.toString());
    Path run = dir.resolve("latest");
    assertTrue(Files.isDirectory(run), r.out() + r.err());
    assertTrue(Files.isSymbolicLink(dir.resolve("raft-kv").resolve("latest")));
    for (String f : List.of("history.edn", "history.jsonl", "results.edn", "results.json", "scenario.toml",
        "trace.log", "report.html")) {
      assertTrue(Files.size(run.resolve(f)) > 0, f);
    }
    assertTrue(run.toRealPath().getFileName().toString().matches("\\d{8}T\\d{6}\\.\\d{3}"), run.toRealPath()
        .toString());
    History edn = HistoryReader.read(run.resolve("history.edn"));
    History json = HistoryReader.read(run.resolve("history.jsonl"));
    assertEquals(edn.size(), json.size());
    assertTrue(edn.size() > 1000);
    Scenario stored = ScenarioFiles.read(run.resolve("scenario.toml"));
    assertEquals(Bundled.get("raft-kv").scenario().withSeed(7), stored, "fully resolved, seed included");
    Map<?, ?> results = (Map<?, ?>) Edn.parse(Files.readString(run.resolve("results.edn")));
    assertEquals(7L, results.get(Keyword.of("seed")));
    assertEquals("madjep sim run raft-kv --seed 7", results.get(Keyword.of("replay")));
    Object valid = results.get(Keyword.of("valid?"));
    int expected = valid == Boolean.TRUE ? 0 : valid == Boolean.FALSE ? 1 : 2;
    assertEquals(expected, r.code(), "exit code follows the verdict");
    assertTrue(r.out().contains("results: " + dir.resolve("raft-kv")), r.out());
    String page = Files.readString(run.resolve("report.html"));
    assertTrue(page.contains("class=\"op ok\"") && page.contains("class=\"band "), "ops and faults");
    assertTrue(page.contains("<code id=\"replay\">madjep sim run raft-kv --seed 7</code>"), "the replay command");
  }

  @Test
  void run_twiceSameSeed_identicalHistoryAndTrace() throws IOException {
    CliRun.of("sim", "run", "raft-kv-swarm", "--seed", "5", "--store", dir.resolve("a").toString());
    CliRun.of("sim", "run", "raft-kv-swarm", "--seed", "5", "--store", dir.resolve("b").toString());
    for (String f : List.of("history.edn", "history.jsonl", "trace.log", "scenario.toml")) {
      assertEquals(Files.readString(dir.resolve("a/latest").resolve(f)),
          Files.readString(dir.resolve("b/latest").resolve(f)), f);
    }
  }

  @Test
  void run_checkDeterminism_reportsIdenticalRuns() {
    CliRun r = CliRun.of("sim", "run", "raft-kv", "--seed", "2", "--check-determinism", "--store", dir.toString());
    assertTrue(r.out().startsWith("determinism: 2 runs identical"), r.out());
  }

  @Test
  void run_swarm_printsTheDrawnFaultsFirst() {
    CliRun r = CliRun.of("sim", "run", "raft-kv-swarm", "--seed", "9", "--store", dir.toString());
    assertTrue(r.out().lines().skip(1).findFirst().orElse("").startsWith("swarm: faults="), r.out());
  }

  @Test
  void run_scenarioFile_usesItAndItsSeed() throws IOException {
    Path f = dir.resolve("mine.toml");
    Files.writeString(f, "name = \"mine\"\nsystem = \"raft-kv\"\nseed = 99\nduration = \"3s\"\n[workload]\nname = \"bank\"\n"
        + "[faults]\nmode = \"none\"\n");
    CliRun r = CliRun.of("sim", "run", f.toString(), "--store", dir.resolve("s").toString());
    assertTrue(r.out().startsWith("mine seed 99:"), r.out());
    assertTrue(r.out().contains("faults: none"), r.out());
    assertTrue(Files.exists(dir.resolve("s/mine/latest/history.edn")));
  }

  @Test
  void run_raftKv_linearizable_exitsZero() {
    CliRun r = CliRun.of("sim", "run", "raft-kv", "--seed", "11", "--store", dir.toString());
    assertEquals(0, r.code(), r.out());
    assertTrue(r.out().contains("check linear (cas-register per key, a read of nil is no value): valid"), r.out());
    assertTrue(r.out().contains("liveness: ok"), r.out());
    assertTrue(r.out().contains("faults fired: "), r.out());
  }

  @Test
  void run_seededBug_exitsOneWithSeedAndReplayCommand() {
    CliRun r = CliRun.of("sim", "run", "raft-kv-stale-read", "--seed", "1", "--store", dir.toString());
    assertEquals(ExitCode.INVALID, r.code(), r.out());
    assertTrue(r.out().contains("INVALID"), r.out());
    assertTrue(r.out().contains("seed 1: INVALID (linear); replay: madjep sim run raft-kv-stale-read --seed 1"), r.out());
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"raft-kv-stale-read", "raft-kv-unsynced-ack",
      "raft-kv-small-quorum", "raft-kv-lease-read"})
  void sweep_seededBug_caughtWithin50Seeds(String name) {
    CliRun r = CliRun.of("sim", "sweep", name, "--seeds", "1..50", "--jobs", "2");
    assertEquals(ExitCode.INVALID, r.code(), r.out());
    String first = r.out().lines().filter(l -> l.startsWith("seed ")).findFirst().orElseThrow();
    assertTrue(first.contains("INVALID") && first.contains("replay: madjep sim run " + name + " --seed "), first);
  }

  @Test
  void sweep_raftKv_everySeedValid() {
    CliRun r = CliRun.of("sim", "sweep", "raft-kv", "--seeds", "1..40", "--jobs", "2");
    assertEquals(0, r.code(), r.out());
    assertTrue(r.out().contains("40 seeds: 40 valid, 0 invalid, 0 unknown"), r.out());
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"raft-kv-list-append", "raft-kv-rw-register"})
  void run_txnWorkloads_checkedByElleStrictSerializable(String name) {
    CliRun r = CliRun.of("sim", "run", name, "--seed", "3", "--store", dir.toString());
    assertEquals(0, r.code(), r.out());
    assertTrue(r.out().contains("(strict-serializable): valid"), r.out());
  }

  @Test
  void sweep_smallQuorumUnderListAppend_elleFindsCycles() throws IOException {
    Path f = dir.resolve("sq-append.toml");
    Files.writeString(f, "base = \"raft-kv-small-quorum\"\nname = \"sq-append\"\n[workload]\nname = \"list-append\"\n");
    CliRun r = CliRun.of("sim", "sweep", f.toString(), "--seeds", "1..5", "--jobs", "2");
    assertEquals(ExitCode.INVALID, r.code(), r.out());
    assertTrue(r.out().contains("txn list-append (strict-serializable): INVALID, anomalies "), r.out());
  }

  @Test
  void run_bank_checkedByJepsensBankChecker() {
    CliRun r = CliRun.of("sim", "run", "raft-kv-bank", "--seed", "3", "--store", dir.toString());
    assertEquals(0, r.code(), r.out());
    assertTrue(r.out().contains("check bank: valid"), r.out());
  }

  @Test
  void run_set_checkedBySetChecker() {
    CliRun r = CliRun.of("sim", "run", "raft-kv-set", "--seed", "3", "--store", dir.toString());
    assertEquals(0, r.code(), r.out());
    assertTrue(r.out().contains("check set: valid"), r.out());
  }

  @Test
  void run_scenarioNamedLikeAPath_staysInsideTheStore() throws IOException {
    Path f = dir.resolve("evil.toml");
    Files.writeString(f, "name = \"../../escape\"\nsystem = \"raft-kv\"\nduration = \"2s\"\n[faults]\nmode = \"none\"\n");
    CliRun.of("sim", "run", f.toString(), "--store", dir.resolve("s").toString());
    assertTrue(Files.isDirectory(dir.resolve("s/__.._escape")), r(dir.resolve("s")));
    assertTrue(Files.notExists(dir.getParent().resolve("escape")));
  }

  private static String r(Path p) throws IOException {
    try (var s = Files.list(p)) {
      return s.map(Path::toString).toList().toString();
    }
  }

  @Test
  void run_unknownScenario_usageError() {
    CliRun r = CliRun.of("sim", "run", "no-such-thing", "--store", dir.toString());
    assertEquals(ExitCode.USAGE, r.code());
    assertTrue(r.err().contains("raft-kv-stale-read"), r.err());
  }

  @Test
  void run_badScenarioFile_dataErrorWithFileAndKey() throws IOException {
    Path f = dir.resolve("bad.toml");
    Files.writeString(f, "system = \"raft-kv\"\n[workload]\nname = \"queue\"\n");
    CliRun r = CliRun.of("sim", "run", f.toString(), "--store", dir.toString());
    assertEquals(ExitCode.DATA, r.code());
    assertTrue(r.err().startsWith(f.toString()) && r.err().contains("workload.name"), r.err());
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
      "mode = \"chaos\"      | faults.mode: expected none, mix or swarm, found 'chaos'",
      "interval = \"0s\"     | faults.interval: expected a duration above 0",
      "interval = \"-250ms\" | faults.interval: expected a duration"})
  void run_badFaultSetting_exit65AtFileLineColumnBeforeRunning(String setting, String expected) throws IOException {
    Path f = dir.resolve("faults.toml");
    Files.writeString(f, "system = \"raft-kv\"\n\n[faults]\nkinds = [\"kill\"]\n  " + setting + "\n");
    CliRun r = CliRun.of("sim", "run", f.toString(), "--store", dir.resolve("s").toString());
    assertEquals(ExitCode.DATA, r.code(), r.err());
    assertTrue(r.err().startsWith(f + ":5:3: " + expected), r.err());
    assertTrue(Files.notExists(dir.resolve("s")), "refused before anything ran or was stored");
  }

  @Test
  void sweep_shard_runsOnlyItsSeeds() {
    CliRun r = CliRun.of("sim", "sweep", "raft-kv", "--seeds", "1..4", "--shard", "1/2", "--jobs", "2",
        "--duration", "3s");
    assertTrue(r.out().contains("shard 1/2: 2 seeds"), r.out());
    assertTrue(r.out().contains("2 seeds:"), r.out());
    for (String line : r.out().split("\n")) {
      if (line.startsWith("seed ")) {
        assertTrue(line.startsWith("seed 2:") || line.startsWith("seed 4:"), line);
        assertTrue(line.contains("replay: madjep sim run raft-kv --seed "), line);
      }
    }
  }

  @Test
  void sweep_badArguments_usageErrors() {
    assertEquals(ExitCode.USAGE, CliRun.of("sim", "sweep", "raft-kv", "--seeds", "5..1").code());
    assertEquals(ExitCode.USAGE, CliRun.of("sim", "sweep", "raft-kv", "--seeds", "1..5", "--shard", "2/2").code());
  }

  @Test
  void demo_sixtySecondsOfRaftKv_saysWhereResultsAre() throws IOException {
    CliRun r = CliRun.of("demo", "--store", dir.toString());
    assertEquals(0, r.code(), r.out());
    assertTrue(r.out().contains("1m simulated"), r.out());
    assertTrue(r.out().contains("Open " + dir + "/latest/"), r.out());
    assertTrue(Files.exists(dir.resolve("latest/history.edn")));
  }

  @Test
  void sweep_terminatedMidway_printsWhatFinished_leavesNoHalfWrittenStore() throws Exception {
    Path store = dir.resolve("term");
    Path log = dir.resolve("term.out");
    Process p = CliRun.inOwnProcess(log, "sim", "sweep", "raft-kv-stale-read", "--seeds", "1..100000", "--jobs", "2",
        "--duration", "3s", "--store", store.toString());
    try {
      long deadline = System.nanoTime() + 120_000_000_000L;
      while (Files.readString(log).split("results: ", -1).length < 4 && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
    } finally {
      p.destroy(); // SIGTERM: the JVM runs its shutdown hooks, as on Ctrl-C
    }
    p.waitFor();
    String out = Files.readString(log);
    assertTrue(out.contains("interrupted after "), out);
    assertTrue(out.matches("(?s).*\\d+ seeds: \\d+ valid, \\d+ invalid.*"), out);
    assertTrue(out.contains("INVALID; replay: madjep sim run raft-kv-stale-read --seed "), out);
    // A seed whose store was being written when the process went down is removed, not reported as an error.
    assertTrue(!out.contains(": no such file") && !out.contains("madjep: "), out);
    try (var runs = Files.list(store.resolve("raft-kv-stale-read"))) {
      for (Path run : (Iterable<Path>) runs::iterator) {
        String name = run.getFileName().toString();
        assertTrue(!name.startsWith(".tmp-"), "no temporary left: " + name);
        if (!name.equals("latest")) {
          assertTrue(Files.isRegularFile(run.resolve("report.html")), "complete: " + run);
        }
      }
    }
  }

  @Test
  void run_terminatedWhileItsHistoriesAreBeingWritten_leavesNothingInTheStore() throws Exception {
    // A long run opens its hidden run directory before simulating and writes its histories into it as it goes:
    // stopped midway (as by Ctrl-C), it must leave neither that directory nor a run.
    Path store = dir.resolve("stream");
    Path log = dir.resolve("stream.out");
    Process p = CliRun.inOwnProcess(log, "sim", "run", "raft-kv", "--duration", "3h", "--store", store.toString());
    Path scenarioDir = store.resolve("raft-kv");
    try {
      long deadline = System.nanoTime() + 120_000_000_000L;
      boolean writing = false;
      while (!writing && System.nanoTime() < deadline && p.isAlive()) {
        Thread.sleep(100);
        if (Files.isDirectory(scenarioDir)) {
          try (var entries = Files.list(scenarioDir)) {
            // The first hand-over (65,536 ops) has reached the history file.
            writing = entries.anyMatch(d -> d.getFileName().toString().startsWith(".tmp-")
                && sizeOf(d.resolve("history.edn")) > 0);
          }
        }
      }
      assertTrue(writing, "the history was being written while simulating: " + Files.readString(log));
    } finally {
      p.destroy(); // SIGTERM: the JVM runs its shutdown hooks, as on Ctrl-C
    }
    assertTrue(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS), "the process ended");
    String out = Files.readString(log);
    assertTrue(out.contains("interrupted at ") && out.contains("nothing was stored"), out);
    try (var entries = Files.list(scenarioDir)) {
      assertEquals(List.of(), entries.map(e -> e.getFileName().toString()).toList(), "nothing left: " + out);
    }
    assertFalse(Files.exists(store.resolve("latest"), java.nio.file.LinkOption.NOFOLLOW_LINKS));
  }

  private static long sizeOf(Path f) {
    try {
      return Files.size(f);
    } catch (IOException e) {
      return 0;
    }
  }
}
