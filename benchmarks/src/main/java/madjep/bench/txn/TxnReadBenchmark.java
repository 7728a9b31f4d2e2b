package madjep.bench.txn;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import madjep.history.History;
import madjep.history.io.HistoryFormat;
import madjep.history.io.HistoryReader;
import madjep.history.txn.TxnEdnReader;
import madjep.history.txn.TxnHistories;
import madjep.history.txn.TxnHistory;
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
 * Reading a generated list-append {@code history.edn} into transaction columns: the streaming {@link TxnEdnReader}
 * against the generic reader followed by {@link TxnHistories#of}. The ratio justifies the specialized reader.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar 'madjep.bench.txn.TxnReadBenchmark' -f 1 -wi 3 -i 5 -w 1s -r 1s
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class TxnReadBenchmark {
  @Param({"100000"})
  public int transactions;

  byte[] edn;

  @Setup
  public void setup() {
    edn = TxnHistoryGenerator.edn(Config.of(Workload.LIST_APPEND, Store.SERIALIZABLE, transactions, 1));
  }

  @Benchmark
  public TxnHistory streaming() throws IOException {
    return TxnEdnReader.read(new ByteArrayInputStream(edn), "<generated>");
  }

  @Benchmark
  public TxnHistory generic() throws IOException {
    History h = HistoryReader.read(new ByteArrayInputStream(edn), "<generated>", HistoryFormat.EDN);
    return TxnHistories.of(h);
  }
}
