package madjep.sim.workload;

import java.util.SplittableRandom;

/**
 * Picks keys {@code 0..count-1}: uniformly, or Zipfian with exponent {@code s} (key 0 hottest), by inverting a
 * precomputed cumulative distribution (binary search: no floating-point loop per draw).
 */
public final class Keys {
  private final int count;
  private final double[] cdf;
  private final String describe;

  private Keys(int count, double[] cdf, String describe) {
    this.count = count;
    this.cdf = cdf;
    this.describe = describe;
  }

  public static Keys uniform(int count) {
    if (count < 1) {
      throw new IllegalArgumentException("expected at least one key, found " + count);
    }
    return new Keys(count, null, "uniform");
  }

  public static Keys zipfian(int count, double s) {
    if (count < 1) {
      throw new IllegalArgumentException("expected at least one key, found " + count);
    }
    double[] cdf = new double[count];
    double sum = 0;
    for (int k = 0; k < count; k++) {
      sum += 1.0 / Math.pow(k + 1, s);
      cdf[k] = sum;
    }
    for (int k = 0; k < count; k++) {
      cdf[k] /= sum;
    }
    return new Keys(count, cdf, "zipfian");
  }

  /** {@code uniform} or {@code zipfian}. */
  public static Keys of(String distribution, int count) {
    return switch (distribution) {
      case "uniform" -> uniform(count);
      case "zipfian", "zipf" -> zipfian(count, 1.0);
      default -> throw new IllegalArgumentException(
          "expected key-distribution uniform or zipfian, found '" + distribution + "'");
    };
  }

  public int count() {
    return count;
  }

  public String distribution() {
    return describe;
  }

  public long next(SplittableRandom rng) {
    if (cdf == null) {
      return rng.nextInt(count);
    }
    double u = rng.nextDouble();
    int lo = 0;
    int hi = count - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (cdf[mid] < u) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
