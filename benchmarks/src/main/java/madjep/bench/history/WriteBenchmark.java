package madjep.bench.history;

import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.TimeUnit;
import madjep.history.History;
import madjep.history.io.HistoryFormat;
import madjep.history.io.HistoryWriter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Write throughput of the history writers (a store's {@code history.edn} and {@code history.jsonl}) over a
 * generated 1M-op register history, single threaded, into a stream that only counts: whole, and as a simulation's
 * store writes it, in pieces of 65,536 ops handed over while the history grows ({@link HistoryWriter.Stream}). The
 * score is ops written per second.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar 'madjep.bench.history.WriteBenchmark' -f 1 -wi 3 -i 5 -w 2s -r 2s
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(WriteBenchmark.OPS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class WriteBenchmark {
  static final int OPS = 1_000_000;
  static final int PIECE = 1 << 16;

  @Param({"EDN", "JSON"})
  HistoryFormat format;

  History h;
  /** The history as a simulation hands it over: the first k * PIECE ops, then all. */
  History[] pieces;

  @Setup(Level.Trial)
  public void setup() {
    h = GeneratedHistories.register(OPS, 10, 42);
    madjep.history.HistoryBuilder b = new madjep.history.HistoryBuilder("bench");
    java.util.List<History> soFar = new java.util.ArrayList<>();
    for (int i = 0; i < h.size(); i++) {
      b.add(h.op(i));
      if ((i + 1) % PIECE == 0) {
        soFar.add(b.prefix());
      }
    }
    soFar.add(b.build());
    pieces = soFar.toArray(new History[0]);
  }

  /** Counts the bytes, so that the writer's work is all there is. */
  static final class Counting extends OutputStream {
    long bytes;

    @Override
    public void write(int b) {
      bytes++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      bytes += len;
    }
  }

  /** The whole history at once. */
  @Benchmark
  public long whole() throws IOException {
    Counting out = new Counting();
    HistoryWriter.write(h, format, out);
    return out.bytes;
  }

  /** The same ops in the pieces a simulation hands over while it runs. */
  @Benchmark
  public long streamed() throws IOException {
    Counting out = new Counting();
    HistoryWriter.Stream s = new HistoryWriter.Stream(format, out);
    for (History p : pieces) {
      s.append(p);
    }
    s.finish();
    return out.bytes;
  }
}
