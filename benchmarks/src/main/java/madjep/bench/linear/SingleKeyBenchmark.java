package madjep.bench.linear;

import java.util.concurrent.TimeUnit;
import madjep.history.History;
import madjep.history.Verdict;
import madjep.linear.LinearizabilityChecker;
import madjep.linear.Model;
import madjep.linear.Models;
import madjep.linear.LinearizabilityOptions;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * A generated linearizable cas-register history of 100,000 ops on one key at concurrency 10: no partitioning
 * helps, so this measures the search and its windowed cache on a long history.
 *
 * <p>{@code java -jar benchmarks/target/benchmarks.jar 'madjep.bench.linear.SingleKeyBenchmark' -f 1 -wi 2 -i 5 -w 1s
 * -r 1s}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SingleKeyBenchmark {
  static final long SEED = 20240612L;

  History history;
  Model model;
  LinearizabilityOptions options;

  @Setup
  public void setup() {
    history = RegisterHistories.generate(SEED, 100_000, 1, 10, 1000);
    model = Models.byName("cas-register", 0L);
    options = LinearizabilityOptions.defaults();
  }

  @Benchmark
  public Verdict check() {
    return LinearizabilityChecker.check(history, model, options).verdict();
  }
}
