package madjep.bench.tool;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * How much slower B is than A, with a confidence interval. The factor is B's time over A's (A's throughput over B's),
 * so 2.0 means B takes twice as long whatever the benchmark's mode. The interval comes from a two-level bootstrap:
 * forks are resampled, then iterations within each resampled fork, because on a shared machine the forks differ more
 * than the iterations of one fork do. Seeded, so one pair of files always gives the same interval.
 *
 * @param factor the ratio of the means
 * @param low the interval's lower end
 * @param high the interval's upper end
 */
record Ratio(double factor, double low, double high) {
  static final int RESAMPLES = 4000;

  /**
   * The slowdown factor of {@code b} against {@code a}; when both calibrations are given, each bootstrap replicate is
   * divided by the calibration's own replicate, which takes the machine's speed out of the comparison.
   */
  static Ratio of(Measurement a, Measurement b, Measurement calA, Measurement calB, double confidence) {
    SplittableRandom random = new SplittableRandom(0x6d61646a6570L);
    double factor = slowdown(a, a.mean(), b.mean());
    if (calA != null) {
      factor /= slowdown(calA, calA.mean(), calB.mean());
    }
    double[] replicates = new double[RESAMPLES];
    for (int r = 0; r < RESAMPLES; r++) {
      double x = slowdown(a, resampledMean(a.forks(), random), resampledMean(b.forks(), random));
      if (calA != null) {
        x /= slowdown(calA, resampledMean(calA.forks(), random), resampledMean(calB.forks(), random));
      }
      replicates[r] = x;
    }
    Arrays.sort(replicates);
    double tail = (1 - confidence) / 2;
    int lo = (int) Math.floor(tail * (RESAMPLES - 1));
    int hi = (int) Math.ceil((1 - tail) * (RESAMPLES - 1));
    return new Ratio(factor, replicates[lo], replicates[hi]);
  }

  private static double slowdown(Measurement m, double meanA, double meanB) {
    return m.higherIsBetter() ? meanA / meanB : meanB / meanA;
  }

  /** The mean of one two-level resample: forks with replacement, then samples with replacement within each. */
  static double resampledMean(double[][] forks, SplittableRandom random) {
    double sum = 0;
    int n = 0;
    for (int i = 0; i < forks.length; i++) {
      double[] fork = forks[random.nextInt(forks.length)];
      for (int j = 0; j < fork.length; j++) {
        sum += fork[random.nextInt(fork.length)];
        n++;
      }
    }
    return sum / n;
  }

  /** B is slower beyond {@code threshold} with the interval's confidence. */
  boolean regression(double threshold) {
    return low > threshold;
  }

  /** B is faster beyond {@code threshold} with the interval's confidence. */
  boolean improvement(double threshold) {
    return high < 1 / threshold;
  }
}
