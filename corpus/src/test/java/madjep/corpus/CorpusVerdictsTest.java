package madjep.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import madjep.cli.Main;
import madjep.history.testing.Corpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every verdict that a corpus manifest asserts, checked through the {@code madjep} command line with the arguments
 * {@code CHECKS.tsv} gives for the file: the exit code must say the same (0 valid, 1 invalid, 2 unknown). The
 * cases come from the manifests, never from a list copied into this test.
 */
class CorpusVerdictsTest {
  /** One asserted verdict: a corpus file, the arguments to check it with, and the exit code the manifest implies. */
  record Case(String file, String arguments, int expectedExit, String expectedText) {
    @Override
    public String toString() {
      return file;
    }
  }

  static List<Case> cases() {
    Path root = Corpus.root();
    List<Case> cases = new ArrayList<>();
    try (var manifests = Files.list(root)) {
      for (Path dir : manifests.sorted().toList()) {
        Path manifest = dir.resolve("MANIFEST.tsv");
        if (!Files.exists(manifest)) {
          continue;
        }
        String folder = dir.getFileName() + "/";
        int expectedColumn = expectedColumn(manifest);
        for (String[] row : Corpus.tsv(manifest)) {
          String file = folder + row[0];
          String expected = REPORTS_MORE.getOrDefault(file, row[expectedColumn]);
          Integer exit = exitCodeOf(expected);
          if (exit == null || row[0].startsWith("(absent)")) {
            continue;
          }
          String args = Corpus.checkArguments(file);
          if (args != null) {
            cases.add(new Case(file, args, exit, expected));
          }
        }
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return cases;
  }

  /**
   * Rows whose manifest verdict is the source project's and where MadJep knowingly reports more (issue 15): elle-cli's
   * rw-register history reads x = 3, which no transaction wrote. Elle ignores reads of unwritten values (the manifest
   * calls the row a limitation test); MadJep reports a garbage read.
   */
  static final Map<String, String> REPORTS_MORE = Map.of(
      "elle-cli/elle/rw-register.edn", "invalid (garbage-read; elle-cli asserts true)",
      "elle-cli/elle/rw-register.json", "invalid (garbage-read; elle-cli asserts true)");

  /** The column whose header starts with "expected". */
  private static int expectedColumn(Path manifest) throws java.io.IOException {
    String[] header = Files.readAllLines(manifest).get(0).split("\t");
    for (int i = 0; i < header.length; i++) {
      if (header[i].startsWith("expected")) {
        return i;
      }
    }
    throw new AssertionError(manifest + " has no expected column");
  }

  /** The exit code a manifest's verdict text means, or null when it asserts none. */
  static Integer exitCodeOf(String expected) {
    String e = expected.strip();
    if (e.startsWith("linearizable") || e.startsWith("true") || e.startsWith("valid")) {
      return 0;
    }
    if (e.startsWith("not-linearizable") || e.startsWith("false") || e.startsWith("invalid")) {
      return 1;
    }
    if (e.startsWith("unknown")) {
      return 2;
    }
    return null;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void corpusFile_checkedWithItsArguments_exitsWithTheManifestVerdict(Case c) {
    List<String> args = new ArrayList<>(List.of("check"));
    args.addAll(ShellWords.split(c.arguments()));
    args.add(Corpus.root().resolve(c.file()).toString());
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
    assertEquals(c.expectedExit(), code, () -> "madjep " + String.join(" ", args) + "\nmanifest: "
        + c.expectedText() + "\nstdout:\n" + out + "\nstderr:\n" + err);
  }

  @Test
  void manifests_assertVerdictsForEveryChecker() {
    Map<String, Integer> perChecker = new TreeMap<>();
    for (Case c : cases()) {
      perChecker.merge(c.arguments().split(" ")[0], 1, Integer::sum);
    }
    // Guards against a manifest format change silently dropping cases.
    assertTrue(perChecker.getOrDefault("linear", 0) >= 189, perChecker.toString());
    assertTrue(perChecker.getOrDefault("txn", 0) >= 8, perChecker.toString());
    assertTrue(perChecker.getOrDefault("bank", 0) >= 5, perChecker.toString());
  }
}
