package madjep.cli;

import static madjep.history.testing.EtcdReports.failed;
import static madjep.history.testing.EtcdReports.get;
import static madjep.history.testing.EtcdReports.kv;
import static madjep.history.testing.EtcdReports.modRevisionIs;
import static madjep.history.testing.EtcdReports.op;
import static madjep.history.testing.EtcdReports.put;
import static madjep.history.testing.EtcdReports.putOp;
import static madjep.history.testing.EtcdReports.putResponse;
import static madjep.history.testing.EtcdReports.rangeOp;
import static madjep.history.testing.EtcdReports.rangeResponse;
import static madjep.history.testing.EtcdReports.result;
import static madjep.history.testing.EtcdReports.txn;
import static madjep.history.testing.EtcdReports.txnResponse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import madjep.history.testing.EtcdReports;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * etcd robustness report directories through {@code madjep check linear --model etcd}: written from the format of
 * etcd's {@code client-N/operations.json} (see {@link EtcdReports}), never copied from a real report.
 */
class EtcdReportsTest {
  @TempDir Path dir;

  /**
   * Three clients: client 0 puts a=1 (revision 2) and then, after a timeout, maybe a=2; client 1 reads a=1 while
   * client 2's compare-and-swap on a's mod-revision puts a=3 (revision 3); client 1 then reads a=3.
   */
  private Path report(String lastRead) {
    Path report = dir.resolve("report-" + lastRead);
    EtcdReports.writeClient(report, 0,
        op(0, 100, put("a", "1"), putResponse(2), 200),
        op(0, 300, put("a", "2"), failed("context deadline exceeded"), 900));
    EtcdReports.writeClient(report, 1,
        op(1, 250, get("a"), rangeResponse(2, kv("a", "1", 2, 1)), 280),
        op(1, 700, get("a"), rangeResponse(3, kv("a", lastRead, 3, 2)), 800));
    EtcdReports.writeClient(report, 2,
        op(2, 400, txn(List.of(modRevisionIs("a", 2)), List.of(putOp("a", "3")), List.of(rangeOp("a", ""))),
            txnResponse(false, List.of(result(null, 0, 0)), 3), 600));
    return report;
  }

  @Test
  void validReport_exit0() {
    Path report = report("3");
    CliRun r = CliRun.of("check", "linear", "--model", "etcd", report.toString());
    assertEquals(ExitCode.VALID, r.code(), r.out() + r.err());
    assertTrue(r.out().startsWith(report + ": valid  5 ops, 1 partition"), r.out());
  }

  @Test
  void reportWithAReadOfAValueNeverWritten_exit1_explained() {
    Path report = report("7");
    CliRun r = CliRun.of("check", "linear", "--model", "etcd", report.toString());
    assertEquals(ExitCode.INVALID, r.code(), r.out() + r.err());
    assertTrue(r.out().contains(report + ": INVALID  5 ops"), r.out());
    assertTrue(r.out().contains("process 1 range {:start \"a\"} -> {:revision 3, :kvs [[\"a\" \"7\" 3 2]], "
        + ":count 1}"), r.out());
    // The failed put cannot have taken effect before the read (revision 3 is the swap's, and nothing mentions 4):
    // the store holds a=3, never 7.
    assertTrue(r.out().contains("every order of the 3 earlier ops leaves the store at {:revision 3, :kvs {\"a\" "
        + "[\"3\" 3 2]}}"), r.out());
  }

  @Test
  void oneOperationsFile_readAlone_formatDetected() {
    Path report = report("3");
    CliRun r = CliRun.of("history", "stats", report.resolve("client-0/operations.json").toString());
    assertEquals(ExitCode.VALID, r.code(), r.out() + r.err());
    assertTrue(r.out().contains(":txn          :invoke 2  :ok 1  :info 1"), r.out());
  }

  @Test
  void reportDirectory_convertsToJepsenEdn() throws IOException {
    Path out = dir.resolve("history.edn");
    CliRun r = CliRun.of("history", "convert", "--to", "edn", report("3").toString(), "-o", out.toString());
    assertEquals(ExitCode.VALID, r.code(), r.out() + r.err());
    List<String> lines = Files.readAllLines(out);
    assertEquals(10, lines.size());
    assertTrue(lines.get(0).startsWith("{:index 0, :time 100, :type :invoke, :process 0, :f :txn, "), lines.get(0));
  }

  @Test
  void reportConvertedToJsonLinesOrEdn_checksTheSame() {
    for (String to : new String[] {"json", "edn"}) {
      for (String lastRead : new String[] {"3", "7"}) {
        Path out = dir.resolve("history-" + lastRead + "." + to);
        CliRun r = CliRun.of("history", "convert", "--to", to, report(lastRead).toString(), "-o", out.toString());
        assertEquals(ExitCode.VALID, r.code(), r.out() + r.err());
        r = CliRun.of("check", "linear", "--model", "etcd", out.toString());
        assertEquals(lastRead.equals("3") ? ExitCode.VALID : ExitCode.INVALID, r.code(), to + ": " + r.out() + r.err());
      }
    }
  }

  @Test
  void malformedReport_exit65WithFileLineColumn() throws IOException {
    Path report = report("3");
    Path f = report.resolve("client-1/operations.json");
    Files.writeString(f, Files.readString(f).replaceFirst("\"Type\": \"range\"", "\"Type\": \"watch\""));
    CliRun r = CliRun.of("check", "linear", "--model", "etcd", report.toString());
    assertEquals(ExitCode.DATA, r.code(), r.out() + r.err());
    assertTrue(r.err().startsWith(f + ":4:13: expected \"Type\" range, txn"), r.err());
  }

  @Test
  void directoryWithoutReport_exit65() {
    CliRun r = CliRun.of("check", "linear", "--model", "etcd", dir.toString());
    assertEquals(ExitCode.DATA, r.code(), r.out() + r.err());
    assertTrue(r.err().contains("expected a history file, or an etcd report directory"), r.err());
  }
}
