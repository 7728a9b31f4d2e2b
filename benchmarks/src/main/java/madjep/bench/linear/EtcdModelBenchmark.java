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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The {@code etcd} model on a generated robustness-style history ({@link EtcdStoreHistories}: 10,000 ops over 10
 * keys, gets, ranges, puts, deletes and compare-and-swaps, 1% failed requests), checked as one partition on one
 * thread, with {@code clients} clients at once.
 *
 * <p>{@code java -jar benchmarks/target/benchmarks.jar 'madjep.bench.linear.EtcdModelBenchmark' -f 1 -wi 3 -i 5 -w 1s -r 1s}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class EtcdModelBenchmark {
  @Param({"8", "50"})
  public int clients;

  History history;
  Model model;
  LinearizabilityOptions options;

  @Setup
  public void setup() {
    history = EtcdStoreHistories.generate(42, 10_000, clients, 10, 100);
    model = Models.byName("etcd");
    options = LinearizabilityOptions.defaults().withThreads(1);
  }

  /** Checks the history: valid. */
  @Benchmark
  public Verdict check() {
    return LinearizabilityChecker.check(history, model, options).verdict();
  }
}
