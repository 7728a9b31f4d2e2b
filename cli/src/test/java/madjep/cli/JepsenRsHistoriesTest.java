package madjep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Histories as jepsen-rs writes them (serde JSON with colon-prefixed keys and keywords, EDN with string {@code :f}
 * nemesis ops, {@code out/history.edn} as one vector on one line), checked through the CLI with zero conversion: the
 * same verdict in every dialect, valid and invalid. Written from the format, not copied from jepsen-rs.
 */
class JepsenRsHistoriesTest {
  @TempDir Path dir;

  private Path file(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, text);
    return p;
  }

  /** A G1c cycle: each transaction reads the other's write. */
  private static final String G1C_COLON_JSON = """
      [{":type": ":invoke", ":f": ":txn", ":value": [[":w", 1, 1], [":r", 2, null]], ":time": 10, ":process": 0, ":index": 0},
       {":type": ":invoke", ":f": ":txn", ":value": [[":w", 2, 1], [":r", 1, null]], ":time": 11, ":process": 1, ":index": 1},
       {":type": ":info", ":f": "start-partition", ":value": "majority", ":time": 12, ":process": ":nemesis", ":index": 2},
       {":type": ":ok", ":f": ":txn", ":value": [[":w", 1, 1], [":r", 2, 1]], ":time": 20, ":process": 0, ":index": 3},
       {":type": ":ok", ":f": ":txn", ":value": [[":w", 2, 1], [":r", 1, 1]], ":time": 21, ":process": 1, ":index": 4},
       {":type": ":info", ":f": "stop-partition", ":value": null, ":time": 22, ":process": ":nemesis", ":index": 5}]
      """;

  private static final String G1C_EDN = """
      {:type :invoke, :f :txn, :value [[:w 1 1] [:r 2 nil]], :time 10, :process 0, :index 0}
      {:type :invoke, :f :txn, :value [[:w 2 1] [:r 1 nil]], :time 11, :process 1, :index 1}
      {:type :info, :f "start-partition", :value "majority", :time 12, :process :nemesis, :index 2}
      {:type :ok, :f :txn, :value [[:w 1 1] [:r 2 1]], :time 20, :process 0, :index 3}
      {:type :ok, :f :txn, :value [[:w 2 1] [:r 1 1]], :time 21, :process 1, :index 4}
      {:type :info, :f "stop-partition", :value nil, :time 22, :process :nemesis, :index 5}
      """;

  /** The same transactions, serializable: the second reads the first's write and the first read nothing. */
  private static String serializable(String g1c) {
    return g1c.replace("[\":r\", 2, 1]", "[\":r\", 2, null]").replace("[:r 2 1]", "[:r 2 nil]");
  }

  @Test
  void checkTxn_colonJsonAndEdnWithStringNemesisF_sameVerdicts() throws IOException {
    for (String[] dialect : new String[][] {{"h.json", G1C_COLON_JSON}, {"h.edn", G1C_EDN}}) {
      Path bad = file("bad-" + dialect[0], dialect[1]);
      CliRun r = CliRun.of("check", "txn", "--workload", "rw-register", bad.toString());
      assertEquals(ExitCode.INVALID, r.code(), dialect[0] + ": " + r.out() + r.err());
      assertTrue(r.out().contains("G1c"), r.out());

      Path good = file("good-" + dialect[0], serializable(dialect[1]));
      r = CliRun.of("check", "txn", "--workload", "rw-register", good.toString());
      assertEquals(ExitCode.VALID, r.code(), dialect[0] + ": " + r.out() + r.err());
    }
  }

  private static final String REGISTER_COLON_JSON = """
      {":type": ":invoke", ":f": ":write", ":value": 1, ":process": 0, ":time": 1}
      {":type": ":ok", ":f": ":write", ":value": 1, ":process": 0, ":time": 2}
      {":type": ":info", ":f": "kill", ":value": [":n1", ":n2"], ":process": ":nemesis", ":time": 3}
      {":type": ":invoke", ":f": ":cas", ":value": [1, 2], ":process": 1, ":time": 4}
      {":type": ":ok", ":f": ":cas", ":value": [1, 2], ":process": 1, ":time": 5}
      {":type": ":info", ":f": "start", ":value": null, ":process": ":nemesis", ":time": 6}
      {":type": ":invoke", ":f": ":read", ":value": null, ":process": 0, ":time": 7}
      {":type": ":ok", ":f": ":read", ":value": 2, ":process": 0, ":time": 8}
      """;

  private static final String REGISTER_EDN = """
      {:type :invoke, :f :write, :value 1, :process 0, :time 1}
      {:type :ok, :f :write, :value 1, :process 0, :time 2}
      {:type :info, :f "kill", :value [:n1 :n2], :process :nemesis, :time 3}
      {:type :invoke, :f :cas, :value [1 2], :process 1, :time 4}
      {:type :ok, :f :cas, :value [1 2], :process 1, :time 5}
      {:type :info, :f "start", :value nil, :process :nemesis, :time 6}
      {:type :invoke, :f :read, :value nil, :process 0, :time 7}
      {:type :ok, :f :read, :value 2, :process 0, :time 8}
      """;

  @Test
  void checkLinear_colonJsonAndEdnWithStringNemesisF_validAndInvalid() throws IOException {
    for (String[] dialect : new String[][] {{"r.json", REGISTER_COLON_JSON}, {"r.edn", REGISTER_EDN}}) {
      Path good = file("good-" + dialect[0], dialect[1]);
      CliRun r = CliRun.of("check", "linear", "--model", "cas-register", good.toString());
      assertEquals(ExitCode.VALID, r.code(), dialect[0] + ": " + r.out() + r.err());
      assertTrue(r.out().contains("valid  3 ops"), r.out());

      // The read of 1 after the cas to 2 completed cannot be linearized.
      Path bad = file("bad-" + dialect[0], dialect[1].replace(":value\": 2, \":process\": 0", ":value\": 1, \":process\": 0")
          .replace(":f :read, :value 2", ":f :read, :value 1"));
      r = CliRun.of("check", "linear", "--model", "cas-register", bad.toString());
      assertEquals(ExitCode.INVALID, r.code(), dialect[0] + ": " + r.out() + r.err());
      assertTrue(r.out().contains("process 0 read 1"), r.out());
    }
  }

  @Test
  void historyStats_colonJsonAndStringF_sayHowTheyWereRead() throws IOException {
    CliRun r = CliRun.of("history", "stats", file("r.json", REGISTER_COLON_JSON).toString());
    assertEquals(ExitCode.VALID, r.code(), r.err());
    assertTrue(r.out().contains("read as: jepsen-rs dialect"), r.out());
    assertTrue(r.out().contains("named :nemesis"), r.out());

    r = CliRun.of("history", "stats", file("r.edn", REGISTER_EDN).toString());
    assertEquals(ExitCode.VALID, r.code(), r.err());
    assertTrue(r.out().contains("read as: a string :f (such as jepsen-rs's nemesis \"partition\") read as a keyword (2 ops)"),
        r.out());
  }

  @Test
  void outHistoryEdn_oneVectorOnOneLine_checksAndConverts() throws IOException {
    String oneLine = "[" + G1C_EDN.strip().replace("\n", " ") + "]";
    assertEquals(1, oneLine.lines().count());
    Path f = file("history.edn", oneLine);
    CliRun r = CliRun.of("check", "txn", "--workload", "rw-register", f.toString());
    assertEquals(ExitCode.INVALID, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("G1c"), r.out());

    r = CliRun.of("history", "stats", f.toString());
    assertEquals(ExitCode.VALID, r.code(), r.err());
    assertTrue(r.out().contains(": 6 ops"), r.out());

    Path out = dir.resolve("history.jsonl");
    r = CliRun.of("history", "convert", "--to", "json", f.toString(), "-o", out.toString());
    assertEquals(ExitCode.VALID, r.code(), r.err());
    assertEquals(6, Files.readAllLines(out).size());
    assertTrue(Files.readString(out).contains("\"f\":\"start-partition\""), Files.readString(out));
  }

  @Test
  void colonJson_malformedOp_exit65WithFileLineColumn() throws IOException {
    Path f = file("bad.json", """
        {":type": ":invoke", ":f": ":read", ":value": null, ":process": 0}
        {":type": ":done", ":f": ":read", ":value": 1, ":process": 0}
        """);
    CliRun r = CliRun.of("check", "linear", "--model", "register", f.toString());
    assertEquals(ExitCode.DATA, r.code(), r.out() + r.err());
    assertTrue(r.err().startsWith(f + ":2:"), r.err());
    assertTrue(r.err().contains("expected \"type\" to be"), r.err());
  }
}
