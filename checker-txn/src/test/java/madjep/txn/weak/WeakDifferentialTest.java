package madjep.txn.weak;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.SplittableRandom;
import madjep.history.History;
import madjep.history.Verdict;
import madjep.history.edn.Edn;
import madjep.txn.TxnOptions;
import madjep.txn.TxnResult;
import madjep.txn.TxnChecker;
import madjep.txn.Workload;
import madjep.txn.weak.WeakOracle.Level;
import madjep.txn.weak.WeakOracle.Txn;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each weak level against {@link WeakOracle} on 10,000 seeded small histories per workload: the checker says valid
 * exactly when the brute force finds an execution, and invalid otherwise (never unknown).
 */
class WeakDifferentialTest {
  static final int HISTORIES = 10_000;

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    "list-append, session-read-committed", "list-append, session-read-atomic", "list-append, transactional-causal",
    "rw-register, session-read-committed", "rw-register, session-read-atomic", "rw-register, transactional-causal"})
  void randomSmallHistories_checkerAgreesWithBruteForce(String workload, String model) {
    boolean lists = workload.equals("list-append");
    Level level = model.equals("session-read-committed") ? Level.READ_COMMITTED
        : model.equals("session-read-atomic") ? Level.READ_ATOMIC : Level.CAUSAL;
    TxnOptions o = TxnOptions.of(Workload.byName(workload)).withModels(model).withThreads(1);
    SplittableRandom root = new SplittableRandom(0xC0FFEE + (lists ? 0 : 1));
    int valid = 0;
    int invalid = 0;
    java.util.TreeMap<String, Integer> types = new java.util.TreeMap<>();
    for (int i = 0; i < HISTORIES; i++) {
      List<Txn> txns = WeakHistories.generate(root.split(), lists);
      History h = WeakHistories.history(txns, lists);
      TxnResult r = TxnChecker.check(h, o);
      boolean expected = WeakOracle.satisfies(txns, lists, level);
      Verdict want = expected ? Verdict.VALID : Verdict.INVALID;
      if (r.valid() != want) {
        fail("history " + i + ": brute force says " + (expected ? "valid" : "invalid") + ", checker says "
            + r.valid() + "\n" + WeakHistories.show(txns) + Edn.print(r.toData()));
      }
      for (String t : r.anomalyTypes()) {
        types.merge(t, 1, Integer::sum);
      }
      valid += expected ? 1 : 0;
      invalid += expected ? 0 : 1;
    }
    assertTrue(valid > HISTORIES / 5, "too few valid histories: " + valid);
    assertTrue(invalid > HISTORIES / 5, "too few invalid histories: " + invalid);
    // The histories exercise the level's own patterns, not only reads no execution returns.
    List<String> own = switch (level) {
      case READ_COMMITTED -> List.of(WeakIsolation.NON_MONOTONIC_READ, WeakIsolation.READ_COMMITTED_CYCLE);
      case READ_ATOMIC -> lists ? List.of(WeakIsolation.FRACTURED_READ, WeakIsolation.NON_REPEATABLE_READ)
          : List.of(WeakIsolation.READ_ATOMIC_CYCLE, WeakIsolation.NON_REPEATABLE_READ);
      case CAUSAL -> lists ? List.of(WeakIsolation.CAUSALITY_VIOLATION)
          : List.of(WeakIsolation.CAUSALITY_VIOLATION, WeakIsolation.CAUSAL_CYCLE);
    };
    for (String t : own) {
      // A register causal cycle needs a transitive visibility, a forced order and a cycle in five transactions.
      int least = t.equals(WeakIsolation.CAUSAL_CYCLE) ? 1 : 20;
      assertTrue(types.getOrDefault(t, 0) >= least, t + " too rare: " + types);
    }
    System.out.println(workload + " " + model + ": " + valid + " valid, " + invalid + " invalid, " + types);
  }
}
