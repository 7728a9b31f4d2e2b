package madjep.bench.jepsen;

import java.util.concurrent.TimeUnit;
import madjep.history.History;
import madjep.txn.jepsen.SetFullChecker;
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
 * The set-full checker on a 100k-op set-full history (10 clients; 95% adds of distinct elements, 5% reads returning the set as a replica lagging 0-3 adds, then a final read: 2,586 reads, 56.3M elements read in all), with compact or sparse integer elements, generated in setup (seed 42) and valid by construction. The score is the time of
 * one check of the whole history, from the built {@link History} to the result (rendering excluded).
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar 'madjep.bench.jepsen.SetFullCheckerBenchmark' -f 1 -wi 3 -i 5 -w 2s -r 2s
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class SetFullCheckerBenchmark {
  @Param("100000")
  int ops;

  /** Elements 0, 1, 2, ... (looked up in an array) or spread a million apart (looked up in a hash map). */
  @Param({"false", "true"})
  boolean sparse;

  History history;

  @Setup(Level.Trial)
  public void setup() {
    history = JepsenHistories.setFull(ops, 5, 10, sparse, 42);
    Verdict v = SetFullChecker.check(history, SetFullChecker.Options.defaults()).valid();
    if (v != Verdict.VALID) {
      throw new AssertionError("the generated history checks " + v);
    }
    System.out.printf("%n[setup] %d ops%n", history.size());
  }

  @Benchmark
  public Object check() {
    return SetFullChecker.check(history, SetFullChecker.Options.defaults());
  }
}
