package madjep.sim.nemesis;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import madjep.sim.Durations;
import madjep.sim.Latency;

/**
 * What a random schedule may do and how hard. Every field has a default that matches Jepsen's combined nemesis
 * package where one exists.
 *
 * @param kinds the faults switched on
 * @param interval the mean time between fault steps (gaps uniform in 0..2x, Jepsen's stagger)
 * @param partitions the partition shapes to pick from: halves, one, primaries, majorities-ring, bridge, one-way,
 *     leader-one-way, isolate-leader, random-minority
 * @param targets the node specs kill, stop, pause and clock faults pick from: one, minority, majority, all,
 *     primaries, minority-third, follower
 * @param maxBump the largest clock jump either way
 * @param maxDriftPpm the largest clock drift either way, in parts per million
 * @param loss the loss rate of a packet fault
 * @param duplicate the duplication rate of a packet fault
 * @param reorder the reordering rate of a packet fault
 * @param reorderBound how much later a reordered message may arrive
 * @param delay the latency a packet fault imposes, or null to keep the network's
 */
public record FaultSettings(
    Set<FaultKind> kinds,
    long interval,
    List<String> partitions,
    List<String> targets,
    long maxBump,
    long maxDriftPpm,
    double loss,
    double duplicate,
    double reorder,
    long reorderBound,
    Latency delay) {

  public FaultSettings {
    // An EnumSet, not Set.copyOf: immutable sets iterate in an order salted per JVM.
    kinds = java.util.Collections.unmodifiableSet(
        kinds.isEmpty() ? EnumSet.noneOf(FaultKind.class) : EnumSet.copyOf(kinds));
    partitions = List.copyOf(partitions);
    targets = List.copyOf(targets);
    if (interval <= 0) {
      throw new IllegalArgumentException("faults.interval: expected a duration above 0, found " + interval + "ns");
    }
  }

  /**
   * Jepsen's faults (network and processes: {@link FaultKind#classic()}), every 5 seconds on average, with Jepsen's
   * partition shapes and netem-like packet rates.
   */
  public static FaultSettings standard() {
    return new FaultSettings(FaultKind.classic(), Durations.s(5),
        List.of("halves", "one", "primaries", "majorities-ring", "bridge", "one-way"),
        List.of("one", "minority", "majority", "all", "primaries"), Durations.s(60), 50_000, 0.2, 0.2, 0.2,
        Durations.ms(50), new Latency.Uniform(Durations.ms(5), Durations.ms(60)));
  }

  /** Every family of fault ({@code kinds = ["all"]}), with the standard settings. */
  public static FaultSettings all() {
    return standard().withKinds(EnumSet.allOf(FaultKind.class));
  }

  /** No faults. */
  public static FaultSettings none() {
    return standard().withKinds(EnumSet.noneOf(FaultKind.class));
  }

  public FaultSettings withKinds(Set<FaultKind> k) {
    return new FaultSettings(k.isEmpty() ? EnumSet.noneOf(FaultKind.class) : EnumSet.copyOf(k), interval,
        partitions, targets, maxBump, maxDriftPpm, loss, duplicate, reorder, reorderBound, delay);
  }

  public FaultSettings withInterval(long i) {
    return new FaultSettings(kinds, i, partitions, targets, maxBump, maxDriftPpm, loss, duplicate, reorder,
        reorderBound, delay);
  }

  public FaultSettings withPackets(double lossRate, double duplicateRate, double reorderRate, long bound,
      Latency d) {
    return new FaultSettings(kinds, interval, partitions, targets, maxBump, maxDriftPpm, lossRate, duplicateRate,
        reorderRate, bound, d);
  }

  public FaultSettings withPartitions(List<String> shapes) {
    return new FaultSettings(kinds, interval, shapes, targets, maxBump, maxDriftPpm, loss, duplicate, reorder,
        reorderBound, delay);
  }

  public FaultSettings withTargets(List<String> specs) {
    return new FaultSettings(kinds, interval, partitions, specs, maxBump, maxDriftPpm, loss, duplicate, reorder,
        reorderBound, delay);
  }

  public FaultSettings withClock(long bump, long driftPpm) {
    return new FaultSettings(kinds, interval, partitions, targets, bump, driftPpm, loss, duplicate, reorder,
        reorderBound, delay);
  }

  /** The kinds in their fixed order. */
  public List<FaultKind> orderedKinds() {
    return kinds.isEmpty() ? List.of() : List.copyOf(EnumSet.copyOf(kinds));
  }
}
