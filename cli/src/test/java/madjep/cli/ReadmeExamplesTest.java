package madjep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import madjep.history.History;
import madjep.history.Op;
import madjep.history.edn.Edn;
import madjep.history.edn.Keyword;
import madjep.history.io.HistoryFormat;
import madjep.history.io.HistoryReader;
import madjep.history.io.HistoryWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's examples, compiled and run, so the README cannot drift from the code. */
class ReadmeExamplesTest {
  @Test
  void libraryExample_readsWalksAndWrites(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("history.edn");
    HistoryWriter.write(History.of(Op.invoke(0, "write", 1L), Op.ok(0, "write", 1L),
        Op.invoke(1, "read", null), Op.ok(1, "read", 1L)), HistoryFormat.EDN, file);

    List<String> printed = new ArrayList<>();
    // --- README: Read a history and walk its columns
    History h = HistoryReader.read(file).requireWellFormed();
    for (int i = 0; i < h.size(); i++) {
      if (h.isOk(i) && h.f(i) == Keyword.of("read")) {
        printed.add("process " + h.processValue(i) + " read " + Edn.print(h.value(i)));
      }
    }
    HistoryWriter.write(h, HistoryFormat.JSON, dir.resolve("history.jsonl"));
    // ---
    assertEquals(List.of("process 1 read 1"), printed);
    assertEquals(4, HistoryReader.read(dir.resolve("history.jsonl")).size());
  }

  @Test
  void readmeCommands_inCodeBlocks_runWithTheirDocumentedExitCodes() throws IOException {
    Path readme = Path.of("..", "README.md");
    List<String> commands = new ArrayList<>();
    for (String line : Files.readAllLines(readme)) {
      // ./madjep bench runs the benchmarks jar, not this command; BenchToolTest covers it.
      if (line.startsWith("./madjep ") && !line.startsWith("./madjep bench ")) {
        commands.add(line.substring("./madjep ".length()));
      }
    }
    assertTrue(commands.size() >= 3, "README shows at least one example per command: " + commands);
    for (String c : commands) {
      String[] args = c.replace("../shared/corpus", madjep.history.testing.Corpus.root().toString())
          .replace("/tmp/", System.getProperty("java.io.tmpdir") + "/")
          .split(" ");
      for (int i = 0; i < args.length; i++) {
        if (args[i].startsWith("examples/")) {
          args[i] = Path.of("..").resolve(args[i]).toString();
        }
      }
      CliRun r = CliRun.of(args);
      assertTrue(r.code() == 0 || r.code() == ExitCode.INVALID, c + " exited " + r.code() + ": " + r.err());
    }
  }
}
