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

  private static long pow10(long e) {
    long p = 1;
    for (int i = 0; i < e; i++) {
      p *= 10;
    }
    return p;
  }
}
