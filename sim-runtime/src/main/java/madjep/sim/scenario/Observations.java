package madjep.sim.scenario;

import java.util.List;
import madjep.sim.Assertions;
import madjep.sim.FaultPoints;

/**
 * What a run watched besides its history: assertions and invariants, fault points, per-server metrics. (What each
 * fault family did is the run's {@link FaultCoverage}.)
 *
 * @param assertions every assertion and invariant by name, with its failures; any failed one fails the run
 * @param faultPoints every fault point reached, with its evaluations and fires
 * @param metrics per-server samples as JSON Lines (see {@link madjep.sim.MetricsRecorder}), empty when off
 */
public record Observations(List<Assertions.Result> assertions, List<FaultPoints.Count> faultPoints, String metrics) {
  public Observations {
    assertions = List.copyOf(assertions);
    faultPoints = List.copyOf(faultPoints);
  }

  /** The assertions and invariants that failed, by name. */
  public List<Assertions.Result> failures() {
    return assertions.stream().filter(Assertions.Result::failed).toList();
  }
}
