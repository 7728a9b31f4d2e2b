package madjep.linear;

import java.util.List;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import madjep.history.Verdict;
import madjep.history.io.HistoryFormat;
import madjep.history.io.HistoryWriter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The checker agrees with {@link BruteForceOracle} on 3,000 seeded random histories per model (27,000 in all; etcd's
 * oracle runs the independent {@link EtcdReference}, so the model's semantics are tested too, not only the search): 1 to
 * 6 processes, up to 12 ops, with :fail, :info and never-completed ops, linearizable and not. Each history is also
 * checked through the generic (uncompiled) model path, and with one and two threads.
 */
class DifferentialTest {
  static final int PER_MODEL = 3000;

  static List<String> models() {
    return RandomHistories.MODELS;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("models")
  void randomHistories_checkedAndBruteForced_agree(String model) {
    int valid = 0;
    int invalid = 0;
    int infos = 0;
    int fails = 0;
    int neverCompleted = 0;
    int multiProcess = 0;
    long seedBase = model.hashCode() * 1_000_003L;
    for (int i = 0; i < PER_MODEL; i++) {
      RandomHistories.Case c = RandomHistories.generate(model, seedBase + i);
      madjep.history.History h = c.history();
      java.util.Set<Integer> processes = new java.util.HashSet<>();
      for (int k = 0; k < h.size(); k++) {
        infos += h.isInfo(k) ? 1 : 0;
        fails += h.isFail(k) ? 1 : 0;
        neverCompleted += h.isInvoke(k) && h.pair(k) < 0 ? 1 : 0;
        processes.add(h.process(k));
      }
      multiProcess += processes.size() > 1 ? 1 : 0;
      boolean expected =
          BruteForceOracle.linearizable(c.history(), c.oracleModel(), c.independent(), model.equals("kv"));
      LinearizabilityOptions options = LinearizabilityOptions.defaults().withIndependent(c.independent()).withThreads(1 + i % 2);
      LinearizabilityResult compiled = LinearizabilityChecker.check(c.history(), c.newModel(), options);
      LinearizabilityResult generic = LinearizabilityChecker.check(c.history(), new DelegatingModel(c.newModel()), options);
      Verdict want = expected ? Verdict.VALID : Verdict.INVALID;
      assertEquals(want, compiled.verdict(), () -> replay(c));
      assertEquals(want, generic.verdict(), () -> "generic path: " + replay(c));
      if (expected) {
        valid++;
      } else {
        invalid++;
        assertTrue(compiled.failure().explanation().startsWith("process "), compiled.failure().explanation());
      }
    }
    // Both verdicts in large numbers, or the comparison proves little.
    int min = PER_MODEL / 5;
    String counts = model + ": " + valid + " valid, " + invalid + " invalid, " + infos + " :info, " + fails
        + " :fail, " + neverCompleted + " never completed, " + multiProcess + " with several processes";
    assertTrue(valid >= min && invalid >= min, counts);
    assertTrue(infos >= min && fails >= min && neverCompleted >= min / 10 && multiProcess >= PER_MODEL / 2, counts);
    System.out.println(counts);
  }

  /** The seed and the history as EDN, to replay a disagreement. */
  static String replay(RandomHistories.Case c) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    try {
      HistoryWriter.write(c.history(), HistoryFormat.EDN, out);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return c.recipe() + " initial=" + c.initial() + " independent=" + c.independent() + "\n" + out;
  }
}
