package madjep.linear;

import java.util.List;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Map;
import madjep.history.Verdict;
import madjep.history.edn.EdnParser;
import madjep.history.edn.Keyword;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Failures name the op Knossos names, and their data holds together: replayable prefixes, impossible states. */
class WitnessTest {
  /** Knossos's own assertions on its bad histories (reference/linearizability.md section 4.4). */
  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "knossos/cas-register/bad/bad-analysis.edn, 14",
    "knossos/cas-register/bad/cas-failure.edn, 491",
    "knossos/cas-register/bad/immediate-failure.edn, 3",
    "knossos/cas-register/bad/rethink-fail-minimal.edn, 4"
  })
  void knossosBadHistory_failingOp_isTheOneKnossosReports(String path, long knossosOpIndex) {
    CorpusCase c = CorpusCase.all().stream().filter(k -> k.path().equals(path)).findFirst().orElseThrow();
    LinearizabilityResult r = LinearizabilityChecker.check(c.history(), c.model(), c.options());
    assertEquals(Verdict.INVALID, r.verdict());
    assertEquals(knossosOpIndex, r.failure().op().index(), r.failure().explanation());
  }

  static List<CorpusCase> invalidCases() {
    return CorpusCase.all().stream().filter(c -> c.expectedVerdict() == Verdict.INVALID).toList();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidCases")
  void invalidCorpusHistory_failure_isConsistentData(CorpusCase c) {
    LinearizabilityResult r = LinearizabilityChecker.check(c.history(), c.model(), c.options());
    Failure f = r.failure();
    Model m = c.model();
    // The failing op is impossible in every state the explanation names (states are the model's own for these).
    if (!m.name().equals("kv")) {
      for (Object s : f.statesBefore()) {
        assertSame(Model.INCONSISTENT, m.step(s, f.op().f(), f.op().value()), c.path() + ": legal in " + s);
      }
    }
    // Every prefix replays through the model to the states it records.
    assertFalse(f.prefixes().isEmpty() && !f.explanation().contains("earlier op"), f.explanation());
    for (List<Failure.Step> prefix : f.prefixes()) {
      Object s = m.initialState();
      for (Failure.Step step : prefix) {
        s = m.step(s, step.op().f(), step.op().value());
        assertNotSame(Model.INCONSISTENT, s);
        assertEquals(m.stateData(s), step.state());
      }
    }
    Map<Keyword, Object> data = r.toData();
    assertEquals(Boolean.FALSE, data.get(Keyword.of("valid?")));
    @SuppressWarnings("unchecked")
    Map<Keyword, Object> failure = (Map<Keyword, Object>) data.get(Keyword.of("failure"));
    @SuppressWarnings("unchecked")
    Map<Keyword, Object> op = (Map<Keyword, Object>) failure.get(Keyword.of("op"));
    assertEquals(EdnParser.box(f.op().index()), op.get(Keyword.of("index")));
    assertEquals(f.explanation(), failure.get(Keyword.of("explanation")));
  }
}
