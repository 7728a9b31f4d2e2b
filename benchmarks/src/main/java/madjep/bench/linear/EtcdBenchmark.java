package madjep.bench.linear;

import java.util.List;
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
 * All 102 Porcupine etcd histories checked as cas-register (initial nil), one after another: the target
 * is 40 ms per pass (Porcupine: about 430 ms on this machine kind). {@code bitsets} compares the cache's set
 * representations.
 *
 * <p>{@code java -jar benchmarks/target/benchmarks.jar 'madjep.bench.linear.EtcdBenchmark' -f 1 -wi 5 -i 10 -w 1s -r
 * 1s}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class EtcdBenchmark {
  @Param({"LONGS", "ROARING"})
  public LinearizabilityOptions.Bitsets bitsets;

  List<History> histories;
  Model model;
  LinearizabilityOptions options;

  @Setup
  public void setup() {
    histories = Corpora.etcd();
    model = Models.byName("cas-register");
    options = LinearizabilityOptions.defaults().withThreads(1).withBitsets(bitsets);
  }

  /** Checks every history; returns how many are valid (23). */
  @Benchmark
  public int allEtcd() {
    int valid = 0;
    for (int r = 0; r < madjep.bench.Slowdown.FACTOR; r++) {
      valid = 0;
      for (History h : histories) {
        if (LinearizabilityChecker.check(h, model, options).verdict() == Verdict.VALID) {
          valid++;
        }
      }
    }
    return valid;
  }
}
