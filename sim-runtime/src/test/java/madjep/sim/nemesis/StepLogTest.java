package madjep.sim.nemesis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import madjep.sim.Durations;
import madjep.sim.HistoryRecorder;
import madjep.sim.testing.Cluster;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class StepLogTest {
  @Test
  void groups_cleanSplit_readsAsGroups() {
    boolean[][] g = Grudges.groups(5, List.of(new int[] {0, 3}, new int[] {1, 2, 4}));
    assertEquals("n1 n4 | n2 n3 n5", StepLog.groups(g));
  }

  @Test
  void groups_bridgeOrOneWay_isNoSplit() {
    assertNull(StepLog.groups(Grudges.bridge(5, new SplittableRandom(1))));
    assertNull(StepLog.groups(Grudges.oneWay(5, new int[] {0}, new int[] {1, 2})));
    assertNull(StepLog.groups(new boolean[3][3]), "nothing cut is not a partition into groups");
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
  void grudge_randomShapes_readBackEqual(int seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    int n = 3 + rng.nextInt(5);
    boolean[][] g = switch (seed % 3) {
      case 0 -> Grudges.majoritiesRing(n, rng);
      case 1 -> Grudges.bridge(n, rng);
      default -> Grudges.oneWay(n, new int[] {0, 1}, new int[] {2});
    };
    boolean[][] back = StepLog.parseGrudge(StepLog.grudge(g), n);
    for (int a = 0; a < n; a++) {
      assertArrayEquals(g[a], back[a], "row " + a + " of " + StepLog.grudge(g));
    }
  }

  @Test
  void perNode_clockJumps_signsAndUnits() {
    List<long[]> seen = new ArrayList<>();
    StepLog.perNode("n2:+1500ms n4:-3s n1:+7ns", 5, "", (x, d) -> seen.add(new long[] {x, d}));
    assertEquals(3, seen.size());
    assertArrayEquals(new long[] {1, Durations.ms(1500)}, seen.get(0));
    assertArrayEquals(new long[] {3, -Durations.s(3)}, seen.get(1));
    assertArrayEquals(new long[] {0, 7}, seen.get(2));
  }

  @Test
  void perNode_missingSign_errorSaysWhatWasExpected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> StepLog.perNode("n1:340ppm", 3, "ppm", (x, d) -> {}));
    assertTrue(e.getMessage().contains("per-node drifts such as 'n1:+340ppm"), e.getMessage());
  }

  @Test
  void step_lateMark_parsesAndWritesBack() {
    Step s = Step.parse("1500ms+ kill n2");
    assertTrue(s.late());
    assertEquals(Durations.ms(1500), s.at());
    assertEquals("1.5s+ kill n2", s.describe());
    assertEquals("2s kill n2", Step.parse("2s kill n2").describe());
  }

  @Test
  void readable_randomTimes_parseBackExactly() {
    SplittableRandom rng = new SplittableRandom(11);
    for (int i = 0; i < 100_000; i++) {
      long t = rng.nextLong(Durations.s(100_000));
      t = i % 3 == 0 ? t : i % 3 == 1 ? t % Durations.s(1) : t % Durations.ms(1);
      String text = Durations.readable(t);
      assertEquals(t, Durations.parse(text), text);
    }
    assertEquals("5.699462449s", Durations.readable(5_699_462_449L));
    assertEquals("12.5ms", Durations.readable(12_500_000L));
    assertEquals("1500ms", Durations.format(1_500_000_000L));
    assertEquals("1.5s", Durations.readable(1_500_000_000L));
    assertEquals("999ns", Durations.readable(999));
  }

  @Test
  void nemesis_randomFaultsLogged_replayWithoutDrawsDoesTheSame() {
    Cluster c = new Cluster(7, 5);
    HistoryRecorder rec = new HistoryRecorder(c.sim, "t");
    Nemesis n = new Nemesis(c.sim, rec, new SplittableRandom(7), FaultSettings.standard());
    StepLog log = new StepLog(Durations.s(100));
    n.logSteps(log);
    String[] shapes = {"halves", "one", "majorities-ring", "bridge", "one-way", "leader-one-way", "isolate-leader",
        "random-minority"};
    for (int i = 0; i < shapes.length; i++) {
      String shape = shapes[i];
      c.sim.at(Durations.s(1 + 2 * i), () -> n.startPartition(shape));
      c.sim.at(Durations.s(2 + 2 * i), n::stopPartition);
    }
    c.sim.at(Durations.s(21), () -> n.bumpClock("majority"));
    c.sim.at(Durations.s(22), () -> n.driftClock("minority"));
    c.sim.at(Durations.s(23), () -> n.kill("follower"));
    c.sim.at(Durations.s(24), () -> n.pause("all"));
    c.sim.runUntil(Durations.s(30));
    List<Step> steps = log.steps();
    assertEquals(20, steps.size(), steps.toString());
    assertTrue(log.unexplained().isEmpty());

    // The same steps on a fresh nemesis whose stream would draw differently: the same faults, no draw taken.
    Cluster c2 = new Cluster(7, 5);
    HistoryRecorder rec2 = new HistoryRecorder(c2.sim, "t");
    SplittableRandom other = new SplittableRandom(99);
    Nemesis n2 = new Nemesis(c2.sim, rec2, other, FaultSettings.standard());
    new Schedule.Steps(steps).install(c2.sim, n2, new SplittableRandom(0), 0, Durations.s(100));
    c2.sim.runUntil(Durations.s(30));
    assertEquals(new SplittableRandom(99).nextLong(), other.nextLong(), "replay drew from the nemesis's stream");
    madjep.history.History a = rec.build();
    madjep.history.History b = rec2.build();
    assertEquals(a.size(), b.size());
    for (int i = 0; i < a.size(); i++) {
      assertEquals(a.f(i), b.f(i));
      assertEquals(a.time(i), b.time(i));
      if (i % 2 == 1) {
        assertEquals(a.value(i), b.value(i), "what fault " + a.f(i) + " did");
      }
    }
    for (int x = 0; x < 5; x++) {
      assertEquals(c.sim.clock(x).read(Durations.s(40)), c2.sim.clock(x).read(Durations.s(40)), "clock of n" + (x + 1));
    }
  }
}
