package madjep.sim.blocking.kv;

import madjep.harness.Harness;
import madjep.history.Verdict;
import madjep.sim.scenario.SimResult;

/** The verdict of the checker a run's workload names, through the harness, as `madjep sim run` gives it. */
final class Checks {
  private Checks() {}

  static Verdict verdict(SimResult r) {
    return Harness.defaults().check(r, "").verdict();
  }
}
