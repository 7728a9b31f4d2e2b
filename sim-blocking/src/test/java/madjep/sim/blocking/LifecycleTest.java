package madjep.sim.blocking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import madjep.sim.Durations;
import madjep.sim.SimFile;
import madjep.sim.Simulation;
import org.junit.jupiter.api.Test;

/** Crashes end every task at once, restarts run start again with durable state only, pauses stop scheduling. */
class LifecycleTest {
  /**
   * Three tasks tick every millisecond; each tick is appended to a shared count, and the boot number is written
   * to disk at start (synced).
   */
  static final class Ticker implements BlockingNode {
    int ticks;
    int boot;
    String bootsOnDisk;

    @Override
    public void start(BlockingContext ctx) {
      SimFile f = ctx.disk().open("boots");
      bootsOnDisk = new String(f.readAll(), StandardCharsets.UTF_8);
      boot = bootsOnDisk.length() + 1;
      f.append(new byte[] {'b'}, 0, 1);
      f.fsync();
      for (int i = 0; i < 3; i++) {
        ctx.spawn("ticker" + i, () -> {
          while (true) {
            ctx.sleep(Durations.ms(1));
            ticks++;
          }
        });
      }
    }
  }

  @Test
  void crash_endsEveryTask_restartRunsStartWithOnlyDurableState() {
    Simulation sim = Runs.start(7, 1, BlockingNodeFactory.of(id -> new Ticker()));
    sim.runUntil(Durations.ms(10) + 1);
    Ticker before = Runs.node(sim, 0);
    assertEquals(30, before.ticks, "three tasks, ten ticks each");
    sim.crash(0);
    sim.runUntil(Durations.ms(20) + 1);
    assertEquals(30, before.ticks, "no task of the crashed incarnation ran again");
    assertNull(sim.node(0));
    sim.restart(0);
    sim.runUntil(Durations.ms(25) + 1);
    Ticker after = Runs.node(sim, 0);
    assertEquals(2, after.boot, "start ran again and found the synced boot record");
    assertEquals("b", after.bootsOnDisk);
    assertEquals(15, after.ticks, "fresh volatile state, three tasks ticking again");
    assertEquals(30, before.ticks);
  }

  @Test
  void pause_noTaskRuns_resumeDeliversTheMissedWakeUps() {
    Simulation sim = Runs.start(7, 1, BlockingNodeFactory.of(id -> new Ticker()));
    sim.runUntil(Durations.ms(5) + 1);
    Ticker t = Runs.node(sim, 0);
    assertEquals(15, t.ticks);
    sim.pause(0);
    sim.runUntil(Durations.ms(50));
    assertEquals(15, t.ticks, "paused: not one task ran");
    sim.resume(0);
    sim.runUntil(Durations.ms(50));
    assertEquals(18, t.ticks, "each task's missed timer fires once on resume");
    sim.runUntil(Durations.ms(55) + 1);
    assertTrue(t.ticks > 18);
  }

  @Test
  void stop_runsTheStopTask_thenTasksEnd() {
    boolean[] stopped = new boolean[1];
    Simulation sim = Runs.start(7, 1, BlockingNodeFactory.of(id -> new BlockingNode() {
      @Override
      public void start(BlockingContext ctx) {}

      @Override
      public void stop(BlockingContext ctx) {
        stopped[0] = true;
      }
    }));
    sim.runUntil(Durations.ms(1));
    sim.stop(0);
    assertTrue(stopped[0]);
    assertTrue(sim.isDown(0));
  }

  /** Server 1 answers a request {@code ms} after it came; server 0 calls it once per boot, slower the first time. */
  static final class SlowEcho implements BlockingNode {
    static final java.util.List<Object> replies = new java.util.ArrayList<>();

    @Override
    public void start(BlockingContext ctx) {
      if (ctx.id() == 0) {
        long ms = ctx.disk().exists("booted") ? 100 : 50;
        ctx.disk().open("booted").fsync();
        replies.add(ctx.call(1, ms, Durations.s(1)));
      }
    }

    @Override
    public Object serve(BlockingContext ctx, int from, Object request) {
      ctx.sleep(Durations.ms((Long) request));
      return "reply to " + request;
    }
  }

  @Test
  void restart_lateReplyToThePreviousIncarnation_neverReachesTheNewOnesCall() {
    SlowEcho.replies.clear();
    Simulation sim = Runs.start(7, 2, BlockingNodeFactory.of(id -> new SlowEcho()));
    sim.runUntil(Durations.ms(10));
    sim.crash(0);
    sim.restart(0);
    sim.runUntil(Durations.s(1));
    assertEquals(java.util.List.of("reply to 100"), SlowEcho.replies, "the 50 ms reply came back to no one");
  }
}
