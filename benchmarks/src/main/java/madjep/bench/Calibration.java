package madjep.bench;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Code that never changes, so that its time measures only the machine: sorting a fixed array of 131,072 seeded
 * longs (branches, memory traffic and allocation, like the checkers). {@code bench compare --normalize} divides every
 * ratio by this benchmark's ratio when the two runs come from different sittings or machines.
 *
 * <p>{@code java -jar benchmarks/target/benchmarks.jar 'madjep.bench.Calibration' -f 1 -wi 2 -i 3}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class Calibration {
  static final int SIZE = 1 << 17;

  long[] input;

  @Setup
  public void setup() {
    input = new SplittableRandom(42).longs(SIZE).toArray();
  }

  /** Sorts a copy; returns the median so that nothing is optimized away. */
  @Benchmark
  public long sort() {
    long[] a = Arrays.copyOf(input, input.length);
    Arrays.sort(a);
    return a[a.length / 2];
  }
}
