package madjep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {
  @Test
  void report_ofSeededBugRun_exitsLikeTheRun_andExplains(@TempDir Path store) {
    CliRun run = CliRun.of("sim", "run", "raft-kv-stale-read", "--seed", "1", "--store", store.toString());
    CliRun r = CliRun.of("report", store.toString());
    assertEquals(run.code(), r.code(), r.out() + r.err());
    assertEquals(ExitCode.INVALID, r.code(), r.out());
    assertTrue(r.out().contains("INVALID"), r.out());
    assertTrue(r.out().contains("scenario: raft-kv-stale-read"), r.out());
    assertTrue(r.out().contains("explanation: process "), r.out());
    assertTrue(r.out().contains("replay: madjep sim run raft-kv-stale-read --seed 1"), r.out());
    assertTrue(r.out().contains("files: history.edn history.jsonl metrics.jsonl report.html results.edn results.json"), r.out());
  }

  @Test
  void reportHtml_ofStoredRun_writesItsPage(@TempDir Path store) throws IOException {
    CliRun.of("sim", "run", "raft-kv-stale-read", "--seed", "1", "--store", store.toString());
    Path out = store.resolve("again.html");
    CliRun r = CliRun.of("report", "--html", out.toString(), store.toString());
    assertEquals(ExitCode.INVALID, r.code(), r.out() + r.err());
    String page = Files.readString(out);
    assertTrue(page.contains("<div class=\"badge\" id=\"verdict\">INVALID</div>"), "the verdict");
    assertTrue(page.contains("id=\"closeup-violation\""), "the violation is marked");
    assertTrue(page.contains("class=\"leader\""), "leaders from trace.log");
    String stored = Files.readString(store.resolve("latest/report.html"));
    assertEquals(svg(stored, "timeline"), svg(page, "timeline"), "the run's timeline, drawn again from the store");
    assertEquals(svg(stored, "closeup"), svg(page, "closeup"), "the close-up, drawn again from the store");
  }

  /** The SVG element with id {@code id} in a page, without the file lines a history read from a file adds. */
  private static String svg(String page, String id) {
    int from = page.indexOf("id=\"" + id + "\"");
    assertTrue(from > 0, "no " + id);
    return page.substring(page.lastIndexOf("<svg", from), page.indexOf("</svg>", from))
        .replaceAll(" \\(line \\d+\\)", "");
  }

  @Test
  void reportHtml_ofHistoryFile_checksWithTheChosenChecker(@TempDir Path dir) throws IOException {
    Path h = dir.resolve("h.edn");
    Files.writeString(h, """
        {:index 0 :type :invoke :process 0 :f :write :value 1 :time 0}
        {:index 1 :type :ok :process 0 :f :write :value 1 :time 10}
        {:index 2 :type :invoke :process 1 :f :read :value nil :time 20}
        {:index 3 :type :ok :process 1 :f :read :value 2 :time 30}
        """);
    Path out = dir.resolve("page.html");
    CliRun r = CliRun.of("report", "--html", out.toString(), h.toString(), "--model", "register");
    assertEquals(ExitCode.INVALID, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("INVALID; page: " + out), r.out());
    assertTrue(Files.readString(out).contains("process 1 read 2 at op 3"), "the explanation on the page");
  }

  @Test
  void reportHtml_ofHistoryFileWithoutChecker_isUsageError(@TempDir Path dir) throws IOException {
    Path h = dir.resolve("h.edn");
    Files.writeString(h, "{:index 0 :type :invoke :process 0 :f :read :value nil}\n");
    CliRun r = CliRun.of("report", "--html", dir.resolve("p.html").toString(), h.toString());
    assertEquals(ExitCode.USAGE, r.code(), r.out() + r.err());
    assertTrue(r.err().contains("--model MODEL (linearizability) or --workload"), r.err());
    assertTrue(!Files.exists(dir.resolve("p.html")), "no page");
  }

  @Test
  void checkLinearHtml_oneFile_writesPage_twoFiles_isUsageError(@TempDir Path dir) throws IOException {
    Path h = dir.resolve("h.edn");
    Files.writeString(h, """
        {:index 0 :type :invoke :process 0 :f :write :value 1}
        {:index 1 :type :ok :process 0 :f :write :value 1}
        """);
    Path out = dir.resolve("page.html");
    CliRun one = CliRun.of("check", "linear", "--model", "register", "--html", out.toString(), h.toString());
    assertEquals(ExitCode.VALID, one.code(), one.out() + one.err());
    assertTrue(Files.readString(out).contains("id=\"verdict\">VALID<"), "the page says valid");
    CliRun two = CliRun.of("check", "linear", "--model", "register", "--html", out.toString(), h.toString(),
        h.toString());
    assertEquals(ExitCode.USAGE, two.code(), two.out() + two.err());
  }

  @Test
  void checkTxnHtml_writesCyclePage(@TempDir Path dir) throws IOException {
    Path h = dir.resolve("g1c.edn");
    Files.writeString(h, """
        {:index 0 :type :invoke :process 0 :f :txn :value [[:append :x 1] [:r :y nil]]}
        {:index 1 :type :invoke :process 1 :f :txn :value [[:append :y 1] [:r :x nil]]}
        {:index 2 :type :ok :process 0 :f :txn :value [[:append :x 1] [:r :y [1]]]}
        {:index 3 :type :ok :process 1 :f :txn :value [[:append :y 1] [:r :x [1]]]}
        """);
    Path out = dir.resolve("page.html");
    CliRun r = CliRun.of("check", "txn", "--workload", "list-append", "--html", out.toString(), h.toString());
    assertEquals(ExitCode.INVALID, r.code(), r.out() + r.err());
    String page = Files.readString(out);
    assertTrue(page.contains("<svg class=\"cycle\""), "a cycle graph");
    assertTrue(page.contains("G1c"), "the anomaly");
  }

  @Test
  void report_ofJepsenStyleRunDirectory_readsItsResultsAndHistory(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("results.edn"), "{:valid? :unknown,\n :workload {:valid? :unknown}}\n");
    Files.writeString(dir.resolve("history.edn"), "{:index 0 :type :invoke :process 0 :f :read :value nil}\n"
        + "{:index 1 :type :ok :process 0 :f :read :value 1}\n");
    CliRun r = CliRun.of("report", dir.toString());
    assertEquals(ExitCode.UNKNOWN, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("history: 2 ops, 1 client processes"), r.out());
  }

  @Test
  void report_ofDirectoryWithoutResults_exits65() {
    CliRun r = CliRun.of("report", "/no/such/store");
    assertEquals(ExitCode.DATA, r.code());
    assertEquals("/no/such/store: expected a store or run directory, found no such file", r.err().strip());
  }

  @Test
  void report_ofBrokenResults_exits65WithPosition(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("results.edn"), "{:valid? true\n");
    CliRun r = CliRun.of("report", dir.toString());
    assertEquals(ExitCode.DATA, r.code());
    assertTrue(r.err().startsWith(dir.resolve("results.edn") + ":1:1: expected '}' to close the map"), r.err());
  }
}
