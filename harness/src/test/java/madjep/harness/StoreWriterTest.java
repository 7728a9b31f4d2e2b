package madjep.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDateTime;
import java.util.List;
import java.util.stream.Stream;
import madjep.sim.Durations;
import madjep.sim.scenario.Scenario;
import madjep.sim.testing.LeaderStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreWriterTest {
  @TempDir Path dir;

  static Scenario small(String name) {
    return Scenario.builder(name).system(new LeaderStore()).nodes(3).faultMode("none").duration(Durations.s(2))
        .build();
  }

  private Run run(String name) throws IOException {
    return Harness.defaults().withStore(dir).run(small(name).withSeed(3), "replay " + name);
  }

  @Test
  void write_run_everyFileReadableByAllAndLinksPointAtIt() throws IOException {
    run("mine");
    Path latest = dir.resolve("latest");
    for (String f : List.of("history.edn", "history.jsonl", "results.edn", "results.json", "scenario.toml",
        "trace.log", "report.html")) {
      assertTrue(Files.size(latest.resolve(f)) > 0, f);
      assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(latest.resolve(f))), f);
    }
    assertEquals(dir.resolve("mine/latest").toRealPath(), latest.toRealPath());
    assertEquals(List.of(), hidden(dir.resolve("mine")), "no temporaries left");
  }

  @Test
  void write_scenarioNamedLatest_neitherWritesIntoTheLinkNorLoopsIt() throws IOException {
    run("other");
    run("latest");
    assertTrue(Files.isSymbolicLink(dir.resolve("latest")));
    assertTrue(Files.isDirectory(dir.resolve("_latest")));
    assertEquals(dir.resolve("_latest/latest").toRealPath(), dir.resolve("latest").toRealPath());
    assertTrue(StoredRun.read(dir).dir().toString().endsWith("latest"));
  }

  @Test
  void check_plantedSymlinkAsScenarioDirectory_refusedBeforeRunning() throws IOException {
    Path outside = Files.createDirectory(dir.resolve("outside"));
    Path store = Files.createDirectory(dir.resolve("store"));
    Files.createSymbolicLink(store.resolve("mine"), outside);
    IOException e = assertThrows(IOException.class,
        () -> Harness.defaults().withStore(store).run(small("mine"), "r"));
    assertTrue(e.getMessage().contains("symbolic link"), e.getMessage());
    try (Stream<Path> s = Files.list(outside)) {
      assertEquals(0, s.count(), "nothing written through the link");
    }
  }

  @Test
  void check_storeIsAFile_refused() throws IOException {
    Path f = Files.writeString(dir.resolve("file"), "x");
    IOException e = assertThrows(IOException.class, () -> StoreWriter.check(f, "mine"));
    assertTrue(e.getMessage().contains("found a file"), e.getMessage());
  }

  @Test
  void directoryName_longOrHostileNames_oneSafeBoundedSegment() {
    String longName = "x".repeat(300);
    String n = StoreWriter.directoryName(longName);
    assertEquals(StoreWriter.MAX_NAME, n.length());
    assertFalse(n.equals(StoreWriter.directoryName("x".repeat(299))), "the hash keeps long names apart");
    assertEquals("__.._escape", StoreWriter.directoryName("../../escape"));
    assertEquals("_latest", StoreWriter.directoryName("latest"));
    assertEquals("scenario", StoreWriter.directoryName(""));
  }

  @Test
  void write_temporariesOfDeadProcesses_removed_livingOnesKept() throws IOException {
    Path scenarioDir = Files.createDirectories(dir.resolve("mine"));
    long dead = deadPid();
    Path stale = Files.createDirectory(scenarioDir.resolve(".tmp-" + dead + "-20240101T000000.000-123"));
    Files.writeString(stale.resolve("history.edn"), "half");
    Path staleLink = Files.writeString(dir.resolve(".latest." + dead + "-1.tmp"), "");
    Path mine = Files.createDirectory(scenarioDir.resolve(".tmp-" + ProcessHandle.current().pid() + "-x-1"));
    StoreWriter.write(dir, Harness.defaults().run(small("mine"), "r"), LocalDateTime.now());
    assertFalse(Files.exists(stale));
    assertFalse(Files.exists(staleLink));
    assertTrue(Files.exists(mine), "a living process's temporary is its own business");
  }

  @Test
  void open_historiesWrittenWhileSimulating_sameBytesAsWrittenAfter() throws IOException {
    // Hand-overs every 50 ops, so that a short run is written in many pieces while it is simulated.
    Scenario s = small("streamed").withSeed(5);
    madjep.sim.scenario.SimResult r;
    Path stored;
    int[] handOvers = new int[1];
    try (StoreWriter.Open open = StoreWriter.open(dir, s.name(), LocalDateTime.now())) {
      r = madjep.sim.scenario.SimRunner.run(s, sim -> { }, prefix -> {
        handOvers[0]++;
        open.histories().soFar(prefix);
      }, 50);
      open.histories().finish(r.history());
      Run run = Harness.defaults().check(r, "r");
      stored = open.complete(r, "r", () -> run);
    }
    assertTrue(handOvers[0] >= 5, "hand-overs: " + handOvers[0]);
    for (var f : java.util.Map.of("history.edn", madjep.history.io.HistoryFormat.EDN, "history.jsonl",
        madjep.history.io.HistoryFormat.JSON).entrySet()) {
      java.io.ByteArrayOutputStream whole = new java.io.ByteArrayOutputStream();
      madjep.history.io.HistoryWriter.write(r.history(), f.getValue(), whole);
      org.junit.jupiter.api.Assertions.assertArrayEquals(whole.toByteArray(),
          Files.readAllBytes(stored.resolve(f.getKey())), f.getKey());
    }
    assertEquals(List.of(), hidden(dir.resolve("streamed")), "no temporaries left");
  }

  @Test
  void open_runThatNeverCompletes_leavesNothing() throws IOException {
    try (StoreWriter.Open open = StoreWriter.open(dir, "failed", LocalDateTime.now())) {
      open.histories().soFar(Harness.defaults().simulate(small("failed")).history());
      // The simulation throws here, say: the run is not stored.
    }
    try (Stream<Path> s = Files.list(dir.resolve("failed"))) {
      assertEquals(List.of(), s.toList(), "nothing stored, no temporaries");
    }
    assertFalse(Files.exists(dir.resolve("latest")));
  }

  /** A process id that no process has: a finished child's. */
  private static long deadPid() throws IOException {
    try {
      Process p = new ProcessBuilder("true").start();
      p.waitFor();
      return p.pid();
    } catch (InterruptedException e) {
      throw new IOException(e);
    }
  }

  private static List<String> hidden(Path d) throws IOException {
    try (Stream<Path> s = Files.list(d)) {
      return s.map(p -> p.getFileName().toString()).filter(x -> x.startsWith(".")).toList();
    }
  }
}
