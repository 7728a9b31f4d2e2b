package madjep.harness;

import madjep.history.Verdict;
import madjep.sim.scenario.SimResult;

/**
 * One simulated and checked run: what the simulator produced, what the checker said, and the verdict they make
 * together.
 *
 * @param sim the run: history, trace, counters
 * @param check the verdict of the checker the workload names
 * @param verdict the run's verdict
 * @param replay the command that replays this run exactly
 */
public record Run(SimResult sim, CheckResult check, Verdict verdict, String replay) {
  /** The seed this run used. */
  public long seed() {
    return sim.scenario().seed();
  }

  /** One line: the checker's summary. */
  public String summary() {
    return check.summary();
  }
}
