package madjep.bench.jepsen;

import madjep.history.History;
import madjep.txn.jepsen.UniqueIdsChecker;
import madjep.txn.jepsen.JepsenResult;
import org.openjdk.jmh.annotations.Param;

/**
 * The unique-ids checker on a 1M-op unique-ids history (10 clients, 5% :fail and :info). See {@link CheckerBenchmark}.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar 'madjep.bench.jepsen.UniqueIdsCheckerBenchmark' -f 1 -wi 3 -i 5 -w 2s -r 2s
 * </pre>
 */
public class UniqueIdsCheckerBenchmark extends CheckerBenchmark {
  @Param("1000000")
  int ops;

  @Override
  History generate() {
    return JepsenHistories.uniqueIds(ops, 10, SEED);
  }

  @Override
  JepsenResult run() {
    return UniqueIdsChecker.check(history);
  }
}
