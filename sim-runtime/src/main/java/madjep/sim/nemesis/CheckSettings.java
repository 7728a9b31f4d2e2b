package madjep.sim.nemesis;

import madjep.sim.Durations;

/**
 * What a run watches, and its fault points' odds.
 *
 * @param metricsInterval how often each server's metrics are sampled (queue depth, messages in flight, disk bytes,
 *     dirty bytes, CPU busy fraction, memory), in simulated time (0: never)
 * @param invariantInterval how often the system's cluster-wide invariants are checked (0: after every event)
 * @param buggifyActivation the chance that a fault point is active in a run (FoundationDB: 0.25)
 * @param buggifyFire the chance that an active fault point fires each time it is reached (FoundationDB: 0.25)
 */
public record CheckSettings(long metricsInterval, long invariantInterval, double buggifyActivation,
    double buggifyFire) {

  public CheckSettings {
    if (metricsInterval < 0 || invariantInterval < 0) {
      throw new IllegalArgumentException("expected metrics and invariant intervals of at least 0");
    }
    if (!(buggifyActivation >= 0 && buggifyActivation <= 1 && buggifyFire >= 0 && buggifyFire <= 1)) {
      throw new IllegalArgumentException("expected buggify probabilities between 0 and 1");
    }
  }

  public static CheckSettings defaults() {
    return new CheckSettings(Durations.s(1), Durations.ms(100), 0.25, 0.25);
  }

  public CheckSettings withMetricsInterval(long every) {
    return new CheckSettings(every, invariantInterval, buggifyActivation, buggifyFire);
  }

  public CheckSettings withInvariantInterval(long every) {
    return new CheckSettings(metricsInterval, every, buggifyActivation, buggifyFire);
  }

  public CheckSettings withBuggify(double activation, double fire) {
    return new CheckSettings(metricsInterval, invariantInterval, activation, fire);
  }
}
