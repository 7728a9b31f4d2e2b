package madjep.linear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import madjep.history.History;
import madjep.history.Verdict;
import madjep.history.edn.Keyword;
import madjep.history.io.HistoryFormat;
import madjep.history.io.HistoryReader;
import madjep.history.io.HistoryWriter;
import org.junit.jupiter.api.Test;

/**
 * {@link LinearizabilityOptions.NilReads}: a completed read of nil as unknown (Knossos) or as "the register holds no
 * value".
 */
class NilReadsTest {
  private static final LinearizabilityOptions NO_VALUE = LinearizabilityOptions.defaults().withNilReads(
      LinearizabilityOptions.NilReads.NO_VALUE);

  @Test
  void readNilAfterAcknowledgedWrite_unknownReadingValid_noValueReadingInvalid() {
    History h = Hist.of("0 :invoke :write 1", "0 :ok :write 1", "1 :invoke :read nil", "1 :ok :read nil");
    Model m = Models.byName("cas-register");
    assertEquals(Verdict.VALID, LinearizabilityChecker.check(h, m, LinearizabilityOptions.defaults()).verdict());
    LinearizabilityResult r = LinearizabilityChecker.check(h, m, NO_VALUE);
    assertEquals(Verdict.INVALID, r.verdict());
    assertTrue(r.failure().explanation().contains("read nil"), r.failure().explanation());
  }

  @Test
  void readNilBeforeAnyWrite_orConcurrentWithIt_validUnderBothReadings() {
    History before = Hist.of("1 :invoke :read nil", "1 :ok :read nil", "0 :invoke :write 1", "0 :ok :write 1");
    History concurrent = Hist.of("0 :invoke :write 1", "1 :invoke :read nil", "1 :ok :read nil", "0 :ok :write 1");
    History crashed = Hist.of("0 :invoke :write 1", "0 :ok :write 1", "1 :invoke :read nil", "1 :info :read nil");
    for (History h : List.of(before, concurrent, crashed)) {
      assertEquals(Verdict.VALID, LinearizabilityChecker.check(h, Models.byName("cas-register"), NO_VALUE).verdict());
    }
  }

  @Test
  void modelsWithoutAnEmptyState_readNilAsUnknownWhateverTheOption() {
    assertTrue(Models.readsNoValue(Models.byName("cas-register")));
    assertTrue(Models.readsNoValue(Models.byName("register")));
    assertTrue(!Models.readsNoValue(Models.byName("kv")));
    History h = Hist.of("0 :invoke :put \"a\" :key 1", "0 :ok :put \"a\" :key 1", "1 :invoke :get nil :key 1",
        "1 :ok :get nil :key 1");
    assertEquals(Verdict.VALID, LinearizabilityChecker.check(h, Models.byName("kv"), NO_VALUE).verdict());
  }

  /** A register where nil is a value like any other: the plain meaning of NO_VALUE, for the oracle. */
  private record StrictRegister(Object initial) implements Model {
    @Override
    public Object initialState() {
      return initial;
    }

    @Override
    public Object step(Object state, Keyword f, Object value) {
      switch (f.name()) {
        case "read":
          return Objects.equals(value, state) ? state : INCONSISTENT;
        case "write":
          return value;
        default:
          List<?> ab = (List<?>) value;
          return Objects.equals(state, ab.get(0)) ? ab.get(1) : INCONSISTENT;
      }
    }
  }

  @Test
  void randomHistoriesWithDroppedValues_compiledGenericAndBruteForce_agree() throws IOException {
    int valid = 0;
    int invalid = 0;
    for (int i = 0; i < 2000; i++) {
      RandomHistories.Case c = RandomHistories.generate("cas-register", 77_000L + i);
      History h = dropSomeReads(c.history(), new SplittableRandom(i));
      boolean expected = BruteForceOracle.linearizable(h, new StrictRegister(c.initial()), c.independent(), false);
      LinearizabilityOptions o = NO_VALUE.withIndependent(c.independent()).withThreads(1);
      Verdict compiled = LinearizabilityChecker.check(h, c.newModel(), o).verdict();
      Verdict generic = LinearizabilityChecker.check(h, new StrictRegister(c.initial()), o).verdict();
      Verdict want = expected ? Verdict.VALID : Verdict.INVALID;
      assertEquals(want, compiled, () -> DifferentialTest.replay(c));
      assertEquals(want, generic, () -> "generic: " + DifferentialTest.replay(c));
      valid += expected ? 1 : 0;
      invalid += expected ? 0 : 1;
    }
    assertTrue(valid > 300 && invalid > 300, valid + " valid, " + invalid + " invalid");
  }

  /** The history with a quarter of its completed reads answering nil, as a store that lost the value would. */
  private static History dropSomeReads(History h, SplittableRandom r) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    HistoryWriter.write(h, HistoryFormat.EDN, out);
    StringBuilder sb = new StringBuilder();
    for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
      if (line.contains(":type :ok") && line.contains(":f :read") && r.nextInt(4) == 0) {
        line = line.replaceAll(":value (\\[\\d+ )?\\d+", ":value $1nil");
      }
      sb.append(line).append('\n');
    }
    return HistoryReader.read(new ByteArrayInputStream(sb.toString().getBytes(StandardCharsets.UTF_8)), "t.edn",
        HistoryFormat.EDN);
  }
}
