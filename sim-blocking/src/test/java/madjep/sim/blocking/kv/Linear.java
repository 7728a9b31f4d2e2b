package madjep.sim.blocking.kv;

import java.time.Duration;
import madjep.history.History;
import madjep.history.Verdict;
import madjep.linear.LinearizabilityChecker;
import madjep.linear.Models;
import madjep.linear.Options;

/** The checker register and kv workloads name: cas-register per key. */
final class Linear {
  private Linear() {}

  static Verdict check(History h) {
    return LinearizabilityChecker.check(h, Models.byName("cas-register"),
        Options.defaults().withIndependent(true).withTimeout(Duration.ofSeconds(60))).verdict();
  }
}
