package madjep.txn;

import java.io.ByteArrayInputStream;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import madjep.history.History;
import madjep.history.Verdict;
import madjep.history.edn.Edn;
import madjep.history.io.HistoryFormat;
import madjep.history.io.HistoryReader;
import madjep.history.txn.TxnEdnReader;
import madjep.history.txn.TxnHistories;
import madjep.history.txn.TxnHistory;
import madjep.txn.gen.TxnHistoryGenerator.Config;
import madjep.txn.gen.TxnHistoryGenerator.Store;
import madjep.txn.gen.TxnHistoryGenerator;
import org.junit.jupiter.api.Test;

/** Generated histories: deterministic, and judged as their simulated store deserves. */
class GeneratorTest {
  static TxnHistory fast(byte[] edn) throws IOException {
    return TxnEdnReader.read(new ByteArrayInputStream(edn), "<gen>");
  }

  @Test
  void generator_sameSeed_sameBytes() {
    Config c = Config.of(Workload.LIST_APPEND, Store.SNAPSHOT_ISOLATION, 2_000, 42);
    assertArrayEquals(TxnHistoryGenerator.edn(c), TxnHistoryGenerator.edn(c));
  }

  @Test
  void serializableStore_listAppend_strictSerializableValid() throws IOException {
    byte[] edn = TxnHistoryGenerator.edn(Config.of(Workload.LIST_APPEND, Store.SERIALIZABLE, 20_000, 7));
    TxnResult r = TxnChecker.check(fast(edn), TxnOptions.of(Workload.LIST_APPEND));
    assertEquals(Verdict.VALID, r.valid(), () -> Edn.print(r.toData()).substring(0, 3000));
  }

  @Test
  void serializableStore_rwRegister_strictSerializableValid() throws IOException {
    byte[] edn = TxnHistoryGenerator.edn(Config.of(Workload.RW_REGISTER, Store.SERIALIZABLE, 20_000, 8));
    TxnResult r = TxnChecker.check(fast(edn),
        TxnOptions.of(Workload.RW_REGISTER).withLinearizableKeys(true).withWfrKeys(true));
    assertEquals(Verdict.VALID, r.valid(), () -> Edn.print(r.toData()).substring(0, 3000));
  }

  @Test
  void snapshotIsolationStore_listAppend_writeSkewButSnapshotIsolationHolds() throws IOException {
    byte[] edn = TxnHistoryGenerator.edn(Config.of(Workload.LIST_APPEND, Store.SNAPSHOT_ISOLATION, 20_000, 9));
    TxnHistory h = fast(edn);
    TxnResult r = TxnChecker.check(h, TxnOptions.of(Workload.LIST_APPEND).withModels("serializable"));
    assertEquals(Verdict.INVALID, r.valid());
    assertEquals(List.of("G2-item"), r.anomalyTypes(), () -> Edn.print(r.toData()).substring(0, 3000));
    TxnResult si = TxnChecker.check(h, TxnOptions.of(Workload.LIST_APPEND).withModels("snapshot-isolation"));
    assertEquals(Verdict.VALID, si.valid(), () -> Edn.print(si.toData()).substring(0, 3000));
  }

  @Test
  void fastReader_generatedHistory_sameVerdictAsGenericReader() throws IOException {
    byte[] edn = TxnHistoryGenerator.edn(Config.of(Workload.LIST_APPEND, Store.SNAPSHOT_ISOLATION, 5_000, 10));
    History h = HistoryReader.read(new ByteArrayInputStream(edn), "<gen>", HistoryFormat.EDN);
    TxnOptions o = TxnOptions.of(Workload.LIST_APPEND);
    TxnResult generic = TxnChecker.check(TxnHistories.of(h), o);
    TxnResult streaming = TxnChecker.check(fast(edn), o);
    assertEquals(Edn.print(generic.toData()), Edn.print(streaming.toData()));
    assertTrue(generic.count("G2-item") > 0);
  }
}
