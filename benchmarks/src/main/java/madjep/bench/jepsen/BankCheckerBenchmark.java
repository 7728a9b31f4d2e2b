package madjep.bench.jepsen;

import java.util.concurrent.TimeUnit;
import madjep.history.History;
import madjep.txn.jepsen.BankChecker;
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
 * The bank checker on a 1M-op bank history (10 clients, 8 accounts holding 100, transfers and reads half each, 5% :fail and :info), generated in setup (seed 42) and valid by construction. The score is the time of
 * one check of the whole history, from the built {@link History} to the result (rendering excluded).
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar 'madjep.bench.jepsen.BankCheckerBenchmark' -f 1 -wi 3 -i 5 -w 2s -r 2s
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class BankCheckerBenchmark {
  @Param("1000000")
  int ops;

  History history;

  @Setup(Level.Trial)
  public void setup() {
    history = JepsenHistories.bank(ops, 10, 8, 42);
    Verdict v = BankChecker.check(history, BankChecker.Options.defaults()).valid();
    if (v != Verdict.VALID) {
      throw new AssertionError("the generated history checks " + v);
    }
    System.out.printf("%n[setup] %d ops%n", history.size());
  }

  @Benchmark
  public Object check() {
    return BankChecker.check(history, BankChecker.Options.defaults());
  }
}
