package madjep.sim.blocking.junit;

import madjep.junit.SimSeed;
import madjep.junit.SimTest;
import madjep.sim.scenario.Bundled;

/**
 * README's {@code @SimTest} example for a blocking-style system: each seed of the range is a JUnit test of its own,
 * run and checked as an event-style system's would be. Replay one seed with {@code -Dmadjep.test.seed=N}.
 */
class KvBlockingSeedsTest {
  @SimTest(seeds = "1..8")
  void kvBlocking_everyFault_staysLinearizable(SimSeed sim) {
    sim.check(Bundled.get("kv-blocking").scenario());
  }
}
