package madjep.bench.txn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import madjep.history.Verdict;
import madjep.history.testing.Corpus;
import madjep.txn.TxnResult;
import org.junit.jupiter.api.Test;

/** Each benchmark's answer, at a small size: the benchmarks measure the right thing. */
class TxnBenchmarksTest {
  static TxnResult check(String workload, String store) throws IOException {
    TxnCheckBenchmark b = new TxnCheckBenchmark();
    b.workload = workload;
    b.store = store;
    b.transactions = 5_000;
    b.setup();
    return b.check();
  }

  @Test
  void checkBenchmark_serializableStores_valid() throws IOException {
    assertEquals(Verdict.VALID, check("list-append", "serializable").valid());
    assertEquals(Verdict.VALID, check("rw-register", "serializable").valid());
  }

  @Test
  void checkBenchmark_siListAppend_g2ItemOnly() throws IOException {
    TxnResult r = check("list-append", "si");
    assertEquals(Verdict.INVALID, r.valid());
    assertTrue(r.anomalyTypes().stream().allMatch(t -> t.startsWith("G2-item")), r.anomalyTypes().toString());
  }

  @Test
  void weakIsolationBenchmark_serializableStore_validAtEveryLevel() throws IOException {
    for (String level : new String[] {"session-read-committed", "session-read-atomic", "transactional-causal"}) {
      for (int crashes : new int[] {0, 2}) {
        WeakIsolationBenchmark b = new WeakIsolationBenchmark();
        b.level = level;
        b.transactions = 5_000;
        b.crashesPerMille = crashes;
        b.setup();
        TxnResult r = b.check();
        assertEquals(Verdict.VALID, r.valid(), level + " " + r.anomalyTypes());
        assertTrue(b.events() > 10_000, "events: " + b.events());
      }
    }
  }

  @Test
  void readBenchmark_bothReaders_sameTransactions() throws IOException {
    TxnReadBenchmark b = new TxnReadBenchmark();
    b.transactions = 2_000;
    b.setup();
    assertEquals(b.generic().size(), b.streaming().size());
    assertEquals(b.generic().mopCount(), b.streaming().mopCount());
  }

  @Test
  void hugeSccBenchmark_fullyExplained_noTimeout() throws IOException {
    System.setProperty("madjep.corpus", Corpus.root().toString());
    HugeSccBenchmark b = new HugeSccBenchmark();
    b.setup();
    TxnResult r = b.check();
    assertEquals(Verdict.INVALID, r.valid());
    assertFalse(r.anomalyTypes().contains("cycle-search-timeout"));
    assertEquals(r.anomalyTypes(), b.readAndCheck().anomalyTypes());
  }
}
