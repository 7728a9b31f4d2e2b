package madjep.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.stream.Stream;
import madjep.history.testing.RandomHistories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A builder told how many ops to expect builds the same history as one that grows from nothing, whatever the guess. */
class HistoryBuilderCapacityTest {
  static Stream<Arguments> guesses() {
    return Stream.of(0, 1, 3, 100, 4000).flatMap(div -> Stream.of(1L, 2L, 3L, 4L, 5L)
        .map(seed -> Arguments.of(seed, div)));
  }

  @ParameterizedTest(name = "seed {0}, guess {1}")
  @MethodSource("guesses")
  void sameHistoryWhateverTheGuess(long seed, int guess) {
    History h = new RandomHistories(seed).history(3000, 7);
    int expected = guess == 0 ? 0 : h.size() * 4 / guess;
    HistoryBuilder b = new HistoryBuilder(h.source(), expected);
    for (int i = 0; i < h.size(); i++) {
      b.add(h.op(i));
    }
    History rebuilt = b.build();
    assertEquals(h.size(), rebuilt.size());
    assertEquals(h.ops(), rebuilt.ops());
    for (int i = 0; i < h.size(); i++) {
      assertEquals(h.pair(i), rebuilt.pair(i), "pair of op " + i);
    }
    assertEquals(h.problems(), rebuilt.problems());
  }

  @Test
  void negativeGuessIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> new HistoryBuilder("x", -1));
  }
}
