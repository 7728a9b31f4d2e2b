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
 * Each Porcupine kv history, partitioned by key, on 1 and 2 threads: the target for c50-ok is 10 ms
 * (Porcupine: 102 ms).
 *
 * <p>{@code java -jar benchmarks/target/benchmarks.jar 'madjep.bench.linear.KvBenchmark' -f 1 -wi 5 -i 10 -w 1s -r 1s}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class KvBenchmark {
  @Param({"c01-ok", "c01-bad", "c10-ok", "c10-bad", "c50-ok", "c50-bad"})
  public String file;

  @Param({"1", "2"})
  public int threads;

  History history;
  Model model;
  LinearizabilityOptions options;

  @Setup
  public void setup() {
    history = Corpora.read("porcupine/kv/" + file + ".txt");
    model = Models.byName("kv");
    options = LinearizabilityOptions.defaults().withThreads(threads);
  }

  @Benchmark
  public Verdict check() {
    Verdict v = LinearizabilityChecker.check(history, model, options).verdict();
    for (int r = 1; r < madjep.bench.Slowdown.FACTOR; r++) {
      v = LinearizabilityChecker.check(history, model, options).verdict();
    }
    return v;
  }
}
