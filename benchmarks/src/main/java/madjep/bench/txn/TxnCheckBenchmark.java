package madjep.bench.txn;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import madjep.history.txn.TxnEdnReader;
import madjep.history.txn.TxnHistory;
import madjep.txn.TxnOptions;
import madjep.txn.TxnResult;
import madjep.txn.TxnChecker;
import madjep.txn.Workload;
import madjep.txn.gen.TxnHistoryGenerator;
import madjep.txn.gen.TxnHistoryGenerator.Config;
import madjep.txn.gen.TxnHistoryGenerator.Store;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * {@link TxnChecker#check} on generated histories (already read): list-append and rw-register, from a serializable
 * store (valid) and a snapshot-isolation store (write skew), for strict serializability.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar 'madjep.bench.txn.TxnCheckBenchmark' -f 1 -wi 3 -i 5 -w 1s -r 1s
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class TxnCheckBenchmark {
  @Param({"list-append", "rw-register"})
  public String workload;

  @Param({"serializable", "si"})
  public String store;

  @Param({"100000"})
  public int transactions;

  TxnHistory history;
  TxnOptions options;

  @Setup
  public void setup() throws IOException {
    Workload w = Workload.byName(workload);
    Store s = store.equals("si") ? Store.SNAPSHOT_ISOLATION : Store.SERIALIZABLE;
    byte[] edn = TxnHistoryGenerator.edn(Config.of(w, s, transactions, 1));
    history = TxnEdnReader.read(new ByteArrayInputStream(edn), "<generated>");
    options = TxnOptions.of(w);
    if (w == Workload.RW_REGISTER) {
      options = options.withLinearizableKeys(true).withWfrKeys(true);
    }
  }

  @Benchmark
  public TxnResult check() {
    return TxnChecker.check(history, options);
  }
}
