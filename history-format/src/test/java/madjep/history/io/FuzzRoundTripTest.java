package madjep.history.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import madjep.history.DataError;
import madjep.history.History;
import madjep.history.HistoryProblem;
import madjep.history.testing.RandomHistories;
import org.junit.jupiter.api.Test;

/**
 * Seeded random histories, written in varied but valid EDN and JSON and then corrupted, go through read -> write ->
 * read. Valid text reads back exactly; corrupted text either reads (and then round-trips) or fails with a
 * {@link DataError} whose position lies inside the text: never another exception.
 */
class FuzzRoundTripTest {
  private static final int CASES = 6_000;

  @Test
  void randomValidEdn_inVariedLayouts_readsBackExactly() {
    for (int seed = 0; seed < CASES; seed++) {
      RandomHistories g = new RandomHistories(seed);
      History h = g.history(1 + g.random().nextInt(25), 1 + g.random().nextInt(5));
      String text = EdnLayouts.render(h, g.random());
      try {
        History back = Texts.read(text);
        assertEquals(h.ops(), back.ops());
        assertEquals(h.problems().size(), back.problems().size());
        String edn = Texts.write(back, HistoryFormat.EDN);
        assertEquals(edn, Texts.write(Texts.read(edn), HistoryFormat.EDN));
      } catch (RuntimeException | AssertionError e) {
        fail("seed " + seed + ":\n" + text, e);
      }
    }
  }

  @Test
  void randomValidJson_isFixedPointAfterOneConversion() {
    for (int seed = 0; seed < CASES / 2; seed++) {
      RandomHistories g = new RandomHistories(1_000_000L + seed);
      History h = g.history(1 + g.random().nextInt(25), 1 + g.random().nextInt(5));
      String json1 = Texts.write(h, HistoryFormat.JSON);
      try {
        History fromJson = Texts.read(json1);
        assertEquals(h.size(), fromJson.size());
        String json2 = Texts.write(Texts.read(Texts.write(fromJson, HistoryFormat.EDN)), HistoryFormat.JSON);
        assertEquals(json1, json2);
        for (int i = 0; i < h.size(); i++) {
          assertEquals(h.type(i), fromJson.type(i));
          assertEquals(h.processValue(i), fromJson.processValue(i));
          assertEquals(h.index(i), fromJson.index(i));
          assertEquals(h.time(i), fromJson.time(i));
          assertEquals(h.f(i), fromJson.f(i));
        }
      } catch (RuntimeException | AssertionError e) {
        fail("seed " + seed + ":\n" + json1, e);
      }
    }
  }

  @Test
  void corruptedInput_readsOrFailsWithPositionedDataError_neverAnythingElse() {
    int failed = 0;
    int read = 0;
    for (int seed = 0; seed < CASES; seed++) {
      RandomHistories g = new RandomHistories(2_000_000L + seed);
      SplittableRandom r = g.random();
      History h = g.history(1 + r.nextInt(15), 1 + r.nextInt(4));
      String text = r.nextInt(3) == 0 ? Texts.write(h, HistoryFormat.JSON) : EdnLayouts.render(h, r);
      String bad = Corruptions.corrupt(text, r);
      int lines = bad.split("\n", -1).length;
      try {
        History back = Texts.read(bad);
        read++;
        String edn = Texts.write(back, HistoryFormat.EDN);
        History again = Texts.read(edn);
        assertEquals(back.ops(), again.ops(), "seed " + seed);
        for (HistoryProblem p : back.problems()) {
          assertTrue(p.line() >= 1 && p.line() <= lines, "seed " + seed + ": problem line " + p.line());
        }
      } catch (DataError e) {
        failed++;
        assertTrue(e.line() >= 1 && e.line() <= lines + 1,
            "seed " + seed + ": error line " + e.line() + " outside 1.." + lines + ": " + e.getMessage());
        assertTrue(e.getMessage().contains("expected"), "seed " + seed + ": " + e.getMessage());
      } catch (RuntimeException | AssertionError e) {
        fail("seed " + seed + " (not a DataError):\n" + new String(bad.getBytes(StandardCharsets.UTF_8),
            StandardCharsets.UTF_8), e);
      }
    }
    // Both outcomes must be common, or the corruptions are too weak or too strong to test anything.
    assertTrue(failed > CASES / 10, "only " + failed + " corrupted inputs failed");
    assertTrue(read > CASES / 20, "only " + read + " corrupted inputs read");
  }
}
