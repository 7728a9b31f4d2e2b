package madjep.history.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.SplittableRandom;
import madjep.history.History;
import madjep.history.HistoryBuilder;
import madjep.history.testing.RandomHistories;
import org.junit.jupiter.api.Test;

/**
 * A history written while it grows ({@link HistoryBuilder#prefix()} handed to {@link HistoryWriter.Stream} now and
 * then, as a simulation's store is written) against the same history written whole: the same bytes, in both formats,
 * wherever the hand-overs fall.
 */
class HistoryWriterStreamTest {
  @Test
  void randomHistories_writtenInRandomChunksWhileGrowing_sameBytesAsWhole() throws IOException {
    for (int seed = 0; seed < 500; seed++) {
      RandomHistories g = new RandomHistories(9_100_000L + seed);
      History whole = g.history(g.random().nextInt(60), 1 + g.random().nextInt(5));
      SplittableRandom cut = new SplittableRandom(seed);
      for (HistoryFormat f : new HistoryFormat[] {HistoryFormat.EDN, HistoryFormat.JSON}) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        HistoryWriter.Stream stream = new HistoryWriter.Stream(f, out);
        HistoryBuilder b = new HistoryBuilder(whole.source());
        for (int i = 0; i < whole.size(); i++) {
          b.add(whole.op(i));
          if (cut.nextInt(8) == 0) {
            History soFar = b.prefix();
            assertEquals(i + 1, soFar.size());
            stream.append(soFar);
            assertEquals(i + 1, stream.written());
          }
        }
        stream.append(b.build());
        stream.finish();
        assertArrayEquals(whole(whole, f), out.toByteArray(), f + ", seed " + seed);
      }
    }
  }

  @Test
  void prefix_hasNoPairsYet_andAShorterHistoryIsRefused() throws IOException {
    HistoryBuilder b = new HistoryBuilder("x");
    History g = new RandomHistories(3).history(20, 2);
    for (int i = 0; i < g.size(); i++) {
      b.add(g.op(i));
    }
    History soFar = b.prefix();
    assertThrows(IllegalStateException.class, () -> soFar.pair(0));
    HistoryWriter.Stream stream = new HistoryWriter.Stream(HistoryFormat.EDN, new ByteArrayOutputStream());
    stream.append(soFar);
    History shorter = new RandomHistories(4).history(1, 1);
    assertThrows(IllegalArgumentException.class, () -> stream.append(shorter));
    assertThrows(IllegalArgumentException.class,
        () -> new HistoryWriter.Stream(HistoryFormat.JEPSEN_LOG, new ByteArrayOutputStream()));
  }

  private static byte[] whole(History h, HistoryFormat f) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    HistoryWriter.write(h, f, out);
    return out.toByteArray();
  }
}
