package madjep.sim.scenario;

import java.util.List;
import madjep.sim.Assertions;
import madjep.sim.FaultPoints;
import madjep.sim.MetricSamples;

/**
 * What a run watched besides its history: assertions and invariants, fault points, per-server metrics. (What each
 * fault family did is the run's {@link FaultCoverage}.)
 *
 * @param assertions every assertion and invariant by name, with its failures; any failed one fails the run
 * @param faultPoints every fault point reached, with its evaluations and fires
 * @param metrics per-server samples as JSON Lines (see {@link madjep.sim.MetricsRecorder}), empty when off
 * @param metricSamples the same samples as columns, {@link MetricSamples#NONE} when off
 */
public record Observations(List<Assertions.Result> assertions, List<FaultPoints.Count> faultPoints, String metrics,
    MetricSamples metricSamples) {
  public Observations {
    assertions = List.copyOf(assertions);
    faultPoints = List.copyOf(faultPoints);
    java.util.Objects.requireNonNull(metricSamples, "metricSamples");
  }

  /** Observations whose metrics are JSON Lines only (no columns). */
  public Observations(List<Assertions.Result> assertions, List<FaultPoints.Count> faultPoints, String metrics) {
    this(assertions, faultPoints, metrics, MetricSamples.NONE);
  }

  /** The assertions and invariants that failed, by name. */
  public List<Assertions.Result> failures() {
    return assertions.stream().filter(Assertions.Result::failed).toList();
  }
}
