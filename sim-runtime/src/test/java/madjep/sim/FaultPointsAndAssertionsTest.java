package madjep.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class FaultPointsAndAssertionsTest {
  private static final long MS = Durations.MS;

  /** Every 1 ms evaluates fault points "a".."h" and asserts on a counter. */
  private static final class Busy implements Node {
    int ticks;

    @Override
    public void start(NodeContext ctx) {
      ctx.setTimer(MS, "tick");
    }

    @Override
    public void receive(NodeContext ctx, int from, Object message) {}

    @Override
    public void timer(NodeContext ctx, Object tag) {
      ticks++;
      for (char p = 'a'; p <= 'h'; p++) {
        ctx.buggify(String.valueOf(p));
      }
      ctx.always("ticks-positive", ticks > 0);
      ctx.always("fewer-than-50-ticks", ticks < 50);
      ctx.sometimes("tick-is-7", ticks == 7);
      ctx.sometimes("tick-is-negative", ticks < 0);
      if (ticks == 3) {
        ctx.reachable("third-tick");
      }
      if (ticks > 1000) {
        ctx.unreachable("thousandth-tick");
      }
      ctx.setTimer(MS, "tick");
    }
  }

  @Test
  void buggify_disabled_neverFires_butCountsEvaluations() {
    Simulation sim = new Simulation(new Streams(1), 1, id -> new Busy(), new Trace(false));
    sim.runUntil(100 * MS);
    for (FaultPoints.Count c : sim.faultPoints().counts()) {
      assertEquals(100, c.evaluations());
      assertEquals(0, c.fired());
    }
  }

  @Test
  void buggify_enabled_someActivePointsFire_inactiveNever() {
    Simulation sim = new Simulation(new Streams(2), 1, id -> new Busy(), new Trace(false));
    sim.faultPoints().setEnabled(true);
    sim.faultPoints().setProbabilities(0.5, 0.25);
    sim.runUntil(400 * MS);
    List<FaultPoints.Count> counts = sim.faultPoints().counts();
    assertEquals(8, counts.size());
    int active = 0;
    for (FaultPoints.Count c : counts) {
      if (c.active()) {
        active++;
        assertTrue(c.fired() > 60 && c.fired() < 140, c.toString());
      } else {
        assertEquals(0, c.fired(), c.toString());
      }
    }
    assertTrue(active > 0 && active < 8, "two levels: some points on for the run, others off: " + active);
  }

  @Test
  void buggify_sameSeed_sameFires() {
    String[] out = new String[2];
    for (int run = 0; run < 2; run++) {
      Simulation sim = new Simulation(new Streams(3), 1, id -> new Busy(), new Trace(false));
      sim.faultPoints().setEnabled(true);
      sim.runUntil(200 * MS);
      out[run] = sim.faultPoints().counts().toString();
    }
    assertEquals(out[0], out[1]);
  }

  @Test
  void assertions_alwaysFailure_namesNodeTimeAndIncarnation_sometimesAndReachableReported() {
    Simulation sim = new Simulation(new Streams(4), 2, id -> new Busy(), new Trace(true));
    sim.runUntil(100 * MS);
    assertEquals(102, sim.assertions().failures(), "ticks 50..100 on both nodes");
    Assertions.Result fewer = find(sim, "fewer-than-50-ticks");
    assertTrue(fewer.failed());
    assertEquals("n1", fewer.first().node());
    assertEquals(50 * MS, fewer.first().time());
    assertEquals(1, fewer.first().incarnation());
    assertFalse(find(sim, "ticks-positive").failed());
    assertTrue(find(sim, "tick-is-7").seen());
    assertFalse(find(sim, "tick-is-negative").seen());
    assertFalse(find(sim, "tick-is-negative").failed(), "sometimes never fails a run");
    assertTrue(find(sim, "third-tick").seen());
    assertTrue(sim.trace().text().contains("n1: always assertion 'fewer-than-50-ticks' failed"));
  }

  @Test
  void assertions_sameNameTwoKinds_nodeFailureStopsTheRun() {
    Simulation sim = new Simulation(new Streams(5), 1, id -> new Node() {
      @Override
      public void start(NodeContext ctx) {
        ctx.always("x", true);
        ctx.sometimes("x", true);
      }

      @Override
      public void receive(NodeContext ctx, int from, Object message) {}
    }, new Trace(false));
    sim.start();
    // The node's own code is wrong: the run stops with its failure, as for any exception a node throws.
    assertTrue(sim.halted());
    assertTrue(sim.failure().error() instanceof IllegalArgumentException, sim.failure().describe());
    assertEquals("start", sim.failure().during());
  }

  @Test
  void invariant_checkedAtItsInterval_brokenOneFailsTheRunWithItsText() {
    Simulation sim = new Simulation(new Streams(6), 3, id -> new Busy(), new Trace(true));
    sim.start();
    int[] checks = new int[1];
    sim.addInvariant(new Invariant.Named("under-20-ticks", Invariant.Scope.RUNNING, 10 * MS, (nodes, now) -> {
      checks[0]++;
      for (Node n : nodes) {
        if (n != null && ((Busy) n).ticks >= 20) {
          return "a node has " + ((Busy) n).ticks + " ticks";
        }
      }
      return null;
    }));
    sim.runUntil(55 * MS);
    assertEquals(5, checks[0]);
    Assertions.Result r = find(sim, "under-20-ticks");
    assertEquals(Assertions.Kind.INVARIANT, r.kind());
    // A check and a tick due at the same moment: the check was scheduled first, so it sees the tick before.
    assertEquals(3, r.failures(), "at 30, 40, 50 ms");
    assertEquals("cluster", r.first().node());
    assertEquals(30 * MS, r.first().time());
    assertEquals("a node has 29 ticks", r.first().detail());
  }

  @Test
  void invariant_scopeRunning_pausedAndCrashedNodesAreNull() {
    Simulation sim = new Simulation(new Streams(7), 3, id -> new Busy(), new Trace(false));
    sim.start();
    sim.pause(0);
    sim.crash(1);
    int[] seen = new int[2];
    sim.addInvariant(new Invariant.Named("running", Invariant.Scope.RUNNING, 0, (nodes, now) -> {
      seen[0] = (nodes.get(0) == null ? 1 : 0) + (nodes.get(1) == null ? 1 : 0) + (nodes.get(2) == null ? 1 : 0);
      return null;
    }));
    sim.addInvariant(new Invariant.Named("live", Invariant.Scope.LIVE, 0, (nodes, now) -> {
      seen[1] = (nodes.get(0) == null ? 1 : 0) + (nodes.get(1) == null ? 1 : 0) + (nodes.get(2) == null ? 1 : 0);
      return null;
    }));
    sim.runUntil(5 * MS);
    assertEquals(2, seen[0]);
    assertEquals(1, seen[1]);
    assertTrue(find(sim, "running").evaluations() > 0, "checked after every event");
  }

  private static Assertions.Result find(Simulation sim, String name) {
    for (Assertions.Result r : sim.assertions().results()) {
      if (r.name().equals(name)) {
        return r;
      }
    }
    throw new AssertionError("no assertion " + name);
  }
}
