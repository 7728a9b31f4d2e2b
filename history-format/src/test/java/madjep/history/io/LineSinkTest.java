package madjep.history.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The writers' number formatting against {@link Long#toString(long)}. */
class LineSinkTest {
  private static String written(long... values) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    LineSink sink = new LineSink(bytes);
    for (long v : values) {
      sink.number(v);
      sink.put(' ');
      sink.endLine();
    }
    sink.flush();
    return bytes.toString(StandardCharsets.US_ASCII);
  }

  private static String expected(long... values) {
    StringBuilder sb = new StringBuilder();
    for (long v : values) {
      sb.append(v).append(' ');
    }
    return sb.toString();
  }

  @Test
  void everyPowerOfTenAndItsNeighboursAsLongToStringWritesThem() throws IOException {
    long[] values = LongStream.concat(
            LongStream.rangeClosed(0, 18).map(e -> pow10(e)).flatMap(p -> LongStream.of(p - 1, p, p + 1, -p, 1 - p)),
            LongStream.of(Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE + 1, Integer.MAX_VALUE, Integer.MIN_VALUE,
                999_999_999_999_999_999L, 1_000_000_000_000_000_000L, 1_000_000_000_999_999_999L))
        .toArray();
    assertEquals(expected(values), written(values));
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void seededNumbersOfEveryLengthAsLongToStringWritesThem(long seed) throws IOException {
    SplittableRandom rng = new SplittableRandom(seed);
    long[] values = new long[20_000];
    for (int i = 0; i < values.length; i++) {
      // A uniform length in bits, then a uniform value of it: short numbers as often as long ones.
      long v = rng.nextLong() >>> rng.nextInt(64);
      values[i] = rng.nextBoolean() ? -v : v;
    }
    assertEquals(expected(values), written(values));
  }

  /**
   * Numbers written through a {@link LineSink.Recent}, as an op's index and time are: runs counting up by one (across
   * every power of ten), steps within and across a million and a billion, jumps back, negatives, zero, and numbers of every length.
   */
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void numbersCloseToTheLastAsLongToStringWritesThem(long seed) throws IOException {
    SplittableRandom rng = new SplittableRandom(seed);
    long[] values = new long[50_000];
    long v = 0;
    for (int i = 0; i < values.length; i++) {
      switch (rng.nextInt(8)) {
        case 0, 1, 2 -> v++;
        case 3 -> v += rng.nextLong(rng.nextBoolean() ? 2_000_000 : 2_000_000_000);
        case 4 -> v = pow10(rng.nextInt(19)) - rng.nextInt(3);
        case 5 -> v = rng.nextLong() >>> rng.nextInt(64);
        case 6 -> v = rng.nextInt(4) == 0 ? -rng.nextLong(1_000_000) : Math.max(0, v - rng.nextLong(3_000_000));
        default -> v = rng.nextInt(3) == 0 ? Long.MAX_VALUE - rng.nextInt(2) : rng.nextInt(12);
      }
      values[i] = v;
      if (v == Long.MAX_VALUE || v < 0) {
        v = 0;
      }
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    LineSink sink = new LineSink(bytes);
    for (long x : values) {
      sink.number(x, sink.time);
      sink.put(' ');
      sink.endLine();
    }
    sink.flush();
    assertEquals(expected(values), bytes.toString(StandardCharsets.US_ASCII));
  }

  private static long pow10(long e) {
    long p = 1;
    for (int i = 0; i < e; i++) {
      p *= 10;
    }
    return p;
  }
}
