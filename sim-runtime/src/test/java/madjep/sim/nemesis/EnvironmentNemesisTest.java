package madjep.sim.nemesis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import madjep.history.History;
import madjep.history.edn.Edn;
import madjep.sim.Durations;
import madjep.sim.HistoryRecorder;
import madjep.sim.Latency;
import madjep.sim.Regions;
import madjep.sim.SimFile;
import madjep.sim.Simulation;
import madjep.sim.Streams;
import madjep.sim.Trace;
import madjep.sim.testing.Cluster;
import madjep.sim.testing.Probe;
import org.junit.jupiter.api.Test;

/** The new partition shapes and the storage, resource, region and fault-point families as the nemesis runs them. */
class EnvironmentNemesisTest {
  private static final long MS = Durations.MS;

  private static Nemesis nemesis(Cluster c, HistoryRecorder rec, long seed) {
    return new Nemesis(c.sim, rec, new SplittableRandom(seed), FaultSettings.all(), Environment.defaults());
  }

  @Test
  void leaderOneWay_leaderSendsButHearsNobody() {
    Cluster c = new Cluster(1, 5);
    Nemesis n = nemesis(c, new HistoryRecorder(c.sim, "t"), 1);
    c.nodes[2].ctx.announce("leader", 1L);
    n.startPartition("leader-one-way");
    for (int b = 0; b < 5; b++) {
      if (b != 2) {
        assertTrue(c.sim.network().blocked(b, 2), "n" + (b + 1) + " -> leader cut");
        assertFalse(c.sim.network().blocked(2, b), "leader -> n" + (b + 1) + " flows");
      }
    }
    c.stream(2, 0, 10, MS);
    c.stream(0, 2, 10, MS);
    c.sim.runUntil(100 * MS);
    assertEquals(10, c.nodes[0].got.size(), "the leader's messages arrive");
    assertEquals(0, c.nodes[2].got.size(), "nothing reaches the leader");
  }

  @Test
  void isolateLeader_leaderAloneBothWays() {
    Cluster c = new Cluster(2, 5);
    Nemesis n = nemesis(c, new HistoryRecorder(c.sim, "t"), 2);
    c.nodes[3].ctx.announce("leader", 1L);
    n.startPartition("isolate-leader");
    assertEquals(8, c.sim.network().blockedLinks());
    for (int b = 0; b < 5; b++) {
      if (b != 3) {
        assertTrue(c.sim.network().blocked(b, 3) && c.sim.network().blocked(3, b));
      }
    }
  }

  @Test
  void randomMinority_cutsAMinorityOfRandomSize() {
    TreeSet<Integer> sizes = new TreeSet<>();
    for (long seed = 0; seed < 30; seed++) {
      List<int[]> g = Grudges.randomMinority(7, new SplittableRandom(seed));
      assertEquals(7, g.get(0).length + g.get(1).length);
      assertTrue(g.get(0).length >= 1 && g.get(0).length <= 3);
      sizes.add(g.get(0).length);
    }
    assertEquals(3, sizes.size(), "sizes 1, 2 and 3 all occur");
  }

  /** A started 3-node cluster in two regions whose disks hold data, with a history recorder. */
  private static Object[] populated(long seed) {
    Probe[] nodes = new Probe[3];
    Simulation sim = new Simulation(new Streams(seed), 3, id -> nodes[id] = new Probe(), new Trace(true));
    sim.setRegions(new Regions(List.of("east", "west"), new int[] {0, 0, 1},
        new Latency[] {null, new Latency.Fixed(30 * MS), new Latency.Fixed(30 * MS), null}));
    sim.start();
    sim.setStorageAtlas(madjep.sim.StorageAtlas.off());
    for (int i = 0; i < 3; i++) {
      SimFile f = sim.disk(i).open("data");
      f.append(new byte[4096], 0, 4096);
      f.fsync();
    }
    return new Object[] {sim, new HistoryRecorder(sim, "t")};
  }

  @Test
  void everyFamily_startAndEndRecordedWithItsOwnFNames() {
    Object[] p = populated(3);
    Simulation sim = (Simulation) p[0];
    HistoryRecorder rec = (HistoryRecorder) p[1];
    Nemesis n = new Nemesis(sim, rec, new SplittableRandom(3), FaultSettings.all(), Environment.defaults());
    List<String> steps = List.of("1ms bitflip all", "2ms corrupt-sector n1", "3ms truncate-file n2",
        "4ms latent-sector n3", "5ms start-disk-errors all", "6ms stop-disk-errors", "7ms start-fsync-errors n1",
        "8ms stop-fsync-errors", "9ms fill-disk n2", "10ms free-disk", "11ms start-slow-disk n3",
        "12ms stop-slow-disk", "13ms start-slow-cpu n1", "14ms stop-slow-cpu", "15ms start-memory-pressure n2",
        "16ms stop-memory-pressure", "17ms start-region-partition west", "18ms stop-region-partition",
        "19ms start-wan-degrade east west", "20ms stop-wan-degrade", "21ms start-buggify", "22ms stop-buggify");
    List<Step> parsed = new ArrayList<>();
    for (String s : steps) {
      parsed.add(Step.parse(s));
    }
    new Schedule.Steps(parsed).install(sim, n, new SplittableRandom(0), 0, Durations.s(1));
    sim.runUntil(100 * MS);
    History h = rec.build();
    assertEquals(2 * steps.size(), h.size());
    assertEquals(0, h.problemCount(), "each fault's asked and done ops pair up");
    List<String> fs = new ArrayList<>();
    for (int i = 0; i < h.size(); i += 2) {
      fs.add(h.f(i).name());
    }
    List<String> expected = new ArrayList<>();
    for (String s : steps) {
      expected.add(s.split(" ")[1]);
    }
    assertEquals(expected, fs);
    assertTrue(Edn.print(h.value(5)).matches("\\{\"n2\" \\{:file \"data\", :from 4096, :to [0-9]+\\}\\}"),
        "truncate-file says file, from and to: " + Edn.print(h.value(5)));
    assertEquals("{:region \"west\", :nodes [\"n3\"]}", Edn.print(h.value(33)));
    assertEquals("[[\"n1\"] {:factor 10.0}]", Edn.print(h.value(25)));
    assertFalse(sim.faultPoints().enabled());
  }

  @Test
  void corrupt_atlasProtectsTheMajority_recordsOnlyTheHitNodes() {
    Object[] p = populated(4);
    Simulation sim = (Simulation) p[0];
    HistoryRecorder rec = (HistoryRecorder) p[1];
    sim.setStorageAtlas(madjep.sim.StorageAtlas.node(3, 1, new SplittableRandom(4)));
    Nemesis n = new Nemesis(sim, rec, new SplittableRandom(4), FaultSettings.all(), Environment.defaults());
    n.environment().corrupt(EnvironmentFaults.BITFLIP, "all");
    History h = rec.build();
    String done = Edn.print(h.value(1));
    int hit = sim.storageAtlas().faultyNodes()[0];
    assertTrue(done.startsWith("{\"n" + (hit + 1) + "\" {:file \"data\""), done);
    assertEquals(1, done.split(":file").length - 1, "one node hit: " + done);
  }

  @Test
  void slowCpu_fromTheNemesis_makesTheTargetsEventsCostTheFactor() {
    Cluster c = new Cluster(5, 2);
    Nemesis n = nemesis(c, new HistoryRecorder(c.sim, "t"), 5);
    n.environment().startSlowCpu("n2");
    assertEquals(10.0, c.sim.slowFactor(1));
    assertEquals(1.0, c.sim.slowFactor(0));
    n.healAll();
    assertEquals(1.0, c.sim.slowFactor(1), "healed at the end of the main phase");
  }

  @Test
  void regionFaults_withoutRegions_notApplicable() {
    Cluster c = new Cluster(6, 3);
    Nemesis n = nemesis(c, new HistoryRecorder(c.sim, "t"), 6);
    assertFalse(n.applicable(FaultKind.REGION));
    assertTrue(n.applicable(FaultKind.CORRUPT));
  }

  @Test
  void faultKinds_allNamesEveryFamily_classicIsJepsens() {
    assertEquals(16, FaultKind.parse(List.of("all")).size());
    assertEquals(7, FaultKind.classic().size());
    assertEquals(FaultKind.classic(), FaultSettings.standard().kinds());
  }
}
