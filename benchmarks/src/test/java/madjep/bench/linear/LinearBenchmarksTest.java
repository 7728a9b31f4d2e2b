package madjep.bench.linear;

import static org.junit.jupiter.api.Assertions.assertEquals;

import madjep.history.Verdict;
import madjep.history.testing.Corpus;
import madjep.linear.LinearizabilityOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every linear benchmark computes the right answer, so its figures measure real work. */
class LinearBenchmarksTest {
  @ParameterizedTest
  @ValueSource(strings = {"LONGS", "ROARING"})
  void etcdBenchmark_bothBitsets_finds23Linearizable(String bitsets) {
    Corpus.root();
    EtcdBenchmark b = new EtcdBenchmark();
    b.bitsets = LinearizabilityOptions.Bitsets.valueOf(bitsets);
    b.setup();
    assertEquals(102, b.histories.size());
    assertEquals(23, b.allEtcd());
  }

  @ParameterizedTest
  @ValueSource(strings = {"c01-ok", "c01-bad", "c10-ok", "c10-bad", "c50-ok", "c50-bad"})
  void kvBenchmark_eachFile_verdictMatchesItsName(String file) {
    Corpus.root();
    for (int threads = 1; threads <= 2; threads++) {
      KvBenchmark b = new KvBenchmark();
      b.file = file;
      b.threads = threads;
      b.setup();
      assertEquals(file.endsWith("-ok") ? Verdict.VALID : Verdict.INVALID, b.check());
    }
  }

  @Test
  void independentBenchmark_millionOpsThousandKeys_valid() {
    IndependentBenchmark b = new IndependentBenchmark();
    b.setup();
    // Every invocation completes (:ok, :fail or :info): two events per op.
    assertEquals(2_000_000, b.history.size());
    assertEquals(Verdict.VALID, b.check());
  }

  @ParameterizedTest
  @ValueSource(ints = {8, 50})
  void etcdModelBenchmark_generatedReport_valid(int clients) {
    EtcdModelBenchmark b = new EtcdModelBenchmark();
    b.clients = clients;
    b.setup();
    assertEquals(20_000, b.history.size());
    assertEquals(Verdict.VALID, b.check());
  }

  @Test
  void singleKeyBenchmark_hundredThousandOps_valid() {
    SingleKeyBenchmark b = new SingleKeyBenchmark();
    b.setup();
    assertEquals(200_000, b.history.size());
    assertEquals(Verdict.VALID, b.check());
  }
}
