package madjep.linear;

import java.util.List;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import madjep.history.History;
import madjep.history.Verdict;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every porcupine/ and knossos/ history gets the verdict its MANIFEST.tsv asserts, with CHECKS.tsv's arguments. */
class CorpusVerdictTest {
  static List<CorpusCase> cases() {
    return CorpusCase.all();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void corpusHistory_checkedWithManifestArguments_matchesManifestVerdict(CorpusCase c) {
    History h = c.history();
    LinearizabilityResult r = LinearizabilityChecker.check(h, c.model(), c.options());
    Verdict expected = c.expectedVerdict();
    if (expected == null) {
      // The manifest's "unknown": only Porcupine's empty etcd_095. Porcupine calls an empty history Ok; we answer
      // unknown, because nothing was checked and a silent pass would hide a broken test run.
      assertEquals(0, h.size(), c.path() + " is labelled unknown but is not empty");
      assertEquals(Verdict.UNKNOWN, r.verdict(), c.path());
      assertEquals(LinearizabilityResult.Cause.EMPTY, r.cause(), c.path());
      return;
    }
    assertEquals(expected, r.verdict(), () -> c.path() + ": " + r.toData());
    if (r.verdict() == Verdict.INVALID) {
      Failure f = r.failure();
      assertNotNull(f.explanation());
      assertTrue(!f.statesBefore().isEmpty(), c.path() + ": no states before the failing op");
    }
  }
}
