package madjep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import madjep.history.History;
import madjep.history.io.HistoryReader;
import madjep.history.testing.Corpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryCommandTest {
  @Test
  void stats_ofKnossosFile_printsCountsAndExitsZero() {
    Path f = Corpus.root().resolve("knossos/cas-register/bad/cas-failure.edn");
    CliRun r = CliRun.of("history", "stats", f.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains(": 590 ops"), r.out());
    assertTrue(r.out().contains(":invoke 291  :ok 205  :fail 85  :info 9"), r.out());
    assertTrue(r.out().contains("processes: 11 clients, named :nemesis"), r.out());
    assertTrue(r.out().contains("peak concurrency: 10"), r.out());
    assertTrue(r.out().contains("problems: none"), r.out());
  }

  @Test
  void stats_withTimes_printsTimeSpan() {
    CliRun r = CliRun.of("history", "stats", Corpus.root().resolve("elle-cli/jepsen/bank.edn").toString());
    assertTrue(r.out().contains("time span: 69.158 s"), r.out());
  }

  @Test
  void stats_ofUnpairedHistory_listsProblemsAndExits65(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("h.edn");
    Files.writeString(f, "{:type :invoke :process 0 :f :read}\n{:type :invoke :process 0 :f :read}\n"
        + "{:type :ok :process 3 :f :read}\n");
    CliRun r = CliRun.of("history", "stats", f.toString());
    assertEquals(ExitCode.DATA, r.code());
    assertTrue(r.out().contains("problems: 2"), r.out());
    assertTrue(r.err().contains(f + ":2:1: expected process 0 to complete its op at line 1"), r.err());
    assertTrue(r.err().contains(f + ":3:1: expected an :invoke from process 3"), r.err());
  }

  @Test
  void convert_logToJsonToEdn_keepsEveryOp(@TempDir Path dir) throws IOException {
    Path log = Corpus.root().resolve("porcupine/jepsen/etcd_000.log");
    Path json = dir.resolve("h.jsonl");
    Path edn = dir.resolve("h.edn");
    assertEquals(0, CliRun.of("history", "convert", "--to", "json", log.toString(), "-o", json.toString()).code());
    CliRun r = CliRun.of("history", "convert", "--to", "edn", json.toString(), "-o", edn.toString());
    assertEquals(0, r.code(), r.err());
    History original = HistoryReader.read(log);
    History back = HistoryReader.read(edn);
    assertEquals(original.size(), back.size());
    for (int i = 0; i < original.size(); i++) {
      assertEquals(original.type(i), back.type(i));
      assertEquals(original.processValue(i), back.processValue(i));
      assertEquals(original.f(i), back.f(i));
      // JSON has no keywords: :timed-out comes back as "timed-out"; everything else is as it was.
      assertEquals(madjep.history.io.JsonValues.toJson(original.value(i), false),
          madjep.history.io.JsonValues.toJson(back.value(i), false));
    }
  }

  @Test
  void badData_printsOneLineWithPosition_exits65_noStackTrace(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("bad.edn");
    Files.writeString(f, "{:type :invoke :process 0 :f :read}\n{:type :ok :process 0 :f :read :value [1 2}\n");
    CliRun r = CliRun.of("history", "stats", f.toString());
    assertEquals(ExitCode.DATA, r.code());
    assertEquals(f + ":2:43: expected ']' to close the vector opened at line 2, column 39, found '}'\n"
        .replace("\n", System.lineSeparator()), r.err());
    assertFalse(r.err().contains("at madjep"), r.err());
  }

  @Test
  void badData_withDebug_showsStackTrace(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("bad.edn");
    Files.writeString(f, "{:type :nope}");
    CliRun r = CliRun.of("--debug", "history", "stats", f.toString());
    assertEquals(ExitCode.DATA, r.code());
    assertTrue(r.err().contains("at madjep.history"), r.err());
  }

  @Test
  void missingFile_exits65_namingIt() {
    CliRun r = CliRun.of("history", "stats", "/no/such/file.edn");
    assertEquals(ExitCode.DATA, r.code());
    assertEquals("/no/such/file.edn: expected a history file, found no such file", r.err().strip());
  }

  @Test
  void convert_toUnknownFormat_exits64() {
    CliRun r = CliRun.of("history", "convert", "--to", "xml", "a.edn", "-o", "b");
    assertEquals(ExitCode.USAGE, r.code());
    assertTrue(r.err().contains("--to takes edn or json, not 'xml'"), r.err());
  }

  @Test
  void convert_ofBadInput_leavesNoOutputFile(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("bad.edn");
    Files.writeString(f, "{:type :invoke :process 0}\n{:type :ok");
    Path out = dir.resolve("out.jsonl");
    assertEquals(ExitCode.DATA, CliRun.of("history", "convert", "--to", "json", f.toString(), "-o", out.toString())
        .code());
    assertFalse(Files.exists(out));
  }

  @Test
  void unknownCommandOrOption_exits64_withUsage() {
    assertEquals(ExitCode.USAGE, CliRun.of("frobnicate").code());
    CliRun r = CliRun.of("history", "stats", "--frob", "x");
    assertEquals(ExitCode.USAGE, r.code());
    assertTrue(r.err().contains("Unknown option: '--frob'"), r.err());
  }

  @Test
  void helpAndVersion_exitZero() {
    CliRun help = CliRun.of("history", "convert", "--help");
    assertEquals(0, help.code());
    assertTrue(help.out().contains("--to=edn|json"), help.out());
    CliRun version = CliRun.of("--version");
    assertEquals(0, version.code());
    assertTrue(version.out().startsWith("madjep "), version.out());
  }

  @Test
  void formatOverride_readsLogAsEdn_failsWithPosition() {
    CliRun r = CliRun.of("history", "stats", "--format", "edn",
        Corpus.root().resolve("porcupine/jepsen/etcd_000.log").toString());
    assertEquals(ExitCode.DATA, r.code());
    assertTrue(r.err().contains("etcd_000.log:1:1: expected an op map '{...}', found 'INFO"), r.err());
  }
}
