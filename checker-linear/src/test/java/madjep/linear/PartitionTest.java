package madjep.linear;

import java.nio.file.Path;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import madjep.history.History;
import madjep.history.Verdict;
import madjep.history.edn.Edn;
import madjep.history.edn.Keyword;
import madjep.history.io.HistoryReader;
import madjep.history.testing.Corpus;
import org.junit.jupiter.api.Test;

/** Splitting histories: independent tuples, kv keys, multi-register key groups; answers independent of threads. */
class PartitionTest {
  @Test
  void independentTuples_splitByKey_modelSeesValues() {
    History h = Hist.of("0 :invoke :write [:a 1]", "0 :ok :write [:a 1]", "1 :invoke :write [:b 2]",
        "1 :ok :write [:b 2]", "2 :invoke :read [:a nil]", "2 :ok :read [:a 1]", "3 :invoke :read [:b nil]",
        "3 :ok :read [:b 2]");
    LinearizabilityResult r = LinearizabilityChecker.check(h, Models.byName("register"),
        LinearizabilityOptions.defaults().withIndependent(true));
    assertEquals(Verdict.VALID, r.verdict());
    assertEquals(2, r.partitions());
  }

  @Test
  void casValuesWithoutIndependentOption_areNotSplit() {
    // A cas value [1 2] looks like a tuple: only --independent splits.
    History h = Hist.of("0 :invoke :write 1", "0 :ok :write 1", "1 :invoke :cas [1 2]", "1 :ok :cas [1 2]");
    LinearizabilityResult r = LinearizabilityChecker.check(h, Models.byName("cas-register"),
        LinearizabilityOptions.defaults());
    assertEquals(Verdict.VALID, r.verdict());
    assertEquals(1, r.partitions());
  }

  @Test
  void kvOps_splitByKeyField_violationNamesItsKey() {
    History h = Hist.of("0 :invoke :put \"x\" :key \"k1\"", "0 :ok :put \"x\" :key \"k1\"",
        "1 :invoke :append \"y\" :key \"k2\"", "1 :ok :append \"y\" :key \"k2\"",
        "2 :invoke :get nil :key \"k1\"", "2 :ok :get \"xy\" :key \"k1\"");
    LinearizabilityResult r = LinearizabilityChecker.check(h, Models.byName("kv"), LinearizabilityOptions.defaults());
    assertEquals(Verdict.INVALID, r.verdict());
    assertEquals(2, r.partitions());
    assertEquals("k1", r.failure().partition());
    assertEquals("process 2 got \"xy\" at op 5 (key \"k1\"), but every order of the 1 earlier op leaves the value"
        + " at \"x\"", r.failure().explanation());
  }

  @Test
  void multiRegisterTxns_disjointKeysSplit_sharedKeysJoin() {
    History disjoint = Hist.of("0 :invoke :txn [[:write :x 1]]", "0 :ok :txn [[:write :x 1]]",
        "1 :invoke :txn [[:write :y 2]]", "1 :ok :txn [[:write :y 2]]");
    Model m = Models.byName("multi-register", Edn.parse("{:x 0 :y 0}"));
    assertEquals(2, LinearizabilityChecker.check(disjoint, m, LinearizabilityOptions.defaults()).partitions());
    History joined = Hist.of("0 :invoke :txn [[:write :x 1]]", "0 :ok :txn [[:write :x 1]]",
        "1 :invoke :txn [[:write :y 2]]", "1 :ok :txn [[:write :y 2]]",
        "2 :invoke :txn [[:read :x nil] [:read :y nil]]", "2 :ok :txn [[:read :x 1] [:read :y 2]]");
    LinearizabilityResult r = LinearizabilityChecker.check(joined, m, LinearizabilityOptions.defaults());
    assertEquals(1, r.partitions());
    assertEquals(Verdict.VALID, r.verdict());
  }

  @Test
  void multiRegisterViolation_partitionNamedByItsKeys() {
    History h = Hist.of("0 :invoke :txn [[:write :x 1] [:write :y 1]]", "0 :ok :txn [[:write :x 1] [:write :y 1]]",
        "1 :invoke :txn [[:read :x nil] [:read :y nil]]", "1 :ok :txn [[:read :x 1] [:read :y 0]]");
    LinearizabilityResult r = LinearizabilityChecker.check(h, Models.byName("multi-register", Edn.parse("{:x 0 :y 0}")),
        LinearizabilityOptions.defaults());
    assertEquals(Verdict.INVALID, r.verdict());
    assertEquals(List.of(Keyword.of("x"), Keyword.of("y")), r.failure().partition());
  }

  @Test
  void invalidManyPartitionHistory_oneOrTwoThreadsRunTwice_identicalResults() throws Exception {
    History h = HistoryReader.read(Corpus.root().resolve(Path.of("porcupine/kv/c50-bad.txt")));
    Object first = null;
    for (int threads = 1; threads <= 2; threads++) {
      for (int run = 0; run < 2; run++) {
        LinearizabilityResult r = LinearizabilityChecker.check(h, Models.byName("kv"),
            LinearizabilityOptions.defaults().withThreads(threads));
        Object data = Edn.print(r.toData());
        if (first == null) {
          first = data;
        }
        assertEquals(first, data, "threads " + threads + ", run " + run);
      }
    }
  }
}
