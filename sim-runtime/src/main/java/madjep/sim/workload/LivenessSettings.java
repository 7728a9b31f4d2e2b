package madjep.sim.workload;

import madjep.sim.Durations;

/**
 * What a system must do once faults heal: within {@code window} of simulated time after the main phase ends (every
 * fault healed), every client must complete at least {@code minOps} ops it invoked in that window, with an answer
 * from the system ({@code :ok}, or a {@code :fail} the system gave, such as a failed cas). Clients keep invoking ops
 * through the window. {@code minOps = 0} switches the check off.
 */
public record LivenessSettings(long window, int minOps) {
  public LivenessSettings {
    if (window < 0) {
      throw new IllegalArgumentException("liveness.window: expected 0 or more, found " + window + "ns");
    }
    if (minOps < 0) {
      throw new IllegalArgumentException("liveness.min-ops: expected 0 or more, found " + minOps);
    }
    if (minOps > 0 && window <= 0) {
      throw new IllegalArgumentException("liveness.window: expected a window above 0 when min-ops is " + minOps);
    }
  }

  /** Five simulated seconds, one op per client. */
  public static LivenessSettings defaults() {
    return new LivenessSettings(Durations.s(5), 1);
  }

  /** No liveness check (and no recovery window). */
  public static LivenessSettings off() {
    return new LivenessSettings(0, 0);
  }

  public boolean enabled() {
    return minOps > 0;
  }
}
