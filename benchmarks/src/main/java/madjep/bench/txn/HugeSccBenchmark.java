package madjep.bench.txn;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import madjep.history.io.HistoryReader;
import madjep.history.txn.TxnHistories;
import madjep.history.txn.TxnHistory;
import madjep.txn.TxnOptions;
import madjep.txn.TxnResult;
import madjep.txn.TxnChecker;
import madjep.txn.Workload;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Elle's {@code huge-scc.edn} (10.3k transactions, one big component, where Elle's 1 s cycle search times out),
 * checked for strict serializability and explained completely. The corpus path comes from {@code -Dmadjep.corpus}
 * (default {@code ../shared/corpus}, i.e. run from the repository root).
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar 'madjep.bench.txn.HugeSccBenchmark' -f 1 -wi 3 -i 5 -w 1s -r 1s
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class HugeSccBenchmark {
  TxnHistory history;
  Path file;

  @Setup
  public void setup() throws IOException {
    file = Path.of(System.getProperty("madjep.corpus", "../shared/corpus"), "elle", "huge-scc.edn");
    history = TxnHistories.of(HistoryReader.read(file));
  }

  /** The check alone, the history already read. */
  @Benchmark
  public TxnResult check() {
    TxnResult r = TxnChecker.check(history, TxnOptions.of(Workload.LIST_APPEND));
    for (int i = 1; i < madjep.bench.Slowdown.FACTOR; i++) {
      r = TxnChecker.check(history, TxnOptions.of(Workload.LIST_APPEND));
    }
    return r;
  }

  /** Reading the file and checking it. */
  @Benchmark
  public TxnResult readAndCheck() throws IOException {
    return TxnChecker.check(madjep.history.txn.TxnEdnReader.readIfSimple(file), TxnOptions.of(Workload.LIST_APPEND));
  }
}
