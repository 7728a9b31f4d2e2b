package madjep.bench;

/**
 * A planted regression, for testing the regression gate and nothing else: with {@code -Dmadjep.bench.slowdown=F}
 * the benchmarks of the quick suite do their work F times per invocation, so their times grow F-fold exactly as a
 * code change that made them F times slower would. {@code madjep bench run --plant-slowdown F} sets it on one side of
 * an A/B run; {@code .ci/run} checks that {@code bench compare} fails on it. Unset, the loop runs once and the JIT
 * folds the constant.
 */
public final class Slowdown {
  private Slowdown() {}

  /** How many times the quick suite's benchmarks repeat their work (1 unless a slowdown is planted). */
  public static final int FACTOR = Math.max(1, Integer.getInteger("madjep.bench.slowdown", 1));
}
