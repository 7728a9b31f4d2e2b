package madjep.sim.blocking.kv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import madjep.history.Verdict;
import madjep.sim.scenario.SimResult;
import madjep.sim.scenario.SimRunner;
import org.junit.jupiter.api.Test;

/** The blocking-style Raft store is linearizable under every fault; its early-ack bug is caught. */
class KvNodeTest {
  @Test
  void correct_fullFaultMix_linearizableAndLive() {
    for (long seed = 1; seed <= 10; seed++) {
      SimResult r = SimRunner.run(KvBlockingProvider.base().withSeed(seed));
      assertEquals(0, r.history().problemCount(), "seed " + seed);
      assertEquals(Verdict.VALID, Checks.verdict(r), "seed " + seed);
      assertTrue(r.stats().get("ops-completed") > 1000, "seed " + seed + ": " + r.stats());
    }
  }

  @Test
  void earlyAck_caughtWithin50Seeds() {
    for (long seed = 1; seed <= 50; seed++) {
      if (Checks.verdict(SimRunner.run(KvBlockingProvider.earlyAck().withSeed(seed)))
          == Verdict.INVALID) {
        System.out.println("kv-blocking-early-ack: caught at seed " + seed);
        return;
      }
    }
    throw new AssertionError("early-ack not caught within 50 seeds");
  }
}
