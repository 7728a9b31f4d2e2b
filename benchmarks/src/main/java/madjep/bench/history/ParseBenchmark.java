package madjep.bench.history;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import madjep.history.History;
import madjep.history.io.HistoryFormat;
import madjep.history.io.HistoryReader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Parse throughput of a generated 1M-op Jepsen register history (about 77 MB of EDN) in each input format, single
 * threaded, from bytes in memory through the streaming readers. The score is ops parsed per second; bytes per
 * second follow from the sizes printed at setup.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar 'madjep.bench.history.ParseBenchmark' -f 1 -wi 3 -i 5 -w 2s -r 2s
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(ParseBenchmark.OPS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ParseBenchmark {
  static final int OPS = 1_000_000;

  byte[] edn;
  byte[] json;
  byte[] log;

  @Setup(Level.Trial)
  public void setup() {
    History h = GeneratedHistories.register(OPS, 10, 42);
    edn = GeneratedHistories.bytes(h, HistoryFormat.EDN);
    json = GeneratedHistories.bytes(h, HistoryFormat.JSON);
    log = GeneratedHistories.jepsenLog(h);
    System.out.printf("%n[setup] %d ops: EDN %d bytes, JSON %d bytes, log %d bytes%n", h.size(), edn.length,
        json.length, log.length);
  }

  private static History read(byte[] bytes, HistoryFormat f) throws IOException {
    History h = HistoryReader.read(new ByteArrayInputStream(bytes), "bench", f);
    if (h.size() != OPS) {
      throw new AssertionError("read " + h.size() + " ops");
    }
    return h;
  }

  @Benchmark
  public History edn() throws IOException {
    return read(edn, HistoryFormat.EDN);
  }

  @Benchmark
  public History json() throws IOException {
    return read(json, HistoryFormat.JSON);
  }

  @Benchmark
  public History jepsenLog() throws IOException {
    return read(log, HistoryFormat.JEPSEN_LOG);
  }
}
