package madjep.harness.shrink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import madjep.harness.Harness;
import madjep.harness.Run;
import madjep.sim.Durations;
import madjep.sim.nemesis.FaultKind;
import madjep.sim.nemesis.FaultSettings;
import madjep.sim.nemesis.Step;
import madjep.sim.scenario.Scenario;
import madjep.sim.scenario.ScenarioFiles;
import org.junit.jupiter.api.Test;

/**
 * Shrinks runs of a user-style system named by its class, as a scenario file names it: {@link LaggingBackup}
 * acknowledges before it replicates, so a crash or a cut of n1 lets n2 serve stale reads. The other faults around
 * it are noise the shrinker must drop.
 */
class ShrinkerTest {
  private static final Harness HARNESS = Harness.defaults();

  private static Scenario scenario(long seed) {
    return ScenarioFiles.parseToml("""
        name = "leader-store"
        system = "madjep.harness.shrink.LaggingBackup"
        nodes = 3
        duration = "8s"
        quiet = "500ms"
        finals = "1s"
        [clients]
        concurrency = 4
        rate = 50.0
        [faults]
        kinds = ["kill", "partition", "pause", "clock"]
        interval = "700ms"
        """, "leader-store.toml").withSeed(seed);
  }

  private static Run run(Scenario s) {
    return HARNESS.check(HARNESS.simulate(s), "");
  }

  /** The first seed from 1 whose run fails; the test needs one, whatever the simulator draws. */
  private static Scenario failing() {
    for (long seed = 1; seed <= 40; seed++) {
      Scenario s = scenario(seed);
      if (FailureKind.of(run(s)).failed()) {
        return s;
      }
    }
    throw new AssertionError("no failing seed of leader-store in 1..40");
  }

  private static boolean failsLike(Scenario s, FailureKind kind) {
    return kind.matchedBy(FailureKind.of(run(s)));
  }

  @Test
  void shrink_crashLosesWrites_smallerOneMinimalAndReplaysFromItsFile() {
    Scenario s = failing();
    Shrunk r = Shrinker.of(HARNESS).withJobs(2).shrink(s);
    assertTrue(r.explicitIdentical(), "the explicit schedule replays the same client ops");
    assertTrue(r.oneMinimal(), r.notes().toString());
    assertTrue(r.after().faultSteps() < r.before().faultSteps(), r.table().toString());
    assertTrue(r.after().ops() < r.before().ops(), r.table().toString());
    List<Step> steps = Cuts.steps(r.scenario());
    assertTrue(steps.stream().anyMatch(st -> st.arg().contains("n1") || st.arg().contains("n2")),
        "the story needs a fault of n1 or n2: " + steps);
    assertEquals("none", r.scenario().faultMode());

    // The file, read back, fails the same way; removing any one step or client, it passes.
    Scenario back = ScenarioFiles.parseToml(r.toml("madjep sim run min.toml"), "min.toml");
    assertTrue(failsLike(back, r.failure()));
    for (int i = 0; i < steps.size(); i++) {
      List<Step> less = new ArrayList<>(steps);
      less.remove(i);
      assertFalse(failsLike(Cuts.withSteps(back, less), r.failure()), "without " + steps.get(i));
    }
    List<Integer> running = Cuts.running(back);
    for (int i = 0; running.size() > 1 && i < running.size(); i++) {
      List<Integer> less = new ArrayList<>(running);
      less.remove(i);
      assertFalse(failsLike(Cuts.withRunning(back, less), r.failure()), "without client " + running.get(i));
    }
    assertTrue(r.toml("madjep sim run min.toml").startsWith("# Shrunk from leader-store seed " + s.seed()));
  }

  @Test
  void shrink_oneJobOrThree_sameScenario() {
    Scenario s = failing();
    Shrunk one = Shrinker.of(HARNESS).withJobs(1).shrink(s);
    Shrunk three = Shrinker.of(HARNESS).withJobs(3).shrink(s);
    assertEquals(one.scenario(), three.scenario());
  }

  @Test
  void shrink_validSeed_notFailingSaysSo() {
    Scenario quiet = scenario(1).toBuilder().faultMode("none").build();
    Shrinker.NotFailing e = assertThrows(Shrinker.NotFailing.class, () -> Shrinker.of(HARNESS).shrink(quiet));
    assertTrue(e.getMessage().contains("does not fail"), e.getMessage());
    assertEquals(madjep.history.Verdict.VALID, e.run().verdict());
  }

  @Test
  void shrink_budgetSpent_bestSoFarStillFailsAndSaysNotVerified() {
    Scenario s = failing();
    Shrunk r = Shrinker.of(HARNESS).withJobs(1).withBudget(Duration.ofNanos(1)).shrink(s);
    assertFalse(r.oneMinimal());
    assertTrue(r.notes().stream().anyMatch(n -> n.contains("budget ran out")), r.notes().toString());
    assertTrue(failsLike(r.scenario(), r.failure()));
  }

  /** Phases come in order; every smallest-so-far reported fails the same way (an interrupted shrink writes it). */
  @Test
  void progress_phasesInOrder_smallestSoFarFailsTheSameWay() {
    List<String> phases = new ArrayList<>();
    List<Scenario> smallest = new ArrayList<>();
    Scenario s = failing();
    Shrunk r = Shrinker.of(HARNESS).withJobs(1).withListener(p -> {
      if (phases.isEmpty() || !phases.get(phases.size() - 1).equals(p.phase())) {
        phases.add(p.phase());
      }
      if (smallest.isEmpty() || !smallest.get(smallest.size() - 1).equals(p.smallest())) {
        smallest.add(p.smallest());
      }
    }).shrink(s);
    assertEquals("shortening the main phase", phases.get(0));
    assertTrue(phases.contains("removing fault steps") && phases.contains("removing clients"), phases.toString());
    assertEquals("checking 1-minimality", phases.get(phases.size() - 1));
    assertTrue(smallest.size() > 2, "smaller scenarios were reported: " + smallest.size());
    assertEquals(r.scenario().toBuilder().name(s.name()).build(), smallest.get(smallest.size() - 1));
    for (Scenario each : smallest) {
      assertTrue(failsLike(each, r.failure()), "reported as failing: " + ScenarioFiles.toToml(each));
    }
  }

  @Test
  void counts_ofRun_countInvocationsAndRunningClients() {
    Scenario s = scenario(2).toBuilder().faults(FaultSettings.none().withKinds(EnumSet.noneOf(FaultKind.class)))
        .duration(Durations.s(2)).build();
    Run run = run(s);
    Counts c = Counts.of(run, 0);
    assertEquals(4, c.clients());
    assertEquals(3, c.nodes());
    assertTrue(c.ops() > 10 && c.ops() * 2 <= run.sim().history().size(), c.toString());
  }
}
