package madjep.sim.workload;

import java.util.List;
import madjep.sim.Durations;

/**
 * What a system must do once faults heal: within {@code window} of simulated time after the main phase ends (every
 * fault healed), every client must complete at least {@code minOps} ops it invoked in that window, with an answer
 * from the system ({@code :ok}, or a {@code :fail} the system gave, such as a failed cas). Clients keep invoking ops
 * through the window. {@code minOps = 0} switches the check off.
 *
 * <p>{@code degraded} names fault families ({@code slow}, {@code slow-disk}, {@code kill}, {@code pause}, {@code
 * partition}) that the nodes {@code degradedTargets} names keep through the window (TigerBeetle's liveness mode: a
 * core is healed, the rest may stay faulty): a system that tolerates a minority of failed or fail-slow nodes, or a
 * cluster that is slow all over, must still serve every client. Crashes, pauses and partitions may only be kept by a
 * minority ({@code one}, {@code minority}, {@code minority-third} or at most (nodes - 1) / 2 names). Empty (the
 * default): every fault heals.
 */
public record LivenessSettings(long window, int minOps, List<String> degraded, String degradedTargets) {
  /** Every fault heals for the window. */
  public LivenessSettings(long window, int minOps) {
    this(window, minOps, List.of(), "minority");
  }

  public LivenessSettings {
    degraded = List.copyOf(degraded);
    if (degradedTargets == null) {
      degradedTargets = "minority";
    }
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

  /** The same check, with the nodes {@code targets} names keeping the faults of {@code families} through the window. */
  public LivenessSettings withDegraded(List<String> families, String targets) {
    return new LivenessSettings(window, minOps, families, targets);
  }

  /** No liveness check (and no recovery window). */
  public static LivenessSettings off() {
    return new LivenessSettings(0, 0);
  }

  public boolean enabled() {
    return minOps > 0;
  }
}
