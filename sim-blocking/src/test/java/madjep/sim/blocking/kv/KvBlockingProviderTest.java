package madjep.sim.blocking.kv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import madjep.history.Verdict;
import madjep.sim.blocking.BlockingNodeFactory;
import madjep.sim.scenario.Bundled;
import madjep.sim.scenario.Scenario;
import madjep.sim.scenario.Systems;
import org.junit.jupiter.api.Test;

/** kv-blocking is found by name, as the bundled systems are, and its scenarios run through the harness. */
class KvBlockingProviderTest {
  @Test
  void serviceLoader_findsKvBlockingAndItsScenarios() {
    assertTrue(Systems.names().contains("kv-blocking"), Systems.names().toString());
    assertTrue(Bundled.get("kv-blocking").expectValid());
    assertFalse(Bundled.get("kv-blocking-early-ack").expectValid());
    assertTrue(Systems.factory(Bundled.get("kv-blocking").scenario()) instanceof BlockingNodeFactory);
  }

  @Test
  void bundledScenario_byName_runsCheckedThroughTheHarness() throws Exception {
    Scenario s = Bundled.get("kv-blocking").scenario().withSeed(3);
    madjep.harness.Run run = madjep.harness.Harness.defaults().run(s, "madjep sim run kv-blocking --seed 3");
    assertEquals(Verdict.VALID, run.verdict(), run.summary());
    assertTrue(run.summary().contains("cas-register"), run.summary());
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"list-append", "bank", "set"})
  void otherWorkloads_underCrashesAndPartitions_valid(String workload) throws Exception {
    Scenario s = Bundled.get("kv-blocking").scenario().toBuilder().workload(workload).duration(
        madjep.sim.Durations.s(8)).seed(5).build();
    madjep.harness.Run run = madjep.harness.Harness.defaults().run(s, "");
    assertEquals(Verdict.VALID, run.verdict(), run.summary());
    assertTrue(run.sim().stats().get("ops-completed") > 300, run.sim().stats().toString());
  }

  @Test
  void diskScenarioFile_seedOne_validWithDiskErrorsKillingAndRestartingNodes() throws Exception {
    Scenario s = madjep.sim.scenario.ScenarioFiles.read(java.nio.file.Path.of("..", "benchmarks", "scenarios",
        "kv-blocking-disk.toml")).withSeed(1);
    madjep.harness.Run run = madjep.harness.Harness.defaults().run(s, "");
    assertEquals(Verdict.VALID, run.verdict(), run.summary());
    // Failed fsyncs and refused writes escape tasks: each kills its node, which restarts, as an event node's would.
    assertTrue(run.sim().stats().get("disk-exits") > 0, run.sim().stats().toString());
  }

  @Test
  void unknownBug_refusedNamingTheKnownOnes() {
    Scenario s = Bundled.get("kv-blocking").scenario().toBuilder().bug("stale-read").build();
    IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> Systems.factory(s));
    assertTrue(e.getMessage().contains("early-ack"), e.getMessage());
  }
}
