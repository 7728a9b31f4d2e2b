package madjep.sim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import madjep.sim.Durations;
import madjep.sim.Node;
import madjep.sim.NodeContext;
import madjep.sim.NodeFactory;
import madjep.sim.NodeFailure;
import madjep.sim.testing.LeaderStore;
import org.junit.jupiter.api.Test;

/**
 * A system that schedules work with no delay for ever (here n3 re-arms a zero-delay timer from the moment it is up)
 * would keep virtual time at one instant and the run going for ever: the run stops as the system's failure instead,
 * naming the endpoint, and a working system's run is untouched.
 */
class TimeStoodStillTest {
  private static final NodeFactory SPINNER = id -> new Node() {
    @Override
    public void start(NodeContext ctx) {
      if (id == 2) {
        ctx.setTimer(Durations.ms(300), "go");
      }
    }

    @Override
    public void receive(NodeContext ctx, int from, Object message) {}

    @Override
    public void timer(NodeContext ctx, Object tag) {
      ctx.setTimer(0, "again");
    }
  };

  @Test
  void zeroDelayTimerForEver_runStopsNamingTheNode() {
    SimResult r = SimRunner.run(Scenario.builder("spin").system("spin", SPINNER).seed(5).duration(Durations.s(2))
        .faultMode("none").build());
    NodeFailure f = r.failure();
    assertNotNull(f, "the run stopped");
    assertEquals("n3", f.node());
    assertEquals("timer", f.during());
    assertTrue(f.time() >= Durations.ms(300) && f.time() < Durations.ms(400), "at " + f.time());
    assertTrue(f.error().getMessage().startsWith("virtual time stood still at " + f.time() + " ns"), f.describe());
    assertTrue(r.trace().contains("n3: virtual time stood still"), r.trace());
  }

  @Test
  void workingSystem_unaffected() {
    SimResult r = SimRunner.run(Scenario.builder("fine").system("leader", new LeaderStore()).seed(5)
        .duration(Durations.s(2)).build());
    assertNull(r.failure());
  }
}
