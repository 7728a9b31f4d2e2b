package madjep.history.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds {@code ../shared/corpus} for tests: the path comes from the system property {@code madjep.corpus} (the
 * build sets it to {@code ../shared/corpus} beside the repository). When the folder is missing, tests fail under
 * {@code CI=true} and are skipped with a message otherwise.
 */
public final class Corpus {
  private Corpus() {}

  /** The corpus folder; skips or fails the calling test when it is missing. */
  public static Path root() {
    String prop = System.getProperty("madjep.corpus", "../shared/corpus");
    Path root = Path.of(prop).toAbsolutePath().normalize();
    if (!Files.isDirectory(root)) {
      String msg = "the shared corpus is not at " + root + " (set -Dmadjep.corpus=DIR)";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail(msg + "; CI=true requires it");
      }
      abort(msg + "; skipping corpus tests");
    }
    return root;
  }

  /** Every history file under the corpus (manifests, READMEs and commit files excluded), sorted. */
  public static List<Path> historyFiles() {
    Path root = root();
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(Files::isRegularFile)
          .filter(p -> {
            String n = p.getFileName().toString();
            return !n.endsWith(".tsv") && !n.endsWith(".md") && !n.equals("UPSTREAM_COMMIT");
          })
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The path of {@code p} relative to the corpus root, with forward slashes. */
  public static String relative(Path p) {
    return root().relativize(p).toString().replace('\\', '/');
  }

  /** Rows of a tab-separated file (a MANIFEST.tsv or CHECKS.tsv), without its header and '#' comment lines. */
  public static List<String[]> tsv(Path file) {
    try {
      List<String[]> rows = new ArrayList<>();
      boolean header = !file.getFileName().toString().equals("CHECKS.tsv");
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        if (header) {
          header = false;
          continue;
        }
        rows.add(line.split("\t", -1));
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The arguments CHECKS.tsv gives for a corpus file (relative path), by longest matching prefix; null when no
   * row matches.
   */
  public static String checkArguments(String relativePath) {
    String best = null;
    int bestLen = -1;
    for (String[] row : tsv(root().resolve("CHECKS.tsv"))) {
      if (relativePath.startsWith(row[0]) && row[0].length() > bestLen) {
        best = row[1];
        bestLen = row[0].length();
      }
    }
    return best;
  }
}
