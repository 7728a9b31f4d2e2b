package madjep.bench.jepsen;

import madjep.history.History;
import madjep.txn.jepsen.SetFullChecker;
import madjep.txn.jepsen.JepsenResult;
import org.openjdk.jmh.annotations.Param;

/**
 * The set-full checker on a 100k-op set-full history (10 clients; 95% adds of distinct elements, 5% reads returning the set as a replica lagging 0-3 adds, then a final read: 2,586 reads, 56.3M elements read in all), with compact or sparse integer elements. See {@link CheckerBenchmark}.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar 'madjep.bench.jepsen.SetFullCheckerBenchmark' -f 1 -wi 3 -i 5 -w 2s -r 2s
 * </pre>
 */
public class SetFullCheckerBenchmark extends CheckerBenchmark {
  @Param("100000")
  int ops;

  /** Elements 0, 1, 2, ... (looked up in an array) or spread a million apart (looked up in a hash map). */
  @Param({"false", "true"})
  boolean sparse;

  @Override
  History generate() {
    return JepsenHistories.setFull(ops, 5, 10, sparse, SEED);
  }

  @Override
  JepsenResult run() {
    return SetFullChecker.check(history, SetFullChecker.Options.defaults());
  }
}
