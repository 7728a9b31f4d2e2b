package madjep.harness.shrink;

import madjep.harness.Run;
import madjep.history.History;
import madjep.sim.scenario.Scenario;

/**
 * How big a run is, for before/after figures.
 *
 * @param faultSteps fault steps applied in the main phase (the explicit schedule's length)
 * @param ops client ops invoked
 * @param events simulator events run
 * @param simulated simulated nanoseconds, to the last op's end
 * @param duration the main phase's length in nanoseconds
 * @param clients client threads that take ops
 * @param keys keys the workload uses at a time
 * @param nodes servers
 */
public record Counts(int faultSteps, long ops, long events, long simulated, long duration, int clients, int keys,
    int nodes) {
  /** The counts of {@code run}, whose explicit schedule has {@code faultSteps} steps. */
  static Counts of(Run run, int faultSteps) {
    Scenario s = run.sim().scenario();
    History h = run.sim().history();
    long ops = 0;
    for (int i = 0; i < h.size(); i++) {
      if (h.isClient(i) && h.isInvoke(i)) {
        ops++;
      }
    }
    return new Counts(faultSteps, ops, run.sim().events(), run.sim().simulated(), s.duration(),
        Cuts.running(s).size(), s.keys(), s.nodes());
  }
}
