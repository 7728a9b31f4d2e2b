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
 * The weak levels ({@code madjep.txn.weak}) on generated list-append histories, already read: read committed, read
 * atomic and transactional causal consistency, as Plume and AWDIT check them. Events per second = the history's micro-op
 * count ({@link #events()}) over the time per check. Histories have no crashed transactions by default, as Plume
 * needs.
 *
 * <pre>
 * java -Xmx6g -jar benchmarks/target/benchmarks.jar 'madjep.bench.txn.WeakIsolationBenchmark' -f 1 -wi 2 -i 5
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class WeakIsolationBenchmark {
  @Param({"session-read-committed", "session-read-atomic", "transactional-causal"})
  public String level;

  @Param({"1000000"})
  public int transactions;

  @Param({"0"})
  public int crashesPerMille;

  TxnHistory history;
  TxnOptions options;

  @Setup
  public void setup() throws IOException {
    byte[] edn = TxnHistoryGenerator.edn(
        Config.of(Workload.LIST_APPEND, Store.SERIALIZABLE, transactions, 1).withCrashes(crashesPerMille));
    history = TxnEdnReader.read(new ByteArrayInputStream(edn), "<generated>");
    options = TxnOptions.of(Workload.LIST_APPEND).withModels(level);
  }

  /** The events (micro-ops) one check covers. */
  public int events() {
    return history.mopCount();
  }

  @Benchmark
  public TxnResult check() {
    return TxnChecker.check(history, options);
  }
}
