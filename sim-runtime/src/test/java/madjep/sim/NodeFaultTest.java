package madjep.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import madjep.sim.testing.Cluster;
import madjep.sim.testing.Probe;
import org.junit.jupiter.api.Test;

class NodeFaultTest {
  private static final long MS = Durations.MS;

  private static byte[] bytes(int n, int fill) {
    byte[] b = new byte[n];
    java.util.Arrays.fill(b, (byte) fill);
    return b;
  }

  @Test
  void disk_crash_losesUnsyncedKeepsSynced() {
    Cluster c = new Cluster(1, 1);
    SimFile f = c.sim.disk(0).open("data");
    f.append(bytes(100, 1), 0, 100);
    f.fsync();
    // Unsynced writes are lost whole, kept whole or torn: write many and some must go.
    for (int i = 0; i < 30; i++) {
      f.append(bytes(600, 2), 0, 600);
    }
    c.sim.crash(0);
    byte[] after = c.sim.disk(0).open("data").readAll();
    assertTrue(after.length >= 100);
    for (int i = 0; i < 100; i++) {
      assertEquals(1, after[i], "synced byte " + i + " survives");
    }
    assertTrue(c.sim.disk(0).lostWrites() > 0, "some unsynced writes lost");
    assertTrue(after.length < 100 + 30 * 600 || hasZeros(after), "not everything unsynced survived intact");
  }

  private static boolean hasZeros(byte[] b) {
    for (byte x : b) {
      if (x == 0) {
        return true;
      }
    }
    return false;
  }

  @Test
  void disk_tornWrite_eachSectorWholeOldOrWholeNew() {
    boolean sawTorn = false;
    for (long seed = 0; seed < 40 && !sawTorn; seed++) {
      SimFile f = new SimDisk().open("x");
      f.write(0, bytes(4 * SimDisk.SECTOR, 1), 0, 4 * SimDisk.SECTOR);
      f.fsync();
      f.write(0, bytes(4 * SimDisk.SECTOR, 2), 0, 4 * SimDisk.SECTOR);
      int[] r = f.crash(new SplittableRandom(seed));
      byte[] b = f.readAll();
      assertEquals(4 * SimDisk.SECTOR, b.length);
      int newSectors = 0;
      for (int s = 0; s < 4; s++) {
        byte first = b[s * SimDisk.SECTOR];
        for (int i = 0; i < SimDisk.SECTOR; i++) {
          assertEquals(first, b[s * SimDisk.SECTOR + i], "a sector is never split");
        }
        newSectors += first == 2 ? 1 : 0;
      }
      if (r[1] == 1 && newSectors > 0 && newSectors < 4) {
        sawTorn = true;
      }
    }
    assertTrue(sawTorn, "some seed tears the write between sectors");
  }

  @Test
  void disk_crashOutcome_chosenBySeed() {
    byte[][] out = new byte[2][];
    for (int run = 0; run < 2; run++) {
      SimFile f = new SimDisk().open("x");
      for (int i = 0; i < 10; i++) {
        f.append(bytes(700, i + 1), 0, 700);
      }
      f.crash(new SplittableRandom(42));
      out[run] = f.readAll();
    }
    assertArrayEquals(out[0], out[1]);
  }

  @Test
  void crash_volatileStateGone_timersOfOldIncarnationNeverFire() {
    Cluster c = new Cluster(2, 2);
    Probe before = c.nodes[0];
    before.ctx.setTimer(50 * MS, "old");
    c.sim.at(10 * MS, () -> c.sim.crash(0));
    c.sim.at(20 * MS, () -> c.sim.restart(0));
    c.sim.runUntil(100 * MS);
    assertNotSame(before, c.nodes[0], "a restart makes fresh volatile state");
    assertTrue(before.timers.isEmpty());
    assertTrue(c.nodes[0].timers.isEmpty(), "the old incarnation's timer does not reach the new one");
  }

  @Test
  void crash_downNode_receivesNothingUntilRestart() {
    Cluster c = new Cluster(3, 2);
    c.sim.crash(1);
    c.stream(0, 1, 50, MS);
    c.sim.at(25 * MS, () -> c.sim.restart(1));
    c.sim.runUntil(100 * MS);
    for (Probe.Got g : c.nodes[1].got) {
      assertTrue(g.time() >= 25 * MS);
    }
    assertTrue(c.nodes[1].got.size() < 30);
  }

  @Test
  void stop_graceful_syncsDiskAndCallsStop() {
    List<String> stopped = new ArrayList<>();
    Simulation sim = new Simulation(new Streams(4), 1, id -> new Node() {
      @Override
      public void start(NodeContext ctx) {
        ctx.disk().open("f").append(bytes(10, 7), 0, 10);
      }

      @Override
      public void receive(NodeContext ctx, int from, Object message) {}

      @Override
      public void stop(NodeContext ctx) {
        stopped.add(ctx.name());
      }
    }, new Trace(false));
    sim.start();
    sim.stop(0);
    assertEquals(List.of("n1"), stopped);
    assertTrue(sim.isDown(0));
    assertEquals(0, sim.disk(0).lostWrites());
    assertEquals(10, sim.disk(0).open("f").durableSize());
  }

  @Test
  void pause_pausedNode_handlesNothingUntilResumed() {
    Cluster c = new Cluster(5, 2);
    c.nodes[1].ctx.setTimer(30 * MS, "t");
    c.sim.pause(1);
    c.stream(0, 1, 50, MS);
    c.sim.runUntil(60 * MS);
    assertTrue(c.nodes[1].got.isEmpty());
    assertTrue(c.nodes[1].timers.isEmpty());
    c.sim.at(80 * MS, () -> c.sim.resume(1));
    c.sim.runUntil(81 * MS);
    assertEquals(50, c.nodes[1].got.size(), "everything that waited arrives on resume");
    assertEquals(List.of("t"), c.nodes[1].timers);
    for (Probe.Got g : c.nodes[1].got) {
      assertEquals(80 * MS, g.time());
    }
  }

  @Test
  void clock_skew_nodesReadDifferentTimes() {
    Cluster c = new Cluster(6, 3);
    c.sim.runUntil(1000 * MS);
    assertEquals(c.nodes[0].ctx.now(), c.nodes[1].ctx.now());
    c.sim.clock(1).bump(250 * MS);
    c.sim.clock(2).drift(c.sim.now(), 100_000);
    c.sim.runUntil(2000 * MS);
    assertEquals(2000 * MS, c.nodes[0].ctx.now());
    assertEquals(2250 * MS, c.nodes[1].ctx.now());
    assertEquals(2100 * MS, c.nodes[2].ctx.now(), "10% fast for one second");
    c.sim.clock(1).bump(-500 * MS);
    assertEquals(1750 * MS, c.nodes[1].ctx.now(), "a jump backwards");
  }

  @Test
  void clock_drift_fastClockFiresTimersEarly() {
    Cluster c = new Cluster(7, 1);
    c.sim.clock(0).drift(0, 1_000_000);
    c.nodes[0].ctx.setTimer(100 * MS, "t");
    c.sim.runUntil(51 * MS);
    assertEquals(List.of("t"), c.nodes[0].timers, "a clock at double speed counts 100ms in 50ms");
  }

  @Test
  void clock_driftFast_oneNanosecondTimerStillMovesTime() {
    Cluster c = new Cluster(9, 1);
    c.sim.clock(0).drift(0, 50_000);
    c.nodes[0].ctx.setTimer(1, "t");
    long before = c.sim.now();
    c.sim.runUntil(MS);
    assertEquals(List.of("t"), c.nodes[0].timers);
    assertTrue(c.sim.eventCount() == 1 && c.sim.now() > before);
  }

  @Test
  void clock_bump_movesWallClockNotMonotonic() {
    Cluster c = new Cluster(10, 1);
    c.sim.runUntil(100 * MS);
    long mono = c.nodes[0].ctx.monotonic();
    c.sim.clock(0).bump(-50 * MS);
    assertEquals(mono, c.nodes[0].ctx.monotonic());
    assertEquals(50 * MS, c.nodes[0].ctx.now());
    c.sim.clock(0).reset(c.sim.now());
    assertEquals(100 * MS, c.nodes[0].ctx.now());
  }

  @Test
  void rpc_requestTimesOutWithoutReply_andRoutesReply() {
    Cluster c = new Cluster(8, 2);
    List<String> outcomes = new ArrayList<>();
    c.nodes[0].ctx.request(1, "ping", 100 * MS, handler(outcomes));
    c.sim.runUntil(200 * MS);
    assertEquals(List.of("timeout"), outcomes, "the probe never replies");
    Object req = c.nodes[1].got.get(0).message();
    c.nodes[0].ctx.request(1, "ping2", 100 * MS, handler(outcomes));
    c.sim.runUntil(210 * MS);
    Rpc.Request r2 = (Rpc.Request) c.nodes[1].got.get(1).message();
    c.nodes[1].ctx.reply(0, r2, "pong");
    c.sim.runUntil(400 * MS);
    assertEquals(List.of("timeout", "response pong"), outcomes);
    assertNotEquals(req, r2);
    assertEquals(0, c.nodes[0].ctx.pendingRequests());
  }

  @Test
  void rpc_differentTimeouts_eachFiresAtItsOwnDeadline() {
    Cluster c = new Cluster(11, 2);
    List<String> outcomes = new ArrayList<>();
    for (long ms : new long[] {50, 10, 30}) {
      c.nodes[0].ctx.request(1, "q" + ms, ms * MS, new Rpc.Handler() {
        @Override
        public void response(Object body) {
          outcomes.add("response");
        }

        @Override
        public void timeout() {
          outcomes.add(ms + "@" + c.sim.now() / MS);
        }
      });
    }
    c.sim.runUntil(100 * MS);
    assertEquals(List.of("10@10", "30@30", "50@50"), outcomes);
    assertEquals(0, c.nodes[0].ctx.pendingRequests());
  }

  private static Rpc.Handler handler(List<String> outcomes) {
    return new Rpc.Handler() {
      @Override
      public void response(Object body) {
        outcomes.add("response " + body);
      }

      @Override
      public void timeout() {
        outcomes.add("timeout");
      }
    };
  }
}
