package madjep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import madjep.history.testing.Corpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code madjep check bank|counter|set|set-full|long-fork|unique-ids|total-queue} through {@link Main#run}. */
class CheckJepsenCommandsTest {
  static final List<String> CHECKERS =
      List.of("bank", "counter", "set", "set-full", "long-fork", "unique-ids", "total-queue");

  @TempDir Path dir;

  static CliRun run(String... args) {
    return CliRun.of(args);
  }

  Path file(String name, String... lines) throws IOException {
    Path p = dir.resolve(name);
    Files.write(p, List.of(lines), StandardCharsets.UTF_8);
    return p;
  }

  /** elle-cli manifest rows checked by one of these commands: (path, CHECKS.tsv arguments, expected exit code). */
  static List<Arguments> corpus() {
    List<Arguments> out = new ArrayList<>();
    for (String[] row : Corpus.tsv(Corpus.root().resolve("elle-cli/MANIFEST.tsv"))) {
      String path = "elle-cli/" + row[0];
      String args = Corpus.checkArguments(path);
      if (args != null && CHECKERS.contains(args.split("\\s+")[0])) {
        String expected = row[2].trim().split("\\s+")[0];
        out.add(Arguments.of(path, args, expected.equals("true") ? ExitCode.VALID : ExitCode.INVALID));
      }
    }
    return out;
  }

  @ParameterizedTest(name = "{0}: check {1} -> {2}")
  @MethodSource("corpus")
  void checkCommand_corpusFile_exitCodeIsManifestVerdict(String path, String args, int expected) {
    List<String> argv = new ArrayList<>(List.of("check"));
    argv.addAll(List.of(args.split("\\s+")));
    argv.add(Corpus.root().resolve(path).toString());
    CliRun r = run(argv.toArray(new String[0]));
    assertEquals(expected, r.code(), () -> r.out() + r.err());
    String checker = args.split("\\s+")[0];
    assertTrue(r.out().startsWith(Corpus.root().resolve(path) + ": " + checker + ": "
        + (expected == ExitCode.VALID ? "valid" : "INVALID")), r.out());
  }

  @Test
  void checkCommand_everyJepsenChecker_registered() {
    for (String c : CHECKERS) {
      CliRun r = run("check", c, "--help");
      assertEquals(0, r.code(), c);
      assertTrue(r.out().contains("Usage: madjep check " + c), r.out());
    }
  }

  @Test
  void checkCounter_readOutOfBounds_exit1WithBoundsInSummary() throws IOException {
    Path h = file("counter.edn",
        "{:type :invoke, :f :add, :value 2, :process 0}", "{:type :ok, :f :add, :value 2, :process 0}",
        "{:type :invoke, :f :read, :process 1}", "{:type :ok, :f :read, :value 3, :process 1}");
    CliRun r = run("check", "counter", h.toString());
    assertEquals(ExitCode.INVALID, r.code());
    assertTrue(r.out().contains("  errors: [[2 3 2]]"), r.out());
    assertTrue(r.out().contains("  error-count: 1"), r.out());
  }

  @Test
  void checkSet_neverRead_exit2() throws IOException {
    Path h = file("set.edn", "{:type :invoke, :f :add, :value 1, :process 0}");
    CliRun r = run("check", "set", h.toString());
    assertEquals(ExitCode.UNKNOWN, r.code());
    assertTrue(r.out().contains("set: unknown"), r.out());
  }

  @Test
  void checkBank_json_writtenWholeAndAtomically() throws IOException {
    Path h = file("bank.json",
        "{\"type\":\"invoke\",\"f\":\"read\",\"process\":0}",
        "{\"type\":\"ok\",\"f\":\"read\",\"value\":{\"0\":10,\"1\":10},\"process\":0}",
        "{\"type\":\"invoke\",\"f\":\"read\",\"process\":0}",
        "{\"type\":\"ok\",\"f\":\"read\",\"value\":{\"0\":25,\"1\":-5},\"process\":0}");
    Path out = dir.resolve("results/bank-results.json");
    CliRun r = run("check", "bank", "--json", out.toString(), h.toString());
    assertEquals(ExitCode.INVALID, r.code(), r.err());
    String json = Files.readString(out);
    assertTrue(json.contains("\"valid?\" : false"), json);
    assertTrue(json.contains("\"negative-value\""), json);
    try (var files = Files.list(out.getParent())) {
      assertEquals(List.of(out), files.toList(), "no temporary file left behind");
    }
    CliRun allowed = run("check", "bank", "--allow-negative-balances", h.toString());
    assertEquals(ExitCode.VALID, allowed.code(), allowed.out());
  }

  @Test
  void checkBank_givenTotal_overridesFirstRead() throws IOException {
    Path h = file("bank.edn",
        "{:type :invoke, :f :read, :process 0}", "{:type :ok, :f :read, :value {0 10, 1 10}, :process 0}");
    assertEquals(ExitCode.VALID, run("check", "bank", h.toString()).code());
    assertEquals(ExitCode.INVALID, run("check", "bank", "--total-amount", "30", h.toString()).code());
    assertEquals(ExitCode.INVALID, run("check", "bank", "--accounts", "0", h.toString()).code());
  }

  @Test
  void checkLongFork_readOfWrongGroupSize_exit65WithLine() throws IOException {
    Path h = file("lf.edn",
        "{:type :invoke, :f :txn, :value [[:r 0 nil] [:r 1 nil]], :process 0}",
        "{:type :ok, :f :txn, :value [[:r 0 1] [:r 1 nil]], :process 0}");
    CliRun r = run("check", "long-fork", "--group-size", "3", h.toString());
    assertEquals(ExitCode.DATA, r.code());
    assertEquals(h + ":2:1: expected a read of 3 distinct keys (the group size), found 2: [0 1]", r.err().trim());
    assertEquals(ExitCode.VALID, run("check", "long-fork", h.toString()).code());
  }

  @Test
  void checkCounter_badValue_exit65NamesFileAndLine() throws IOException {
    Path h = file("bad.edn", "{:type :invoke, :f :read, :process 0}", "{:type :ok, :f :read, :value :x, :process 0}");
    CliRun r = run("check", "counter", h.toString());
    assertEquals(ExitCode.DATA, r.code());
    assertEquals(h + ":2:1: expected an integer counter value in an :ok :read, found :x", r.err().trim());
    assertFalse(r.err().contains("Exception"), r.err());
  }

  @Test
  void checkUniqueIds_duplicate_exit1() throws IOException {
    Path h = file("ids.edn",
        "{:type :invoke, :f :generate, :process 0}", "{:type :ok, :f :generate, :value 4, :process 0}",
        "{:type :invoke, :f :generate, :process 1}", "{:type :ok, :f :generate, :value 4, :process 1}");
    CliRun r = run("check", "unique-ids", h.toString());
    assertEquals(ExitCode.INVALID, r.code());
    assertTrue(r.out().contains("  duplicated: {4 2}"), r.out());
  }

  @Test
  void checkTotalQueue_lostValue_exit1() throws IOException {
    Path h = file("q.edn",
        "{:type :invoke, :f :enqueue, :value 1, :process 0}", "{:type :ok, :f :enqueue, :value 1, :process 0}",
        "{:type :invoke, :f :drain, :process 1}", "{:type :ok, :f :drain, :value [], :process 1}");
    CliRun r = run("check", "total-queue", h.toString());
    assertEquals(ExitCode.INVALID, r.code());
    assertTrue(r.out().contains("  lost: [1]"), r.out());
  }

  @Test
  void checkSetFull_staleUnderLinearizable_exit1() throws IOException {
    Path h = file("sf.edn",
        "{:type :invoke, :f :add, :value 1, :process 0, :time 10000000}",
        "{:type :ok, :f :add, :value 1, :process 0, :time 20000000}",
        "{:type :invoke, :f :read, :process 1, :time 30000000}",
        "{:type :ok, :f :read, :value [], :process 1, :time 40000000}",
        "{:type :invoke, :f :read, :process 1, :time 50000000}",
        "{:type :ok, :f :read, :value [1], :process 1, :time 60000000}");
    assertEquals(ExitCode.VALID, run("check", "set-full", h.toString()).code());
    CliRun r = run("check", "set-full", "--linearizable", h.toString());
    assertEquals(ExitCode.INVALID, r.code());
    assertTrue(r.out().contains("  stale: [1]"), r.out());
  }

  @Test
  void checkJepsen_missingFile_exit65() {
    CliRun r = run("check", "set", dir.resolve("nope.edn").toString());
    assertEquals(ExitCode.DATA, r.code());
    assertTrue(r.err().contains("no such file"), r.err());
  }

  @Test
  void checkJepsen_badOption_exit64() {
    assertEquals(ExitCode.USAGE, run("check", "counter", "--group-size", "3", "x.edn").code());
    assertEquals(ExitCode.USAGE, run("check", "long-fork", "--group-size", "0", "x.edn").code());
    assertEquals(ExitCode.USAGE, run("check", "bank", "--accounts", "0,{", "x.edn").code());
  }

  @Test
  void shorten_longValue_cutWithCount() {
    List<Long> many = new ArrayList<>();
    for (long k = 0; k < 500; k++) {
      many.add(k);
    }
    String s = CheckJepsenCommands.shorten(many);
    assertTrue(s.endsWith(" ... (500 items)"), s);
    assertEquals("[1 2]", CheckJepsenCommands.shorten(List.of(1L, 2L)));
  }
}
