package example;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each checker module's README shows, line for line, code that this project compiles and runs. */
class ReadmeSnippetsTest {
  private static final Path REPO = Path.of("..", "..");

  @ParameterizedTest
  @ValueSource(strings = {"checker-linear/README.md", "checker-txn/README.md"})
  void readmeJavaBlocks_appearInCheckBoth(String readme) throws IOException {
    String code = normalize(Files.readString(REPO.resolve("examples/library/src/main/java/example/CheckBoth.java")));
    List<String> blocks = javaBlocks(Files.readAllLines(REPO.resolve(readme)));
    assertFalse(blocks.isEmpty(), readme + " shows no Java");
    for (String block : blocks) {
      assertTrue(code.contains(normalize(block)), readme + " shows code that CheckBoth does not run:\n" + block);
    }
  }

  private static List<String> javaBlocks(List<String> lines) {
    List<String> blocks = new ArrayList<>();
    StringBuilder current = null;
    for (String line : lines) {
      if (current == null && line.equals("```java")) {
        current = new StringBuilder();
      } else if (current != null && line.equals("```")) {
        blocks.add(current.toString());
        current = null;
      } else if (current != null) {
        current.append(line).append('\n');
      }
    }
    return blocks;
  }

  /** Whitespace-insensitive: the README may wrap and indent differently. */
  private static String normalize(String s) {
    return s.replaceAll("\\s+", " ").trim();
  }
}
