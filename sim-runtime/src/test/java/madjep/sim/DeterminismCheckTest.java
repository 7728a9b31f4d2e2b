package madjep.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

class DeterminismCheckTest {
  /** A node whose choice depends on identity hash codes, which differ between runs. */
  private static final class Leaky implements Node {
    @Override
    public void start(NodeContext ctx) {
      ctx.setTimer(1_000_000L + (System.identityHashCode(new Object()) & 0xffff), "tick");
    }

    @Override
    public void receive(NodeContext ctx, int from, Object message) {}

    @Override
    public void timer(NodeContext ctx, Object tag) {
      ctx.setTimer(1_000_000L + (System.identityHashCode(new Object()) & 0xffff), "tick");
    }
  }

  @Test
  void checkDeterminism_leakyNode_reportsFirstDivergentEvent() {
    DeterminismCheck.Report r = DeterminismCheck.check(
        () -> new Simulation(new Streams(1), 3, id -> new Leaky(), new Trace(false)),
        sim -> sim.runUntil(Durations.s(1)));
    assertFalse(r.deterministic());
    assertEquals(0, r.divergence().event(), r.divergence().describe());
    assertEquals("timer", r.divergence().kind());
  }
}
