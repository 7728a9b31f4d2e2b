package madjep.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

class DeterminismCheckTest {
  @Test
  void checkDeterminism_leakyNode_reportsFirstDivergentEvent() {
    DeterminismCheck.Report r = DeterminismCheck.check(
        () -> new Simulation(new Streams(1), 3, new madjep.sim.testing.LeakyNodes(), new Trace(false)),
        sim -> sim.runUntil(Durations.s(1)));
    assertFalse(r.deterministic());
    assertEquals(0, r.divergence().event(), r.divergence().describe());
    assertEquals("timer", r.divergence().kind());
  }
}
