package madjep.bench.jepsen;

import madjep.history.History;
import madjep.txn.jepsen.LongForkChecker;
import madjep.txn.jepsen.JepsenResult;
import org.openjdk.jmh.annotations.Param;

/**
 * The long-fork checker on a 1M-op long-fork history (10 clients, group size 3, single writes of fresh keys and reads of recent groups half each). See {@link CheckerBenchmark}.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar 'madjep.bench.jepsen.LongForkCheckerBenchmark' -f 1 -wi 3 -i 5 -w 2s -r 2s
 * </pre>
 */
public class LongForkCheckerBenchmark extends CheckerBenchmark {
  @Param("1000000")
  int ops;

  @Override
  History generate() {
    return JepsenHistories.longFork(ops, 3, 10, SEED);
  }

  @Override
  JepsenResult run() {
    return LongForkChecker.check(history, new LongForkChecker.Options(3));
  }
}
