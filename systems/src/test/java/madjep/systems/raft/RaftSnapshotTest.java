package madjep.systems.raft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import madjep.history.History;
import madjep.sim.Durations;
import madjep.sim.HistoryRecorder;
import madjep.sim.Simulation;
import madjep.sim.Streams;
import madjep.sim.Trace;
import madjep.sim.testing.RegisterOracle;
import madjep.sim.workload.ClientSettings;
import madjep.sim.workload.Clients;
import madjep.sim.workload.Keys;
import madjep.sim.workload.RegisterWorkload;
import org.junit.jupiter.api.Test;

class RaftSnapshotTest {
  @Test
  void followerDownPastCompaction_catchesUpFromSnapshot_historyLinearizable() {
    RaftConfig cfg = RaftConfig.defaults().withCompactEvery(100);
    Simulation sim = new Simulation(new Streams(21), 3, id -> new RaftNode(id, cfg), new Trace(true));
    HistoryRecorder rec = new HistoryRecorder(sim, "t");
    Clients clients = new Clients(sim, new RegisterWorkload("register", Keys.uniform(5), 0), rec,
        new ClientSettings(5, 300, Durations.ms(500), Durations.ms(10)));
    clients.run(0, Durations.s(12));
    sim.at(Durations.s(1), () -> sim.crash(2));
    sim.at(Durations.s(6), () -> sim.restart(2));
    // Crash the others later: they come back from their own snapshots.
    sim.at(Durations.s(8), () -> {
      sim.crash(0);
      sim.crash(1);
    });
    sim.at(Durations.s(8) + Durations.ms(300), () -> {
      sim.restart(0);
      sim.restart(1);
    });
    sim.runUntil(Durations.s(14));
    History h = rec.build();
    assertEquals("", RegisterOracle.firstViolation(h));
    assertTrue(clients.completed() > 2000, "progress: " + clients.completed());
    long[] commits = new long[3];
    for (int i = 0; i < 3; i++) {
      RaftNode n = (RaftNode) sim.node(i);
      commits[i] = n.commitIndex();
      assertTrue(sim.disk(i).names().stream().anyMatch(f -> f.startsWith("raft.snap.")), "node " + i + " snapshots: "
          + sim.disk(i).names());
    }
    long max = Math.max(commits[0], Math.max(commits[1], commits[2]));
    for (long c : commits) {
      assertTrue(max - c < 200, "every node caught up: " + java.util.Arrays.toString(commits));
    }
    assertTrue(sim.trace().text().contains("n3: recovered"), "n3 restarted from disk");
    assertTrue(sim.trace().text().contains("n3: installed snapshot"), "n3 caught up from the leader's snapshot");
  }
}
