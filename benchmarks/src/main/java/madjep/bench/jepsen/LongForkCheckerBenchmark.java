package madjep.bench.jepsen;

import java.util.concurrent.TimeUnit;
import madjep.history.History;
import madjep.txn.jepsen.LongForkChecker;
import madjep.txn.jepsen.Verdict;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * The long-fork checker on a 1M-op long-fork history (10 clients, group size 3, single writes of fresh keys and reads of recent groups half each), generated in setup (seed 42) and valid by construction. The score is the time of
 * one check of the whole history, from the built {@link History} to the result (rendering excluded).
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar 'madjep.bench.jepsen.LongForkCheckerBenchmark' -f 1 -wi 3 -i 5 -w 2s -r 2s
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class LongForkCheckerBenchmark {
  @Param("1000000")
  int ops;

  History history;

  @Setup(Level.Trial)
  public void setup() {
    history = JepsenHistories.longFork(ops, 3, 10, 42);
    Verdict v = LongForkChecker.check(history, new LongForkChecker.Options(3)).valid();
    if (v != Verdict.VALID) {
      throw new AssertionError("the generated history checks " + v);
    }
    System.out.printf("%n[setup] %d ops%n", history.size());
  }

  @Benchmark
  public Object check() {
    return LongForkChecker.check(history, new LongForkChecker.Options(3));
  }
}
