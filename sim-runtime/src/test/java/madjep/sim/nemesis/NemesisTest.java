package madjep.sim.nemesis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import madjep.history.History;
import madjep.history.edn.Keyword;
import madjep.sim.Durations;
import madjep.sim.HistoryRecorder;
import madjep.sim.testing.Cluster;
import org.junit.jupiter.api.Test;

class NemesisTest {
  private static int seen(boolean[][] g, int a) {
    int c = 0;
    for (int b = 0; b < g.length; b++) {
      c += g[a][b] ? 0 : 1;
    }
    return c;
  }

  @Test
  void majoritiesRing_fiveNodes_eachSeesADifferentMajority() {
    boolean[][] g = Grudges.majoritiesRing(5, new SplittableRandom(1));
    java.util.Set<String> views = new java.util.TreeSet<>();
    for (int a = 0; a < 5; a++) {
      assertEquals(3, seen(g, a), "node " + a + " sees itself and two neighbours");
      StringBuilder v = new StringBuilder();
      for (int b = 0; b < 5; b++) {
        v.append(g[a][b] ? '.' : 'x');
        assertEquals(g[a][b], g[b][a], "symmetric");
      }
      views.add(v.toString());
    }
    assertEquals(5, views.size());
  }

  @Test
  void bridge_fiveNodes_bridgeSeesAllHalvesDoNot() {
    boolean[][] g = Grudges.bridge(5, new SplittableRandom(2));
    int bridges = 0;
    for (int a = 0; a < 5; a++) {
      if (seen(g, a) == 5) {
        bridges++;
      } else {
        assertEquals(3, seen(g, a), "a half of two plus the bridge");
      }
    }
    assertEquals(1, bridges);
  }

  @Test
  void targets_specs_resolveToRightSizes() {
    Cluster c = new Cluster(3, 5);
    Nemesis n = new Nemesis(c.sim, new HistoryRecorder(c.sim, "t"), new SplittableRandom(3),
        FaultSettings.standard());
    assertEquals(1, n.targets("one").length);
    assertEquals(3, n.targets("majority").length);
    assertEquals(5, n.targets("all").length);
    assertTrue(n.targets("minority").length <= 2);
    assertEquals(List.of(0, 2), java.util.Arrays.stream(n.targets("n1,n3")).boxed().toList());
  }

  @Test
  void faults_recordedAsNemesisInfoPairs() {
    Cluster c = new Cluster(4, 5);
    HistoryRecorder rec = new HistoryRecorder(c.sim, "t");
    Nemesis n = new Nemesis(c.sim, rec, new SplittableRandom(4), FaultSettings.standard());
    c.sim.at(Durations.s(1), () -> n.startPartition("n1 n2 | n3 n4 n5"));
    c.sim.at(Durations.s(2), n::stopPartition);
    c.sim.at(Durations.s(3), () -> n.kill("n2"));
    c.sim.at(Durations.s(4), n::restart);
    c.sim.runUntil(Durations.s(5));
    History h = rec.build();
    assertEquals(8, h.size());
    for (int i = 0; i < h.size(); i++) {
      assertTrue(h.isInfo(i));
      assertEquals(Keyword.of("nemesis"), h.processName(h.process(i)));
    }
    assertEquals(0, h.problemCount(), "start and end pair up");
    assertEquals(Keyword.of("start-partition"), h.f(0));
    assertEquals(Durations.s(1), h.time(0));
    assertEquals("[\"n2\"]", madjep.history.edn.Edn.print(h.value(5)));
    assertTrue(c.sim.isUp(1));
  }

  @Test
  void partition_explicitGroups_blocksExactlyAcross() {
    Cluster c = new Cluster(5, 5);
    Nemesis n = new Nemesis(c.sim, new HistoryRecorder(c.sim, "t"), new SplittableRandom(5),
        FaultSettings.standard());
    n.startPartition("n1 n2 | n3 n4 n5");
    assertTrue(c.sim.network().blocked(0, 2));
    assertTrue(c.sim.network().blocked(4, 1));
    assertFalse(c.sim.network().blocked(0, 1));
    assertFalse(c.sim.network().blocked(2, 4));
    assertEquals(12, c.sim.network().blockedLinks());
  }

  @Test
  void packet_targetedNode_onlyItsLinksSuffer_untilStopped() {
    Cluster c = new Cluster(6, 3);
    Nemesis n = new Nemesis(c.sim, new HistoryRecorder(c.sim, "t"), new SplittableRandom(6),
        FaultSettings.standard().withPackets(1.0, 0, 0, 0, null));
    n.startPacket("n1");
    c.stream(1, 0, 20, Durations.MS);
    c.stream(1, 2, 20, Durations.MS);
    c.sim.runUntil(Durations.ms(100));
    assertEquals(0, c.nodes[0].got.size(), "n1's links lose everything");
    assertEquals(20, c.nodes[2].got.size(), "other links are untouched");
    n.stopPacket();
    c.stream(1, 0, 20, Durations.MS);
    c.sim.runUntil(Durations.ms(200));
    assertEquals(20, c.nodes[0].got.size(), "back to normal after stop-packet");
  }

  @Test
  void swarm_seed_picksSettingsDeterministically() {
    FaultSettings a = Swarm.draw(new SplittableRandom(9), FaultSettings.standard());
    FaultSettings b = Swarm.draw(new SplittableRandom(9), FaultSettings.standard());
    assertEquals(Swarm.describe(a), Swarm.describe(b));
    java.util.Set<String> mixes = new java.util.TreeSet<>();
    for (long s = 0; s < 20; s++) {
      mixes.add(Swarm.describe(Swarm.draw(new SplittableRandom(s), FaultSettings.standard())).split(" ")[1]);
    }
    assertTrue(mixes.size() > 5, "seeds pick different fault mixes: " + mixes);
  }

  @Test
  void step_parse_rejectsUnknownActions() {
    assertEquals(new Step(Durations.s(5), "kill", "n1"), Step.parse("5s kill n1"));
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> Step.parse("5s explode"));
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> Step.parse("5s kill"));
  }
}
