package madjep.txn.jepsen;

import java.io.IOException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import madjep.history.History;
import madjep.history.Verdict;
import madjep.history.edn.Edn;
import madjep.history.io.HistoryReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's (and package-info's) example of Jepsen's checkers, compiled and run. */
class ReadmeExampleTest {
  @Test
  void counterExample_invalidHistory_printsResultMap(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("history.edn");
    Files.write(file, List.of(
        "{:type :invoke, :f :add, :value 2, :process 0}", "{:type :ok, :f :add, :value 2, :process 0}",
        "{:type :invoke, :f :read, :process 1}", "{:type :ok, :f :read, :value 3, :process 1}"));
    List<String> printed = new ArrayList<>();
    // --- README: Check a history with one of Jepsen's checkers
    History h = HistoryReader.read(file).requireWellFormed();
    CounterResult r = CounterChecker.check(h);
    if (r.valid() == Verdict.INVALID) {
      printed.add(Edn.print(r.toData())); // {:valid? false, :read-count 1, :error-count 1, ...}
    }
    // ---
    assertEquals(1, printed.size());
    assertTrue(printed.get(0).startsWith("{:valid? false, :read-count 1, :error-count 1, "), printed.get(0));
  }
}
