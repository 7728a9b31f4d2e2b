package madjep.harness;

/**
 * The seeds a sweep runs: {@code from..to} inclusive, or the share of them that shard {@code shard} of {@code shards}
 * owns (a seed s belongs to shard (s - from) mod shards, counted from 0, as Kubernetes' completion index is).
 * Nothing is materialized: a range of 10^8 seeds costs what one seed costs.
 */
public record Seeds(long from, long to, int shard, int shards) {
  public Seeds {
    if (from > to) {
      throw new IllegalArgumentException("expected A..B with A <= B, found " + from + ".." + to);
    }
    if (shards < 1 || shard < 0 || shard >= shards) {
      throw new IllegalArgumentException("expected shard I/N with 0 <= I < N, found " + shard + "/" + shards);
    }
    try {
      Math.subtractExact(to, from);
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("expected a range of at most 2^63 seeds, found " + from + ".." + to);
    }
  }

  /** Every seed of {@code from..to}. */
  public static Seeds range(long from, long to) {
    return new Seeds(from, to, 0, 1);
  }

  /** How many seeds this shard runs. */
  public long count() {
    long span = to - from;
    return shard > span ? 0 : (span - shard) / shards + 1;
  }

  /** The {@code i}-th seed of this shard, {@code 0 <= i < count()}. */
  public long get(long i) {
    return from + shard + i * shards;
  }

  public String describe() {
    return from + ".." + to + (shards == 1 ? "" : ", shard " + shard + "/" + shards);
  }
}
