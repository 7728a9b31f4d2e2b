package madjep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import madjep.history.testing.Corpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckTxnCommandTest {
  @TempDir Path dir;

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void checkTxn_paperExample_exitsOneAndExplainsCycle() {
    Path f = Corpus.root().resolve("elle-cli/elle/paper-example.edn");
    Run r = run("check", "txn", "--workload", "list-append", f.toString());
    assertEquals(ExitCode.INVALID, r.code(), r.err());
    assertTrue(r.out().contains("G-single-item                1"), r.out());
    assertTrue(r.out().contains("did not observe"), r.out());
    assertTrue(r.out().contains("a contradiction!"), r.out());
  }

  @Test
  void checkTxn_validRegisterHistoryWithJson_exitsZeroAndWritesJson() throws IOException {
    // elle-cli's rw-register.json reads a value nobody wrote (a garbage read since issue 15): a valid one instead.
    Path f = dir.resolve("rw.json");
    Files.writeString(f, "[{\"type\":\"invoke\",\"f\":\"txn\",\"value\":[[\"w\",\"x\",2]],\"process\":0},"
        + "{\"type\":\"ok\",\"f\":\"txn\",\"value\":[[\"w\",\"x\",2]],\"process\":0},"
        + "{\"type\":\"invoke\",\"f\":\"txn\",\"value\":[[\"r\",\"x\",null]],\"process\":0},"
        + "{\"type\":\"ok\",\"f\":\"txn\",\"value\":[[\"r\",\"x\",2]],\"process\":0}]\n");
    Path json = dir.resolve("out/results.json");
    Run r = run("check", "txn", "--workload", "rw-register", "--json", json.toString(), f.toString());
    assertEquals(ExitCode.VALID, r.code(), r.err());
    assertEquals("{\n  \"valid?\" : true\n}\n", Files.readString(json, StandardCharsets.UTF_8));
    try (var s = Files.list(json.getParent())) {
      assertEquals(1, s.count(), "no temporary file left behind");
    }
  }

  @Test
  void checkTxn_transactionOrder_ordersBlindWrites() throws IOException {
    Path h = dir.resolve("order.edn");
    Files.writeString(h, String.join("\n",
        "{:index 0, :type :invoke, :f :txn, :value [[:r :x nil] [:w :y 2]], :process 0}",
        "{:index 1, :type :ok, :f :txn, :value [[:r :x nil] [:w :y 2]], :process 0}",
        "{:index 2, :type :invoke, :f :txn, :value [[:w :x 3] [:w :y 4]], :process 1}",
        "{:index 3, :type :ok, :f :txn, :value [[:w :x 3] [:w :y 4]], :process 1}", ""));
    Path order = dir.resolve("commit-order.edn");
    Files.writeString(order, "[3 1]\n");
    Run r = run("check", "txn", "--workload", "rw-register", "--consistency-models", "serializable",
        "--transaction-order", order.toString(), h.toString());
    assertEquals(ExitCode.INVALID, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("G-single-item"), r.out());
    Files.writeString(order, "{1 0, 3 1}\n");
    Run ok = run("check", "txn", "--workload", "rw-register", "--consistency-models", "serializable",
        "--transaction-order", order.toString(), h.toString());
    assertEquals(ExitCode.VALID, ok.code(), ok.out() + ok.err());
    Files.writeString(order, "{:a 1}\n");
    assertEquals(64, run("check", "txn", "--workload", "rw-register", "--transaction-order", order.toString(),
        h.toString()).code());
  }

  @Test
  void checkTxn_transactionalCausal_explainsCausalityViolation() throws IOException {
    Path h = dir.resolve("causal.edn");
    Files.writeString(h, String.join("\n",
        "{:type :invoke, :f :txn, :value [[:append :x 1]], :process 4}",
        "{:type :ok, :f :txn, :value [[:append :x 1]], :process 4}",
        "{:type :invoke, :f :txn, :value [[:append :x 2]], :process 1}",
        "{:type :ok, :f :txn, :value [[:append :x 2]], :process 1}",
        "{:type :invoke, :f :txn, :value [[:r :x nil] [:append :y 1]], :process 2}",
        "{:type :ok, :f :txn, :value [[:r :x [1 2]] [:append :y 1]], :process 2}",
        "{:type :invoke, :f :txn, :value [[:r :y nil] [:r :x nil]], :process 3}",
        "{:type :ok, :f :txn, :value [[:r :y [1]] [:r :x [1]]], :process 3}", ""));
    Run r = run("check", "txn", "--workload", "list-append", "--consistency-models", "transactional-causal",
        h.toString());
    assertEquals(ExitCode.INVALID, r.code(), r.err());
    assertTrue(r.out().contains("causality-violation          1"), r.out());
    assertTrue(r.out().contains("not: transactional-causal"), r.out());
    assertTrue(r.out().contains("However, T3's read of :x, [1] misses T1's append of 2 to :x: a contradiction!"),
        r.out());
    Run ra = run("check", "txn", "--workload", "list-append", "--consistency-models", "session-read-atomic",
        h.toString());
    assertEquals(ExitCode.VALID, ra.code(), ra.out());
  }

  @Test
  void checkTxn_invalidHistoryJson_namesAnomalyTypesAndNot() throws IOException {
    Path h = dir.resolve("h.edn");
    Files.writeString(h, String.join("\n",
        "{:type :invoke, :f :txn, :value [[:append :x 1] [:r :y nil]], :process 0}",
        "{:type :invoke, :f :txn, :value [[:append :y 1] [:r :x nil]], :process 1}",
        "{:type :ok, :f :txn, :value [[:append :x 1] [:r :y []]], :process 0}",
        "{:type :ok, :f :txn, :value [[:append :y 1] [:r :x []]], :process 1}", ""));
    Path json = dir.resolve("r.json");
    Run r = run("check", "txn", "--workload", "list-append", "--consistency-models", "serializable", "--json",
        json.toString(), h.toString());
    assertEquals(ExitCode.INVALID, r.code(), r.err());
    String j = Files.readString(json);
    assertTrue(j.contains("\"anomaly-types\" : [ \"G2-item\" ]"), j);
    assertTrue(j.contains("\"not\" : [ \"repeatable-read\" ]"), j);
    Run edn = run("check", "txn", "--workload", "list-append", "--consistency-models", "serializable", "--edn",
        h.toString());
    assertTrue(edn.out().startsWith("{:valid? false, :anomaly-types [:G2-item]"), edn.out());
  }

  @Test
  void checkTxn_unknownWorkload_exitsUsage() {
    Run r = run("check", "txn", "--workload", "bank-ish", "x.edn");
    assertEquals(ExitCode.USAGE, r.code());
    assertTrue(r.err().contains("--workload takes list-append or rw-register"), r.err());
  }

  @Test
  void checkTxn_unknownModel_exitsUsage() {
    Run r = run("check", "txn", "--workload", "list-append", "--consistency-models", "serializible", "x.edn");
    assertEquals(ExitCode.USAGE, r.code());
    assertTrue(r.err().contains("unknown consistency model 'serializible'"), r.err());
  }

  @Test
  void checkTxn_badMicroOp_exitsDataWithLine() throws IOException {
    Path h = dir.resolve("bad.edn");
    Files.writeString(h, "{:type :invoke, :f :txn, :value [[:append :x 1]], :process 0}\n"
        + "{:type :ok, :f :txn, :value [:append :x 1], :process 0}\n");
    Run r = run("check", "txn", "--workload", "list-append", h.toString());
    assertEquals(ExitCode.DATA, r.code(), r.out());
    assertTrue(r.err().contains("bad.edn:2:"), r.err());
    assertTrue(r.err().contains("expected a micro-op"), r.err());
    assertFalse(r.err().contains("Exception"), r.err());
  }

  @Test
  void checkTxn_missingFile_exitsData() {
    Run r = run("check", "txn", "--workload", "list-append", dir.resolve("nope.edn").toString());
    assertEquals(ExitCode.DATA, r.code());
  }

  @Test
  void checkTxn_unexpectedMicroOpType_exitsUnknown() throws IOException {
    Path h = dir.resolve("w.edn");
    Files.writeString(h, "{:type :invoke, :f :txn, :value [[:w :x 1]], :process 0}\n"
        + "{:type :ok, :f :txn, :value [[:w :x 1]], :process 0}\n");
    Run r = run("check", "txn", "--workload", "list-append", h.toString());
    assertEquals(ExitCode.UNKNOWN, r.code(), r.err());
    assertTrue(r.out().contains("unexpected-txn-micro-op-types"), r.out());
  }
}
