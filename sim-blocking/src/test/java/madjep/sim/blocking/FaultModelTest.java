package madjep.sim.blocking;

import static madjep.sim.Durations.MS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import madjep.sim.Assertions;
import madjep.sim.DiskException;
import madjep.sim.Durations;
import madjep.sim.FaultPoints;
import madjep.sim.Latency;
import madjep.sim.SimFile;
import madjep.sim.Simulation;
import madjep.sim.Streams;
import madjep.sim.Trace;
import madjep.sim.blocking.BlockingContextTest.Scripted;
import org.junit.jupiter.api.Test;

/**
 * A blocking-style node sees the faults an event-style node sees: fault points, assertions, and its disk with the
 * storage fault model, whose slow operations park only the task that issued them. Each with a fixed seed.
 */
class FaultModelTest {
  /** A cluster of {@code n} scripted nodes, set up by {@code setup} before it starts. */
  private static Simulation run(long seed, int n, long until, Consumer<Simulation> setup, Scripted.Script script) {
    Simulation sim = new Simulation(new Streams(seed), n, BlockingNodeFactory.of(id -> new Scripted(script)),
        new Trace(true));
    setup.accept(sim);
    sim.start();
    sim.runUntil(until);
    return sim;
  }

  private static long msSince(BlockingContext ctx, long t0) {
    return (ctx.monotonic() - t0) / MS;
  }

  // ---- fault points and assertions ----

  private static final Scripted.Script TWO_TASKS_BUGGIFY = (ctx, self) -> {
    ctx.spawn("second", () -> {
      for (int i = 0; i < 100; i++) {
        if (ctx.buggify("skip-cache")) {
          self.log.add("second " + i);
        }
        ctx.sleep(MS);
      }
    });
    for (int i = 0; i < 100; i++) {
      if (ctx.buggify("skip-cache")) {
        self.log.add("start " + i);
      }
      ctx.sleep(MS);
    }
  };

  @Test
  void buggify_enabled_firesInTasksAsTheSeedSays_sameSeedSameFires_disabledNever() {
    Simulation on = run(7, 1, Durations.s(1), s -> {
      s.faultPoints().setEnabled(true);
      s.faultPoints().setProbabilities(1.0, 0.25);
    }, TWO_TASKS_BUGGIFY);
    List<String> fired = Runs.<Scripted>node(on, 0).log;
    assertTrue(fired.size() > 20 && fired.size() < 80, fired.toString());
    assertEquals(List.of(new FaultPoints.Count("skip-cache", true, 200, fired.size())), on.faultPoints().counts());

    Simulation again = run(7, 1, Durations.s(1), s -> {
      s.faultPoints().setEnabled(true);
      s.faultPoints().setProbabilities(1.0, 0.25);
    }, TWO_TASKS_BUGGIFY);
    assertEquals(fired, Runs.<Scripted>node(again, 0).log);

    Simulation off = run(7, 1, Durations.s(1), s -> { }, TWO_TASKS_BUGGIFY);
    assertEquals(List.of(), Runs.<Scripted>node(off, 0).log);
    assertEquals(List.of(new FaultPoints.Count("skip-cache", false, 200, 0)), off.faultPoints().counts());
  }

  @Test
  void assertions_fromATask_alwaysFalseFailsTheRunNamingNodeAndTime_sometimesAndReachableRecorded() {
    Simulation sim = run(1, 2, Durations.s(1), s -> { }, (ctx, self) -> {
      ctx.sleep(5 * MS);
      ctx.always("leader-unique", ctx.id() != 1);
      ctx.sometimes("was-leader", ctx.id() == 0);
      ctx.reachable("booted");
    });
    assertEquals(1, sim.assertions().failures());
    List<Assertions.Result> results = sim.assertions().results();
    Assertions.Result always = results.stream().filter(r -> r.name().equals("leader-unique")).findFirst().get();
    assertTrue(always.failed());
    assertEquals("n2", always.first().node());
    assertEquals(5 * MS, always.first().time());
    assertTrue(results.stream().filter(r -> !r.name().equals("leader-unique")).allMatch(Assertions.Result::seen),
        results.toString());
  }

  // ---- the disk: slow operations park their task ----

  @Test
  void fsyncWithLatency_parksOnlyItsTask_otherTasksAndPeersRequestsRunMeanwhile() {
    Simulation sim = run(1, 2, Durations.s(1), s -> s.storage(0).setLatencies(null, null,
        new Latency.Fixed(50 * MS)), (ctx, self) -> {
          long t0 = ctx.monotonic();
          if (ctx.id() == 1) {
            ctx.sleep(5 * MS);
            self.log.add(ctx.call(0, "hi", Durations.s(1)) + " at " + msSince(ctx, t0));
            return;
          }
          ctx.spawn("other", () -> {
            ctx.sleep(MS);
            self.log.add("other at " + msSince(ctx, t0));
          });
          SimFile f = ctx.disk().open("log");
          f.append(new byte[] {1, 2, 3}, 0, 3);
          f.fsync();
          self.log.add("synced at " + msSince(ctx, t0) + ", durable " + f.durableSize());
        });
    assertEquals(List.of("other at 1", "synced at 50, durable 3"), Runs.<Scripted>node(sim, 0).log);
    List<String> peer = Runs.<Scripted>node(sim, 1).log;
    assertEquals(1, peer.size());
    long answeredAt = Long.parseLong(peer.get(0).replace("echo hi at ", ""));
    assertTrue(answeredAt < 50, "answered during the fsync: " + peer);
  }

  @Test
  void crashDuringAParkedFsync_taskNeverResumes_writesNotDurableAtTheCrash() {
    Simulation sim = new Simulation(new Streams(3), 1, BlockingNodeFactory.of(id -> new Scripted((ctx, self) -> {
      if (ctx.disk().exists("log")) {
        return;
      }
      SimFile f = ctx.disk().open("log");
      f.append(new byte[600], 0, 600);
      f.fsync();
      self.log.add("synced");
    })), new Trace(true));
    sim.storage(0).setLatencies(null, null, new Latency.Fixed(50 * MS));
    sim.start();
    sim.runUntil(20 * MS);
    SimFile before = sim.disk(0).open("log");
    assertEquals(0, before.durableSize(), "not durable while the fsync is in flight");
    Scripted crashed = Runs.node(sim, 0);
    assertEquals(List.of(), crashed.log);
    sim.crash(0);
    sim.runUntil(Durations.s(1));
    assertEquals(List.of(), crashed.log, "the task never resumes");
    // The crash found the write pending: it lost it, tore it, or kept it whole, as the seed chose.
    long lostOrTorn = sim.disk(0).lostWrites() + sim.disk(0).tornWrites();
    assertTrue(lostOrTorn == 1 || before.durableSize() == 600, lostOrTorn + " " + before.durableSize());
  }

  @Test
  void slowDisk_writeAndReadParkTheirTaskForTheSlowedLatency() {
    Simulation sim = run(1, 1, Durations.s(1), s -> s.storage(0).setSlowFactor(20), (ctx, self) -> {
      long t0 = ctx.monotonic();
      ctx.spawn("other", () -> {
        ctx.sleep(MS);
        self.log.add("other at " + msSince(ctx, t0));
      });
      SimFile f = ctx.disk().open("log");
      f.append(new byte[] {9}, 0, 1);
      self.log.add("written at " + msSince(ctx, t0));
      byte[] b = new byte[1];
      f.read(0, b, 0, 1);
      self.log.add("read " + b[0] + " at " + msSince(ctx, t0));
    });
    assertEquals(List.of("other at 1", "written at 20", "read 9 at 40"), Runs.<Scripted>node(sim, 0).log);
  }

  @Test
  void fsyncAsync_taskWritesOnAndWaitsLater_durableAtCompletion_failureFromGet() {
    Simulation sim = run(1, 2, Durations.s(1), s -> {
      s.storage(0).setLatencies(null, null, new Latency.Fixed(30 * MS));
      s.storage(1).setLatencies(null, null, new Latency.Fixed(30 * MS));
      s.storage(1).setFsyncFailure(1.0);
    }, (ctx, self) -> {
      long t0 = ctx.monotonic();
      SimFile f = ctx.disk().open("log");
      f.append(new byte[] {1, 2, 3}, 0, 3);
      SimFuture<Void> synced = ctx.fsyncAsync(f);
      f.append(new byte[] {4}, 0, 1);
      self.log.add("issued at " + msSince(ctx, t0) + ", durable " + f.durableSize());
      try {
        synced.get();
        self.log.add("synced at " + msSince(ctx, t0) + ", durable " + f.durableSize() + " of " + f.size());
      } catch (DiskException e) {
        self.log.add(e.kind() + " at " + msSince(ctx, t0));
      }
    });
    assertEquals(List.of("issued at 0, durable 0", "synced at 30, durable 3 of 4"), Runs.<Scripted>node(sim, 0).log);
    assertEquals(List.of("issued at 0, durable 0", "IO_ERROR at 30"), Runs.<Scripted>node(sim, 1).log);
  }

  // ---- the disk: errors ----

  @Test
  void fsyncFailure_escapingATask_killsAndRestartsTheNode_caughtTheNodeLives() {
    List<String> boots = new ArrayList<>();
    Scripted.Script script = (ctx, self) -> {
      boots.add(ctx.name() + " boots");
      if (ctx.disk().exists("log")) {
        return;
      }
      SimFile f = ctx.disk().open("log");
      f.append(new byte[] {1}, 0, 1);
      if (ctx.id() == 0) {
        f.fsync();
      } else {
        try {
          f.fsync();
        } catch (DiskException e) {
          boots.add(ctx.name() + " caught " + e.kind());
        }
      }
    };
    Simulation sim = run(1, 2, Durations.s(5), s -> {
      s.storage(0).setFsyncFailure(1.0);
      s.storage(1).setFsyncFailure(1.0);
    }, script);
    assertEquals(1, sim.diskExits());
    assertEquals(List.of("n1 boots", "n2 boots", "n2 caught IO_ERROR", "n1 boots"), boots);
    assertTrue(sim.trace().text().contains("unhandled disk error"), "the trace says why n1 died");
  }

  @Test
  void fullDisk_growingWriteInATask_throwsNoSpaceWhichTheTaskCatches() {
    Simulation sim = run(1, 1, Durations.s(1), s -> s.storage(0).setCapacity(10), (ctx, self) -> {
      SimFile f = ctx.disk().open("log");
      f.append(new byte[8], 0, 8);
      try {
        f.append(new byte[8], 0, 8);
      } catch (DiskException e) {
        self.log.add(e.kind() + ", size " + f.size());
      }
    });
    assertEquals(List.of("NO_SPACE, size 8"), Runs.<Scripted>node(sim, 0).log);
  }

  @Test
  void corruption_bitFlipOnReadAndLatentSectorError_reachTheTask() {
    Simulation sim = run(1, 2, Durations.s(1), s -> {
      s.storage(0).setErrorRates(1.0, 0, 0);
      s.storage(1).setErrorRates(0, 1.0, 0);
    }, (ctx, self) -> {
      SimFile f = ctx.disk().open("log");
      f.append(new byte[64], 0, 64);
      byte[] b = new byte[64];
      try {
        f.read(0, b, 0, 64);
        int ones = 0;
        for (byte x : b) {
          ones += Integer.bitCount(x & 0xff);
        }
        self.log.add("bits set " + ones);
      } catch (DiskException e) {
        self.log.add(e.kind().toString());
      }
    });
    assertEquals(List.of("bits set 1"), Runs.<Scripted>node(sim, 0).log);
    assertEquals(List.of("IO_ERROR"), Runs.<Scripted>node(sim, 1).log);
  }

  // ---- determinism ----

  /** Three nodes whose tasks write, fsync (failing now and then), read and hit fault points, under crashes. */
  private static String faultyRun(long seed) {
    Simulation sim = new Simulation(new Streams(seed), 3, BlockingNodeFactory.of(id -> new Scripted((ctx, self) -> {
      for (int t = 0; t < 2; t++) {
        String file = "f" + t;
        ctx.spawn("io" + t, () -> {
          SimFile f = ctx.disk().open(file);
          for (int i = 0; i < 40; i++) {
            f.append(new byte[] {(byte) i}, 0, 1);
            try {
              f.fsync();
              ctx.log(file + " durable " + f.durableSize());
            } catch (DiskException e) {
              ctx.log(file + " " + e.kind());
            }
            if (ctx.buggify("stall")) {
              ctx.sleep(ctx.random().nextLong(10 * MS));
            }
            ctx.sleep(MS);
          }
        });
      }
    })), new Trace(true));
    for (int i = 0; i < 3; i++) {
      sim.storage(i).setLatencies(new Latency.Uniform(MS / 10, MS), new Latency.Uniform(MS / 10, MS),
          new Latency.Uniform(MS, 5 * MS));
      sim.storage(i).setFsyncFailure(0.1);
    }
    sim.faultPoints().setEnabled(true);
    sim.start();
    sim.runUntil(30 * MS);
    sim.crash(1);
    sim.runUntil(60 * MS);
    sim.restart(1);
    sim.runUntil(Durations.s(1));
    return sim.trace().text();
  }

  @Test
  void diskFaultsAndFaultPoints_sameSeed_sameTrace_otherSeedOther() {
    String a = faultyRun(11);
    assertTrue(a.contains("IO_ERROR") && a.contains("durable"), a);
    assertEquals(a, faultyRun(11));
    assertNotEquals(a, faultyRun(12));
  }
}
