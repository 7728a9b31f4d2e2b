package madjep.bench.jepsen;

import madjep.history.History;
import madjep.txn.jepsen.BankChecker;
import madjep.txn.jepsen.JepsenResult;
import org.openjdk.jmh.annotations.Param;

/**
 * The bank checker on a 1M-op bank history (10 clients, 8 accounts holding 100, transfers and reads half each, 5% :fail and :info). See {@link CheckerBenchmark}.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar 'madjep.bench.jepsen.BankCheckerBenchmark' -f 1 -wi 3 -i 5 -w 2s -r 2s
 * </pre>
 */
public class BankCheckerBenchmark extends CheckerBenchmark {
  @Param("1000000")
  int ops;

  @Override
  History generate() {
    return JepsenHistories.bank(ops, 10, 8, SEED);
  }

  @Override
  JepsenResult run() {
    return BankChecker.check(history, BankChecker.Options.defaults());
  }
}
