package madjep.txn;

import java.io.IOException;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import madjep.history.History;
import madjep.history.Verdict;
import madjep.history.io.HistoryReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's example of the transactional checker, compiled and run. */
class ReadmeTxnExampleTest {
  @Test
  void txnExample_writeSkew_printsG2Item(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("history.edn");
    Files.write(file, List.of(
        "{:type :invoke, :f :txn, :value [[:append :x 1] [:r :y nil]], :process 0}",
        "{:type :invoke, :f :txn, :value [[:append :y 1] [:r :x nil]], :process 1}",
        "{:type :ok, :f :txn, :value [[:append :x 1] [:r :y []]], :process 0}",
        "{:type :ok, :f :txn, :value [[:append :y 1] [:r :x []]], :process 1}"));
    List<String> printed = new ArrayList<>();
    // --- README: Check a history of transactions
    History h = HistoryReader.read(file).requireWellFormed();
    TxnResult r = TxnChecker.check(h, TxnOptions.of(Workload.LIST_APPEND).withModels("serializable"));
    if (r.valid() == Verdict.INVALID) {
      printed.add(r.anomalyTypes() + " " + r.not()); // [G2-item] [repeatable-read]
    }
    // ---
    assertEquals(List.of("[G2-item] [repeatable-read]"), printed);
  }
}
