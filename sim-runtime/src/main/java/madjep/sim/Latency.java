package madjep.sim;

import java.util.SplittableRandom;

/**
 * A distribution of one-way message delays, in nanoseconds. Every draw comes from the network's own latency
 * stream, so turning on loss or duplication never changes which delays are drawn.
 */
public sealed interface Latency {
  /** A delay in nanoseconds, never negative. */
  long sample(SplittableRandom rng);

  /** A short text that a scenario file can read back with {@link #parse}. */
  String describe();

  /** Always {@code nanos}. */
  record Fixed(long nanos) implements Latency {
    @Override
    public long sample(SplittableRandom rng) {
      return nanos;
    }

    @Override
    public String describe() {
      return "fixed " + Durations.format(nanos);
    }
  }

  /** Uniform between {@code min} and {@code max} inclusive. */
  record Uniform(long min, long max) implements Latency {
    @Override
    public long sample(SplittableRandom rng) {
      return max <= min ? min : min + rng.nextLong(max - min + 1);
    }

    @Override
    public String describe() {
      return "uniform " + Durations.format(min) + " " + Durations.format(max);
    }
  }

  /** Normal with the given mean and standard deviation, cut at zero (netem's default shape). */
  record Normal(long mean, long stddev) implements Latency {
    @Override
    public long sample(SplittableRandom rng) {
      // Box-Muller from the stream's own doubles: reproducible across JDKs, unlike Random.nextGaussian's caching.
      double u1 = 1.0 - rng.nextDouble();
      double u2 = rng.nextDouble();
      double z = Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
      return Math.max(0, Math.round(mean + z * stddev));
    }

    @Override
    public String describe() {
      return "normal " + Durations.format(mean) + " " + Durations.format(stddev);
    }
  }

  /** {@code min} plus an exponential with the given mean (TigerBeetle's one-way delay). */
  record Exponential(long min, long mean) implements Latency {
    @Override
    public long sample(SplittableRandom rng) {
      return min + Math.round(-Math.log(1.0 - rng.nextDouble()) * mean);
    }

    @Override
    public String describe() {
      return "exponential " + Durations.format(min) + " " + Durations.format(mean);
    }
  }

  /**
   * FoundationDB's shape: with probability {@code 1 - slowProbability} the {@code fast} distribution, else the
   * {@code slow} one (by default 99.9% uniform 100-800 us, 0.1% up to 100 ms).
   */
  record LongTail(Latency fast, Latency slow, double slowProbability) implements Latency {
    @Override
    public long sample(SplittableRandom rng) {
      return rng.nextDouble() < slowProbability ? slow.sample(rng) : fast.sample(rng);
    }

    @Override
    public String describe() {
      return "long-tail " + slowProbability + " (" + fast.describe() + ") (" + slow.describe() + ")";
    }
  }

  /** FoundationDB's default: 99.9% uniform 100 us - 800 us, 0.1% uniform 800 us - 100 ms. */
  public static LongTail foundationDb() {
    return new LongTail(new Uniform(100_000, 800_000), new Uniform(800_000, 100_000_000), 0.001);
  }

  /**
   * Reads {@code fixed 1ms}, {@code uniform 1ms 10ms}, {@code normal 5ms 1ms}, {@code exponential 0ms 5ms},
   * {@code long-tail} (FoundationDB's default) or {@code long-tail P (FAST) (SLOW)}.
   */
  public static Latency parse(String text) {
    String s = text.trim();
    String[] w = s.split("\\s+", 2);
    String rest = w.length > 1 ? w[1].trim() : "";
    String[] args = rest.isEmpty() ? new String[0] : rest.split("\\s+");
    switch (w[0]) {
      case "fixed":
        need(text, args, 1);
        return new Fixed(Durations.parse(args[0]));
      case "uniform":
        need(text, args, 2);
        return new Uniform(Durations.parse(args[0]), Durations.parse(args[1]));
      case "normal":
        need(text, args, 2);
        return new Normal(Durations.parse(args[0]), Durations.parse(args[1]));
      case "exponential":
        need(text, args, 2);
        return new Exponential(Durations.parse(args[0]), Durations.parse(args[1]));
      case "long-tail":
        if (rest.isEmpty()) {
          return foundationDb();
        }
        int open = rest.indexOf('(');
        int mid = rest.indexOf(") (");
        if (open < 0 || mid < 0 || !rest.endsWith(")")) {
          throw new IllegalArgumentException("expected long-tail P (FAST) (SLOW), found '" + text + "'");
        }
        double p = Double.parseDouble(rest.substring(0, open).trim());
        return new LongTail(parse(rest.substring(open + 1, mid)), parse(rest.substring(mid + 3, rest.length() - 1)),
            p);
      default:
        throw new IllegalArgumentException(
            "expected a latency: fixed, uniform, normal, exponential or long-tail, found '" + text + "'");
    }
  }

  private static void need(String text, String[] args, int n) {
    if (args.length != n) {
      throw new IllegalArgumentException("expected " + n + " duration(s) in latency '" + text + "'");
    }
  }
}
