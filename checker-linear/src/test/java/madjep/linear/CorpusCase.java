package madjep.linear;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import madjep.history.History;
import madjep.history.Verdict;
import madjep.history.io.HistoryReader;
import madjep.history.testing.Corpus;

/**
 * One linearizability row of a corpus MANIFEST.tsv with the model and options its CHECKS.tsv arguments name
 * ({@code linear --model M [--initial EDN] [--independent]}).
 */
record CorpusCase(String path, String expected, Model model, LinearizabilityOptions options) {
  /** Rows of porcupine/ and knossos/ manifests whose CHECKS.tsv arguments start with {@code linear}. */
  static List<CorpusCase> all() {
    List<CorpusCase> cases = new ArrayList<>();
    for (String folder : List.of("porcupine", "knossos")) {
      for (String[] row : Corpus.tsv(Corpus.root().resolve(folder).resolve("MANIFEST.tsv"))) {
        String rel = folder + "/" + row[0];
        String args = Corpus.checkArguments(rel);
        if (args == null || !args.startsWith("linear ")) {
          throw new AssertionError(rel + ": CHECKS.tsv gives no 'linear' arguments: " + args);
        }
        cases.add(parse(rel, row[2], args));
      }
    }
    return cases;
  }

  static CorpusCase parse(String rel, String expected, String args) {
    List<String> words = words(args);
    String model = null;
    String initial = null;
    boolean independent = false;
    for (int i = 1; i < words.size(); i++) {
      switch (words.get(i)) {
        case "--model" -> model = words.get(++i);
        case "--initial" -> initial = words.get(++i);
        case "--independent" -> independent = true;
        default -> throw new AssertionError(rel + ": unexpected argument " + words.get(i));
      }
    }
    return new CorpusCase(rel, expected, Models.parse(model, initial),
        LinearizabilityOptions.defaults().withIndependent(independent).withThreads(1));
  }

  /** Splits like a shell: spaces separate words, single quotes group. */
  static List<String> words(String s) {
    List<String> out = new ArrayList<>();
    StringBuilder w = new StringBuilder();
    boolean quoted = false;
    boolean any = false;
    for (char c : s.toCharArray()) {
      if (c == '\'') {
        quoted = !quoted;
        any = true;
      } else if (c == ' ' && !quoted) {
        if (any) {
          out.add(w.toString());
        }
        w.setLength(0);
        any = false;
      } else {
        w.append(c);
        any = true;
      }
    }
    if (any) {
      out.add(w.toString());
    }
    return out;
  }

  Path file() {
    return Corpus.root().resolve(path);
  }

  History history() {
    try {
      return HistoryReader.read(file());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The verdict the manifest's {@code expected} column names; null for {@code unknown} (no upstream verdict). */
  Verdict expectedVerdict() {
    return switch (expected) {
      case "linearizable" -> Verdict.VALID;
      case "not-linearizable" -> Verdict.INVALID;
      case "unknown" -> null;
      default -> throw new AssertionError(path + ": unknown expected verdict " + expected);
    };
  }

  @Override
  public String toString() {
    return path;
  }
}
