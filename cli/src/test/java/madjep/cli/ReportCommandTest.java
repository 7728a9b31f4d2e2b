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
    assertTrue(r.out().contains("files: history.edn history.jsonl results.edn results.json"), r.out());
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
