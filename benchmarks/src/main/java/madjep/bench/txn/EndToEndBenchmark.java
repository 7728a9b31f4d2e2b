package madjep.bench.txn;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import madjep.history.txn.TxnEdnReader;
import madjep.txn.TxnOptions;
import madjep.txn.TxnResult;
import madjep.txn.TxnChecker;
import madjep.txn.Workload;
import madjep.txn.gen.TxnHistoryGenerator;
import madjep.txn.gen.TxnHistoryGenerator.Config;
import madjep.txn.gen.TxnHistoryGenerator.Store;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The 1M-transaction target: a generated list-append {@code history.edn} (about 265 MB) read from disk and checked
 * for strict serializability, every anomaly classified and explained, in one shot per iteration, with a 2 GB heap.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar 'madjep.bench.txn.EndToEndBenchmark' -f 1 -wi 1 -i 3
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class EndToEndBenchmark {
  @Param({"1000000"})
  public int transactions;

  @Param({"serializable", "si"})
  public String store;

  Path file;

  @Setup(Level.Trial)
  public void setup() throws IOException {
    file = Files.createTempFile("madjep-txn-", ".edn");
    Store s = store.equals("si") ? Store.SNAPSHOT_ISOLATION : Store.SERIALIZABLE;
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
      TxnHistoryGenerator.write(Config.of(Workload.LIST_APPEND, s, transactions, 1), out);
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    Files.deleteIfExists(file);
  }

  @Benchmark
  public TxnResult readAndCheck() throws IOException {
    return TxnChecker.check(TxnEdnReader.readIfSimple(file), TxnOptions.of(Workload.LIST_APPEND));
  }
}
