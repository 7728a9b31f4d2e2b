package madjep.history.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import madjep.history.History;
import madjep.history.HistoryBuilder;
import madjep.history.OpType;
import madjep.history.edn.EdnVector;
import madjep.history.edn.Keyword;
import madjep.history.testing.RandomHistories;
import org.junit.jupiter.api.Test;

/**
 * The writers' byte-level fast path against the general one it stands in for: EDN lines printed by {@link
 * HistoryWriter#appendEdn} and encoded as UTF-8, JSON objects written by Jackson. Random histories mix values the
 * fast path writes with those it hands over (escaped and non-ASCII strings, doubles, big numbers, characters,
 * symbols, tagged elements), so both paths and the switch between them are covered, line by line.
 */
class HistoryWriterFastPathTest {
  @Test
  void randomHistories_fastAndGeneralPaths_sameBytes() throws IOException {
    for (int seed = 0; seed < 3_000; seed++) {
      RandomHistories g = new RandomHistories(7_000_000L + seed);
      History h = g.history(g.random().nextInt(30), 1 + g.random().nextInt(5));
      assertArrayEquals(generalEdn(h), write(h, HistoryFormat.EDN), "EDN, seed " + seed);
      assertArrayEquals(generalJson(h), write(h, HistoryFormat.JSON), "JSON, seed " + seed);
    }
  }

  @Test
  void longSimulatedShapeHistory_crossesBufferFlushes_sameBytes() throws IOException {
    // Simulated histories are all fast path: numbers, keywords, vectors, nil; enough of them to flush many times.
    HistoryBuilder b = new HistoryBuilder("sim");
    int nemesis = b.namedProcess(Keyword.of("nemesis"));
    Keyword write = Keyword.of("write");
    for (int i = 0; i < 20_000; i++) {
      int p = i % 7;
      b.add(Long.MIN_VALUE, 1_000L * i, OpType.INVOKE, p, write, EdnVector.of((long) i, (long) -i), null, null, 0,
          0);
      b.add(Long.MIN_VALUE, 1_000L * i + 500, i % 11 == 0 ? OpType.INFO : OpType.OK, p, write,
          EdnVector.of((long) i, i % 3 == 0 ? null : Long.MIN_VALUE + i), i % 11 == 0 ? Keyword.of("timeout") : null,
          null, 0, 0);
      if (i % 1000 == 0) {
        b.add(Long.MIN_VALUE, 1_000L * i + 600, OpType.INFO, nemesis, Keyword.of("kill"), "n1", null, null, 0, 0);
      }
    }
    History h = b.build();
    assertArrayEquals(generalEdn(h), write(h, HistoryFormat.EDN));
    assertArrayEquals(generalJson(h), write(h, HistoryFormat.JSON));
  }

  @Test
  void extraKeys_walkedWithoutAMap_sameBytesAsTheMap_evenWhenAKeyRepeats() throws IOException {
    // The fast path walks an op's other keys straight from its arrays; a key given twice (a user's recorder can do
    // that) is merged by the map the general path uses, so the fast path must hand such an op over.
    HistoryBuilder b = new HistoryBuilder("extras");
    Keyword read = Keyword.of("read");
    Keyword node = Keyword.of("node");
    Keyword region = Keyword.of("region");
    b.add(Long.MIN_VALUE, 1, OpType.INVOKE, 0, read, null, null, null, 0, 0);
    b.add(Long.MIN_VALUE, 2, OpType.OK, 0, read, 3L, null, new Object[] {node, "n1", region, Keyword.of("eu")}, 0, 0);
    b.add(Long.MIN_VALUE, 3, OpType.INVOKE, 1, read, null, null, null, 0, 0);
    b.add(Long.MIN_VALUE, 4, OpType.OK, 1, read, 4L, null, new Object[] {node, "n2", region, 1L, node, "n3"}, 0, 0);
    History h = b.build();
    assertEquals(3, h.extraCount(3));
    assertEquals(true, h.extraKeyRepeats(3));
    assertEquals(false, h.extraKeyRepeats(1));
    byte[] edn = write(h, HistoryFormat.EDN);
    assertArrayEquals(generalEdn(h), edn);
    assertArrayEquals(generalJson(h), write(h, HistoryFormat.JSON));
    String text = new String(edn, StandardCharsets.UTF_8);
    assertEquals(true, text.contains(":node \"n1\", :region :eu}"), text);
    assertEquals(true, text.contains(":node \"n3\", :region 1}"), text);
  }

  @Test
  void manyRecurringNames_rememberedByIdentity_sameBytes() throws IOException {
    // The fast path remembers the bytes of names it wrote lately, by identity: hundreds of functions, nodes and
    // string values recurring as the same objects (so that remembered ones are replaced), with names too long to
    // remember, and strings it must hand over (escapes, non-ASCII) among them.
    java.util.SplittableRandom rng = new java.util.SplittableRandom(5);
    Keyword[] fs = new Keyword[300];
    String[] strings = new String[300];
    for (int k = 0; k < fs.length; k++) {
      fs[k] = Keyword.of(k % 50 == 0 ? "f-" + "x".repeat(70) + k : "f" + k);
      strings[k] = switch (k % 40) {
        case 0 -> "quote\"" + k;
        case 1 -> "caf\u00e9" + k;
        case 2 -> "s".repeat(65 + k % 3);
        default -> "n" + k;
      };
    }
    Keyword node = Keyword.of("node");
    HistoryBuilder b = new HistoryBuilder("names");
    for (int i = 0; i < 20_000; i++) {
      Keyword f = fs[rng.nextInt(fs.length)];
      String v = strings[rng.nextInt(strings.length)];
      b.add(Long.MIN_VALUE, 10L * i, OpType.INVOKE, i % 5, f, v, null, null, 0, 0);
      b.add(Long.MIN_VALUE, 10L * i + 5, OpType.OK, i % 5, f, EdnVector.of(v, fs[rng.nextInt(fs.length)]), null,
          new Object[] {node, strings[rng.nextInt(strings.length)]}, 0, 0);
    }
    History h = b.build();
    assertArrayEquals(generalEdn(h), write(h, HistoryFormat.EDN));
    assertArrayEquals(generalJson(h), write(h, HistoryFormat.JSON));
  }

  @Test
  void emptyHistory_asBefore() throws IOException {
    History h = new HistoryBuilder("empty").build();
    assertEquals("", new String(write(h, HistoryFormat.EDN), StandardCharsets.UTF_8));
    assertEquals("\n", new String(write(h, HistoryFormat.JSON), StandardCharsets.UTF_8));
  }

  private static byte[] write(History h, HistoryFormat f) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    HistoryWriter.write(h, f, out);
    return out.toByteArray();
  }

  /** Every line the general way. */
  private static byte[] generalEdn(History h) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < h.size(); i++) {
      HistoryWriter.appendEdn(sb, h, i);
      sb.append('\n');
    }
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** Jackson alone, as the writer worked before it had a fast path: a newline between objects and one at the end. */
  private static byte[] generalJson(History h) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
      g.setRootValueSeparator(new SerializedString("\n"));
      for (int i = 0; i < h.size(); i++) {
        HistoryWriter.writeJsonOp(g, h, i);
      }
      g.writeRaw('\n');
    }
    return out.toByteArray();
  }
}
