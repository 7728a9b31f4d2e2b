package madjep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import madjep.history.History;
import madjep.history.OpType;
import madjep.history.edn.Edn;
import madjep.history.edn.Keyword;
import madjep.history.io.HistoryFormat;
import madjep.history.io.HistoryReader;
import madjep.history.io.HistoryWriter;
import org.junit.jupiter.api.Test;

/** README's recommended JSON Lines schema: its example reads as documented, and MadJep writes that schema back. */
class ReadmeJsonLinesTest {
  /** The first {@code ```json} block after {@code marker} in README. */
  static String block(String marker) throws IOException {
    String readme = Files.readString(Path.of("..", "README.md"));
    int at = readme.indexOf(marker);
    assertTrue(at >= 0, "README has " + marker);
    int open = readme.indexOf("```json\n", at) + "```json\n".length();
    return readme.substring(open, readme.indexOf("```", open));
  }

  @Test
  void schemaExample_readsAsDocumented_andWritesBackTheSameLines() throws IOException {
    String text = block("**Write JSON Lines.**");
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    History h = HistoryReader.read(new ByteArrayInputStream(bytes), "README", null).requireWellFormed();
    assertEquals(5, h.size());
    assertEquals(OpType.INFO, h.type(4));
    assertEquals(1, h.pair(1) == 4 ? 1 : 0, "process 1's invocation pairs with its :info");
    assertEquals(Keyword.of("nemesis"), h.processValue(3));
    assertEquals("[[:append 5 1] [:r 6 nil]]", Edn.print(h.value(1)));
    assertEquals("timeout", h.error(4));
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    HistoryWriter.write(h, HistoryFormat.JSON, out);
    List<String> written = out.toString(StandardCharsets.UTF_8).lines().toList();
    List<String> documented = text.lines().map(l -> l.replace(": ", ":").replace(", ", ",")).toList();
    assertEquals(documented, written);
  }
}
