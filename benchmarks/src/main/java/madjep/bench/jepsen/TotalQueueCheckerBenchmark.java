package madjep.bench.jepsen;

import madjep.history.History;
import madjep.txn.jepsen.TotalQueueChecker;
import madjep.txn.jepsen.JepsenResult;
import org.openjdk.jmh.annotations.Param;

/**
 * The total-queue checker on a 1M-op total-queue history (10 clients, enqueues of distinct values and dequeues half each, a final drain). See {@link CheckerBenchmark}.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar 'madjep.bench.jepsen.TotalQueueCheckerBenchmark' -f 1 -wi 3 -i 5 -w 2s -r 2s
 * </pre>
 */
public class TotalQueueCheckerBenchmark extends CheckerBenchmark {
  @Param("1000000")
  int ops;

  @Override
  History generate() {
    return JepsenHistories.totalQueue(ops, 10, SEED);
  }

  @Override
  JepsenResult run() {
    return TotalQueueChecker.check(history);
  }
}
