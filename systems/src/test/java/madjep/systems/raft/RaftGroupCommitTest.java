package madjep.systems.raft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import madjep.history.History;
import madjep.sim.Durations;
import madjep.sim.HistoryRecorder;
import madjep.sim.Simulation;
import madjep.sim.Streams;
import madjep.sim.Trace;
import madjep.sim.scenario.Bundled;
import madjep.sim.scenario.Scenario;
import madjep.sim.scenario.SimRunner;
import madjep.sim.testing.RegisterOracle;
import madjep.sim.workload.ClientSettings;
import madjep.sim.workload.Clients;
import madjep.sim.workload.Keys;
import madjep.sim.workload.RegisterWorkload;
import org.junit.jupiter.api.Test;

/** A leader that syncs and sends at most once per {@link RaftConfig#flushEvery()}. */
class RaftGroupCommitTest {
  /** Messages sent and ops completed in 5 s of 1,000 ops/s on 5 nodes, no faults. */
  private static long[] underLoad(long flushEvery) {
    RaftConfig cfg = RaftConfig.defaults().withFlushEvery(flushEvery);
    Simulation sim = new Simulation(new Streams(5), 5, id -> new RaftNode(id, cfg), new Trace(false));
    HistoryRecorder rec = new HistoryRecorder(sim, "t");
    Clients clients = new Clients(sim, new RegisterWorkload("register", Keys.uniform(10), 0), rec,
        new ClientSettings(50, 1000, Durations.s(1), Durations.ms(10)));
    clients.run(0, Durations.s(5));
    sim.runUntil(Durations.s(6));
    History h = rec.build();
    assertEquals("", RegisterOracle.firstViolation(h), "flushEvery " + flushEvery);
    return new long[] {sim.network().sent(), clients.completed()};
  }

  @Test
  void underLoad_groupsOpsIntoFewerMessages_allAnswered() {
    long[] each = underLoad(0);
    long[] grouped = underLoad(Durations.ms(10));
    // Without grouping, a leader sends each follower a message per round trip (about 2 ms here); with it, one per
    // 10 ms flush. Clients and their requests are the same in both.
    assertTrue(grouped[0] < each[0] * 0.7, "messages: " + grouped[0] + " grouped, " + each[0] + " each");
    assertTrue(grouped[1] > 4000 && each[1] > 4000, "completed: " + grouped[1] + " grouped, " + each[1] + " each");
  }

  /**
   * Three nodes, one down, and a flush a second apart: heartbeats carry entries the leader has not synced to the one
   * follower it has, which syncs and acknowledges them. Then the leader and that follower crash (the leader's disk
   * loses what it had not synced), and the leader comes back with the node that was down. Had the leader counted its
   * unsynced copy, those two would elect a leader without writes that clients were told had happened.
   */
  @Test
  void leaderCrashesBeforeItsFlush_unsyncedEntriesWereNeverAcknowledged() {
    for (long seed = 1; seed <= 8; seed++) {
      RaftConfig cfg = RaftConfig.defaults().withFlushEvery(Durations.s(1));
      Simulation sim = new Simulation(new Streams(seed), 3, id -> new RaftNode(id, cfg), new Trace(false));
      HistoryRecorder rec = new HistoryRecorder(sim, "t");
      Clients clients = new Clients(sim, new RegisterWorkload("register", Keys.uniform(3), 0), rec,
          new ClientSettings(4, 200, Durations.ms(500), Durations.ms(10)));
      clients.run(0, Durations.s(6));
      int[] roles = new int[2]; // the leader, then its one follower
      sim.at(Durations.s(1), () -> {
        roles[0] = leader(sim);
        int down = (roles[0] + 1) % 3;
        roles[1] = (roles[0] + 2) % 3;
        sim.crash(down);
      });
      sim.at(Durations.ms(1600), () -> {
        sim.crash(roles[0]);
        sim.crash(roles[1]);
      });
      sim.at(Durations.ms(1700), () -> {
        sim.restart(roles[0]);
        sim.restart((roles[0] + 1) % 3);
      });
      sim.at(Durations.s(3), () -> sim.restart(roles[1]));
      sim.runUntil(Durations.s(8));
      History h = rec.build();
      assertEquals("", RegisterOracle.firstViolation(h), "seed " + seed);
      assertTrue(clients.completed() > 300, "seed " + seed + " progress: " + clients.completed());
    }
  }

  private static int leader(Simulation sim) {
    for (int i = 0; i < 3; i++) {
      if (sim.node(i) instanceof RaftNode n && n.leading()) {
        return i;
      }
    }
    throw new AssertionError("no leader at 1 s");
  }

  /**
   * Whole-cluster kills while ops wait for a flush: a leader that counted its unsynced entries toward a commit would
   * answer clients for writes that every durable copy but a minority's lost.
   */
  @Test
  void killsAndPartitions_correctRaft_everySeedLinearizable() {
    Scenario s = Bundled.get("raft-kv-unsynced-ack").scenario().toBuilder().name("group-commit").bug("none").build();
    for (long seed = 1; seed <= 30; seed++) {
      assertEquals("", RegisterOracle.firstViolation(SimRunner.run(s.withSeed(seed)).history()), "seed " + seed);
    }
  }
}
