package madjep.bench.jepsen;

import madjep.history.History;
import madjep.txn.jepsen.CounterChecker;
import madjep.txn.jepsen.JepsenResult;
import org.openjdk.jmh.annotations.Param;

/**
 * The counter checker on a 1M-op counter history (10 clients, :add 1-5 and :read half each, 5% :fail and :info). See {@link CheckerBenchmark}.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar 'madjep.bench.jepsen.CounterCheckerBenchmark' -f 1 -wi 3 -i 5 -w 2s -r 2s
 * </pre>
 */
public class CounterCheckerBenchmark extends CheckerBenchmark {
  @Param("1000000")
  int ops;

  @Override
  History generate() {
    return JepsenHistories.counter(ops, 10, SEED);
  }

  @Override
  JepsenResult run() {
    return CounterChecker.check(history);
  }
}
