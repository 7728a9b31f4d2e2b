package madjep.bench.jepsen;

import madjep.history.History;
import madjep.txn.jepsen.SetChecker;
import madjep.txn.jepsen.JepsenResult;
import org.openjdk.jmh.annotations.Param;

/**
 * The set checker on a 1M-op set history (500k adds of distinct elements from 10 clients, 5% :fail and :info, one final read). See {@link CheckerBenchmark}.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar 'madjep.bench.jepsen.SetCheckerBenchmark' -f 1 -wi 3 -i 5 -w 2s -r 2s
 * </pre>
 */
public class SetCheckerBenchmark extends CheckerBenchmark {
  @Param("1000000")
  int ops;

  @Override
  History generate() {
    return JepsenHistories.set(ops / 2, 10, SEED);
  }

  @Override
  JepsenResult run() {
    return SetChecker.check(history);
  }
}
