package madjep.sim.nemesis;

import java.util.EnumSet;
import java.util.SplittableRandom;
import madjep.sim.Durations;
import madjep.sim.Latency;

/**
 * Swarm testing (TigerBeetle's VOPR, Cassandra's qlog chances): the seed picks which faults are on and how hard,
 * so that a sweep explores many fault mixes. The drawn settings are printed at the start of the run.
 */
public final class Swarm {
  private Swarm() {}

  /**
   * Settings drawn from {@code rng}: each of the base's kinds on with probability 1/2 (at least one), rates from wide
   * ranges.
   */
  public static FaultSettings draw(SplittableRandom rng, FaultSettings base) {
    EnumSet<FaultKind> kinds = EnumSet.noneOf(FaultKind.class);
    java.util.List<FaultKind> pool = base.kinds().isEmpty() ? java.util.List.copyOf(FaultKind.classic())
        : base.orderedKinds();
    for (FaultKind k : pool) {
      if (rng.nextBoolean()) {
        kinds.add(k);
      }
    }
    if (kinds.isEmpty()) {
      kinds.add(pool.get(rng.nextInt(pool.size())));
    }
    long interval = Durations.ms(500 + rng.nextLong(9_501));
    double loss = rng.nextDouble() * 0.3;
    double dup = rng.nextDouble() * 0.5;
    double reorder = rng.nextDouble() * 0.5;
    long bound = Durations.ms(1 + rng.nextLong(100));
    long min = rng.nextLong(Durations.ms(30) + 1);
    Latency delay = new Latency.Exponential(min, Durations.ms(1 + rng.nextLong(100)));
    long bump = Durations.ms(1 + rng.nextLong(300_000));
    long drift = 1 + rng.nextLong(100_000);
    return base.withKinds(kinds).withInterval(interval).withPackets(loss, dup, reorder, bound, delay)
        .withClock(bump, drift);
  }

  /** One line per drawn setting, for the start of the trace and the console. */
  public static String describe(FaultSettings s) {
    StringBuilder sb = new StringBuilder("swarm:");
    sb.append(" faults=");
    boolean first = true;
    for (FaultKind k : s.orderedKinds()) {
      sb.append(first ? "" : ",").append(k.label());
      first = false;
    }
    sb.append(" interval=").append(Durations.format(s.interval()));
    sb.append(String.format(java.util.Locale.ROOT, " loss=%.3f duplicate=%.3f reorder=%.3f", s.loss(),
        s.duplicate(), s.reorder()));
    sb.append(" reorder-bound=").append(Durations.format(s.reorderBound()));
    sb.append(" delay=").append(s.delay() == null ? "none" : s.delay().describe());
    sb.append(" max-bump=").append(Durations.format(s.maxBump()));
    sb.append(" max-drift-ppm=").append(s.maxDriftPpm());
    return sb.toString();
  }
}
