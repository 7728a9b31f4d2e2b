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
 * A generated linearizable cas-register history of 1,000,000 ops over 1,000 independent keys ({@code [k v]}
 * values) with 50 processes, checked with {@code --independent} on all cores: the target is 3 s.
 *
 * <p>{@code java -jar benchmarks/target/benchmarks.jar 'madjep.bench.linear.IndependentBenchmark' -f 1 -wi 2 -i 5 -w
 * 1s -r 1s}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class IndependentBenchmark {
  static final long SEED = 20240611L;

  History history;
  Model model;
  LinearizabilityOptions options;

  @Setup
  public void setup() {
    history = RegisterHistories.generate(SEED, 1_000_000, 1_000, 50, 100);
    model = Models.byName("cas-register", 0L);
    options = LinearizabilityOptions.defaults().withIndependent(true);
  }

  @Benchmark
  public Verdict check() {
    return LinearizabilityChecker.check(history, model, options).verdict();
  }
}
