package madjep.txn.jepsen;

import java.io.IOException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import madjep.history.History;
import madjep.history.Verdict;
import madjep.history.edn.Keyword;
import madjep.history.io.HistoryReader;
import madjep.history.testing.Corpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every verdict elle-cli's manifest asserts for Jepsen's checkers, with CHECKS.tsv's arguments. */
class JepsenCorpusTest {
  static final String FOLDER = "elle-cli/";

  /** Manifest rows whose CHECKS.tsv arguments name one of our checkers: (path, arguments, expected). */
  static List<Arguments> rows() {
    List<Arguments> out = new ArrayList<>();
    for (String[] row : Corpus.tsv(Corpus.root().resolve(FOLDER + "MANIFEST.tsv"))) {
      String path = FOLDER + row[0];
      String args = Corpus.checkArguments(path);
      if (JepsenCorpusRunner.handles(args)) {
        out.add(Arguments.of(path, args, row[2].trim().split("\\s+")[0]));
      }
    }
    return out;
  }

  @ParameterizedTest(name = "{0}: {1} -> {2}")
  @MethodSource("rows")
  void manifestFile_checkedWithChecksArguments_matchesExpectedVerdict(String path, String args, String expected)
      throws IOException {
    History h = HistoryReader.read(Corpus.root().resolve(path)).requireWellFormed();
    JepsenResult r = JepsenCorpusRunner.run(args, h);
    Verdict want = switch (expected) {
      case "true" -> Verdict.VALID;
      case "false" -> Verdict.INVALID;
      default -> throw new AssertionError(path + ": manifest verdict '" + expected + "' is not true or false");
    };
    assertEquals(want, r.valid(), () -> path + " with '" + args + "': " + r.toData());
  }

  @Test
  void manifest_coversEveryJepsenChecker_withCorpusFiles() {
    List<String> checkers = new ArrayList<>();
    for (Arguments a : rows()) {
      checkers.add(((String) a.get()[1]).split("\\s+")[0]);
    }
    for (String c : List.of("bank", "counter", "set", "set-full", "long-fork")) {
      assertTrue(checkers.contains(c), "no manifest row checked with " + c + ": " + checkers);
    }
  }

  static List<Arguments> twins() {
    List<Arguments> out = new ArrayList<>();
    for (Arguments a : rows()) {
      String path = (String) a.get()[0];
      if (path.endsWith(".edn")) {
        String json = path.substring(0, path.length() - 4) + ".json";
        if (Files.exists(Corpus.root().resolve(json))) {
          out.add(Arguments.of(path, json, a.get()[1]));
        }
      }
    }
    return out;
  }

  @ParameterizedTest(name = "{0} ~ {1}")
  @MethodSource("twins")
  void ednAndJsonTwins_checked_sameVerdictAndCounts(String edn, String json, String args) throws IOException {
    JepsenResult a = JepsenCorpusRunner.run(args, HistoryReader.read(Corpus.root().resolve(edn)));
    JepsenResult b = JepsenCorpusRunner.run(args, HistoryReader.read(Corpus.root().resolve(json)));
    assertEquals(a.valid(), b.valid());
    Map<Keyword, Object> ca = scalars(a.toData());
    assertFalse(ca.size() < 2, () -> "too few scalar fields to compare: " + ca);
    assertEquals(ca, scalars(b.toData()));
  }

  @Test
  void twins_exist_forBankCounterAndSetFull() {
    assertEquals(3, twins().size(), () -> "twins: " + twins());
  }

  /** The top-level numbers, booleans and keywords of a result: its verdict and counts. */
  static Map<Keyword, Object> scalars(Map<Keyword, Object> data) {
    Map<Keyword, Object> out = new LinkedHashMap<>();
    for (Map.Entry<Keyword, Object> e : data.entrySet()) {
      Object v = e.getValue();
      if (v instanceof Number || v instanceof Boolean || v instanceof Keyword) {
        out.put(e.getKey(), v);
      }
    }
    return out;
  }
}
