package madjep.sim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;

import madjep.sim.Durations;
import madjep.sim.testing.LeaderStore;
import org.junit.jupiter.api.Test;

/** The history's room guessed up front: two ops per client op at the clients' rate over the main phase, capped. */
class ExpectedOpsTest {
  @Test
  void rateTimesDurationTwice() {
    Scenario s = Scenario.builder("g").system("store", new LeaderStore()).clients(10, 250.0).duration(Durations.s(60)).build();
    assertEquals(30_000, SimRunner.expectedOps(s));
  }

  @Test
  void aLongFastRunIsCapped() {
    Scenario s = Scenario.builder("g").system("store", new LeaderStore()).clients(100, 1000.0).duration(Durations.s(36_000)).build();
    assertEquals(1 << 23, SimRunner.expectedOps(s));
  }
}
