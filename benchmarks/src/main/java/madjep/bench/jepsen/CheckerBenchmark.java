package madjep.bench.jepsen;

import java.util.concurrent.TimeUnit;
import madjep.history.History;
import madjep.history.Verdict;
import madjep.txn.jepsen.JepsenResult;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the benchmarks of Jepsen's checkers share (JMH runs inherited benchmarks per subclass): the history is
 * generated once per trial (seeded, valid by construction, which setup checks), and the score is the time of one
 * check of the whole history, from the built {@link History} to the result record (rendering excluded).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public abstract class CheckerBenchmark {
  static final long SEED = 42;

  History history;

  /** The input, generated from {@link #SEED}. */
  abstract History generate();

  /** One check of {@link #history}. */
  abstract JepsenResult run();

  @Setup(Level.Trial)
  public void setup() {
    history = generate();
    Verdict v = run().valid();
    if (v != Verdict.VALID) {
      throw new AssertionError("the generated history checks " + v);
    }
    System.out.printf("%n[setup] %d ops%n", history.size());
  }

  @Benchmark
  public Object check() {
    return run();
  }
}
