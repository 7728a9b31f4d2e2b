package madjep.sim.blocking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import madjep.sim.Durations;
import madjep.sim.Simulation;
import org.junit.jupiter.api.Test;

/** The two carriers run the same tasks in the same order: a seed gives the same bytes on either. */
class CarrierTest {
  /** Each node's tasks call random peers, sleep random times and share a lock; every step goes to the trace. */
  static final class Gossip implements BlockingNode {
    @Override
    public void start(BlockingContext ctx) {
      SimLock lock = ctx.newLock();
      for (int i = 0; i < 3; i++) {
        String name = "g" + i;
        ctx.spawn(name, () -> {
          for (int round = 0; round < 20; round++) {
            int peer = ctx.random().nextInt(ctx.servers());
            try {
              Object r = ctx.call(peer, name + "." + round, Durations.ms(20));
              lock.lock();
              try {
                ctx.log(name + " got " + r);
                ctx.sleep(ctx.random().nextLong(Durations.ms(3)));
              } finally {
                lock.unlock();
              }
            } catch (SimTimeoutException e) {
              ctx.log(name + " timed out");
            }
          }
        });
      }
    }

    @Override
    public Object serve(BlockingContext ctx, int from, Object request) {
      ctx.sleep(ctx.random().nextLong(Durations.ms(2)));
      return ctx.name() + ":" + request;
    }
  }

  private static String run(BlockingNodeFactory f, long seed) {
    Simulation sim = Runs.start(seed, 3, f);
    sim.after(Durations.ms(30), () -> sim.crash(1));
    sim.after(Durations.ms(60), () -> sim.restart(1));
    sim.after(Durations.ms(40), () -> sim.pause(2));
    sim.after(Durations.ms(70), () -> sim.resume(2));
    sim.runUntil(Durations.s(2));
    return sim.trace().text() + Long.toHexString(sim.eventHash());
  }

  @Test
  void directAndHandoff_sameSeed_sameTraceAndEvents() {
    assertEquals("direct", BlockingNodeFactory.mechanism(), "the tests run with --add-opens");
    BlockingNodeFactory direct = BlockingNodeFactory.of(id -> new Gossip());
    for (long seed = 0; seed < 3; seed++) {
      String a = run(direct, seed);
      assertTrue(a.contains(" got "), a);
      assertEquals(a, run(direct, seed), "direct, seed " + seed + ", twice");
      assertEquals(a, run(direct.withHandoff(), seed), "hand-off, seed " + seed);
    }
    assertNotEquals(run(direct, 0), run(direct, 1));
  }
}
