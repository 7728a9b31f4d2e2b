package madjep.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import madjep.sim.Durations;
import madjep.junit.testing.Launch;
import madjep.sim.NodeFactory;
import madjep.sim.nemesis.FaultSettings;
import madjep.sim.scenario.Scenario;
import madjep.sim.testing.LeaderStore;
import madjep.sim.testing.OutsideCompiler;
import madjep.sim.testing.ThrowingStore;
import madjep.sim.workload.LivenessSettings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link SimTest} run by JUnit's own launcher, as a user's build runs it: outcomes per seed, overrides, parallelism. */
class SimTestExtensionTest {
  @TempDir static Path dir;
  /** The user systems, compiled outside the reactor; the target classes below load them through this. */
  static volatile ClassLoader outside;

  @BeforeAll
  static void compile() throws IOException {
    outside = OutsideCompiler.loader(OutsideCompiler.compile(dir.resolve("user")));
  }

  static NodeFactory userSystem(String name) {
    try {
      return (NodeFactory) Class.forName("com.acme." + name, true, outside).getConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A scenario of every fault kind, short, a step every 500 ms on average. */
  static Scenario scenario(String name, NodeFactory system) {
    return Scenario.builder(name).system(system).nodes(3).duration(Durations.s(4)).quiet(Durations.ms(500))
        .finals(Durations.ms(500)).liveness(new LivenessSettings(Durations.s(3), 1))
        .faults(FaultSettings.standard().withInterval(Durations.ms(500))).build();
  }

  /** What the launcher saw: display name -> failure message, or "ok". */
  private static Map<String, String> launch(Class<?> target, Map<String, String> parameters) {
    return Launch.outcomes(target, parameters, id -> {
      String method = id.getUniqueId().replaceAll(".*\\[test-template:([a-zA-Z]+).*", "$1");
      return (target == UserSystems.class ? method + " " : "") + id.getDisplayName();
    });
  }

  private static Map<String, String> store(Map<String, String> more) {
    Map<String, String> p = new java.util.HashMap<>(more);
    p.put("madjep.test.store", dir.resolve("store").toString());
    return p;
  }

  static class Correct {
    @SimTest(seeds = "1..5")
    void leaderStore(SimSeed sim) {
      // LeaderStore keeps its state in memory only: correct while no fault strikes.
      sim.check(scenario("leader", new LeaderStore()).toBuilder().faultMode("none").build());
    }
  }

  static class Throws {
    @SimTest(seeds = "1..3")
    void throwingStore(SimSeed sim) {
      sim.check(scenario("throws", new ThrowingStore()));
    }
  }

  static class UserSystems {
    @SimTest(seeds = "1..5")
    void ackDrop(SimSeed sim) {
      sim.check(scenario("ack-drop", userSystem("AckDropStore")));
    }

    @SimTest(seeds = "1..5")
    void stalling(SimSeed sim) {
      sim.check(scenario("stalling", userSystem("StallingStore")));
    }

    @SimTest(seeds = "1..200")
    void durable(SimSeed sim) {
      sim.check(scenario("durable", userSystem("DurableStore")));
    }
  }

  @Test
  void range_eachSeedItsOwnPassingTest() {
    Map<String, String> out = launch(Correct.class, store(Map.of()));
    assertEquals(List.of("seed 1", "seed 2", "seed 3", "seed 4", "seed 5"), new ArrayList<>(sortedBySeed(out)));
    assertTrue(out.values().stream().allMatch("ok"::equals), out.toString());
  }

  @Test
  void failingSeeds_messageHasVerdictStoreAndReplayCommand() throws IOException {
    Map<String, String> out = launch(Throws.class, store(Map.of()));
    assertEquals(3, out.size(), out.toString());
    String m = out.get("seed 2");
    assertTrue(m.startsWith("seed 2: INVALID (node-exception"), m);
    assertTrue(m.matches("(?s).*n1 \\(incarnation \\d+\\) threw java.lang.IllegalStateException: op 50.*"), m);
    assertTrue(m.contains("replay: mvn test -Dtest='" + Throws.class.getName() + "#throwingStore' "
        + "-Dmadjep.test.seed=2   (or MADJEP_TEST_SEED=2)"), m);
    int at = m.lastIndexOf("\nstore: ") + 8;
    String store = m.substring(at, m.indexOf('\n', at));
    assertTrue(Files.isRegularFile(Path.of(store, "results.edn")), store);
  }

  @Test
  void overrides_oneSeed_range_number() {
    assertEquals(List.of("seed 4"), sortedBySeed(launch(Correct.class, store(Map.of("madjep.test.seed", "4")))));
    assertEquals(List.of("seed 10", "seed 11", "seed 12"),
        sortedBySeed(launch(Correct.class, store(Map.of("madjep.test.seeds", "10..12")))));
    assertEquals(List.of("seed 1", "seed 2"),
        sortedBySeed(launch(Correct.class, store(Map.of("madjep.test.num", "2")))));
  }

  @Test
  void envNames_asMadsimSpellsThem() {
    assertEquals("MADJEP_TEST_SEED", SimTestSettings.envName("madjep.test.seed"));
    assertEquals("MADJEP_TEST_CHECK_DETERMINISM", SimTestSettings.envName("madjep.test.checkDeterminism"));
  }

  static class LeakyTarget {
    @SimTest(seeds = "1..2")
    void leaky(SimSeed sim) {
      sim.run(scenario("leaky", new madjep.sim.testing.LeakyNodes()).toBuilder().faultMode("none").build());
    }
  }

  @Test
  void determinismMode_leakyNode_failsWithTheFirstDifference_otherwiseNotChecked() {
    Map<String, String> checked = launch(LeakyTarget.class,
        store(Map.of("madjep.test.checkDeterminism", "true")));
    assertTrue(checked.get("seed 1").startsWith("seed 1 is not deterministic: "), checked.toString());
    Map<String, String> unchecked = launch(LeakyTarget.class, store(Map.of()));
    assertEquals("ok", unchecked.get("seed 1"), unchecked.toString());
  }

  @Test
  void userSystemsCompiledOutside_inParallel_dropperAndStallerFailEverySeed_durablePasses200() {
    Map<String, String> out = launch(UserSystems.class, store(Map.of(
        "junit.jupiter.execution.parallel.enabled", "true",
        "junit.jupiter.execution.parallel.mode.default", "concurrent",
        "junit.jupiter.execution.parallel.mode.classes.default", "concurrent")));
    assertEquals(210, out.size());
    long failed = out.values().stream().filter(v -> !v.equals("ok")).count();
    assertEquals(10, failed, "5 ack-drop and 5 stalling seeds fail, 200 durable ones pass");
    for (Map.Entry<String, String> e : out.entrySet()) {
      String v = e.getValue();
      if (!v.equals("ok")) {
        assertTrue(v.contains("(linear") || v.contains("(liveness)"), v);
      }
    }
    assertTrue(out.values().stream().anyMatch(v -> v.contains("a read of nil is no value")), out.toString());
    assertTrue(out.values().stream().anyMatch(v -> v.contains("liveness: INVALID")), out.toString());
  }

  static class Shrinks {
    @SimTest(seeds = "1..1")
    void ackDrop(SimSeed sim) {
      sim.check(scenario("ack-drop-shrink", userSystem("AckDropStore")));
    }
  }

  @Test
  void shrinkOn_failingSeed_messageSaysWhereTheShrunkScenarioIsAndItFailsFromItsFile() throws IOException {
    Map<String, String> out = launch(Shrinks.class, store(Map.of("madjep.test.shrink", "2m")));
    String m = out.get("seed 1");
    assertTrue(m.contains("\nshrunk (1-minimal, linear: "), m);
    assertTrue(m.contains("fault steps"), m);
    int at = m.indexOf("shrunk scenario: ") + "shrunk scenario: ".length();
    Path file = Path.of(m.substring(at, m.indexOf('\n', at)));
    assertTrue(m.contains("replay it: madjep sim run " + file + " --classpath "), m);
    Scenario back = madjep.sim.scenario.ScenarioFiles.read(file, outside);
    assertEquals(1, back.seed());
    madjep.harness.Run run = madjep.harness.Harness.defaults().run(back, "");
    assertEquals(madjep.history.Verdict.INVALID, run.verdict(), "the shrunk scenario fails from its file");
  }

  @Test
  void shrinkOff_failingSeed_messageGivesTheCommandThatShrinksIt() {
    String m = launch(Shrinks.class, store(Map.of())).get("seed 1");
    assertTrue(m.endsWith("shrink: mvn test -Dtest='" + Shrinks.class.getName() + "#ackDrop' -Dmadjep.test.seed=1 "
        + "-Dmadjep.test.shrink=true"), m);
  }

  @Test
  void shrinkSetting_trueTimeOrOff_badValueSaysWhatWasExpected() throws NoSuchMethodException {
    SimTest a = Shrinks.class.getDeclaredMethod("ackDrop", SimSeed.class).getAnnotation(SimTest.class);
    java.util.function.Function<String, SimTestSettings> with = v -> SimTestSettings.of(a,
        name -> name.equals("madjep.test.shrink") ? java.util.Optional.of(v) : java.util.Optional.empty(), e -> null);
    assertEquals(SimTestSettings.SHRINK_BUDGET, with.apply("true").shrink());
    assertEquals(java.time.Duration.ofSeconds(90), with.apply("90s").shrink());
    assertEquals(null, with.apply("false").shrink());
    IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> with.apply("soon"));
    assertTrue(e.getMessage().contains("madjep.test.shrink: expected true, false or a time budget"), e.getMessage());
  }

  private static List<String> sortedBySeed(Map<String, String> out) {
    List<String> names = new ArrayList<>(out.keySet());
    names.sort(java.util.Comparator.comparingLong(n -> Long.parseLong(n.substring(5))));
    return names;
  }
}
