package madjep.sim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import madjep.history.DataError;
import madjep.sim.Durations;
import madjep.sim.Latency;
import madjep.sim.nemesis.FaultKind;
import org.junit.jupiter.api.Test;

class EnvironmentFilesTest {
  /** A test system named by its class (raft-kv lives in the systems module). */
  private static final String SYSTEM = "system = \"madjep.sim.testing.LeaderStore\"\n";

  private static final String EVERYTHING = String.join("\n",
      "system = \"madjep.sim.testing.LeaderStore\"",
      "nodes = 3",
      "duration = \"2s\"",
      "[faults]",
      "kinds = [\"all\"]",
      "[storage]",
      "fsync-latency = \"uniform 1ms 3ms\"",
      "read-latency = \"fixed 100us\"",
      "capacity = 1000000",
      "atlas = \"region\"",
      "atlas-f = 1",
      "atlas-region = 8192",
      "fsync-failure = 0.5",
      "[resources]",
      "event-cost = \"fixed 20us\"",
      "inbox-limit = 50",
      "memory-budget = 1048576",
      "restart-delay = \"500ms\"",
      "[regions]",
      "names = [\"us-east\", \"eu-west\"]",
      "nodes = [\"us-east\", \"us-east\", \"eu-west\"]",
      "rtt = [\"us-east eu-west 81ms\"]",
      "[checks]",
      "metrics-interval = \"250ms\"",
      "buggify-fire = 0.5",
      "");

  @Test
  void everySection_readsAndWritesBackEqual() {
    Scenario s = ScenarioFiles.parseToml(EVERYTHING, "all.toml");
    assertEquals(FaultKind.values().length, s.faults().kinds().size(), "all names every family");
    assertEquals(new Latency.Uniform(Durations.ms(1), Durations.ms(3)), s.environment().storage().fsyncLatency());
    assertNull(s.environment().storage().writeLatency(), "unset keys keep their defaults");
    assertEquals("region", s.environment().storage().atlas());
    assertEquals(50, s.environment().resources().inboxLimit());
    assertEquals(List.of("us-east", "us-east", "eu-west"), s.environment().regions().nodes());
    assertEquals(Durations.ms(250), s.environment().checks().metricsInterval());
    String toml = ScenarioFiles.toToml(s);
    assertTrue(toml.contains("[storage]") && toml.contains("[resources]") && toml.contains("[regions]")
        && toml.contains("[checks]"), toml);
    assertTrue(toml.contains("kinds = [\"partition\", \"kill\""), "the resolved scenario names every kind: " + toml);
    assertEquals(s, ScenarioFiles.parseToml(toml, "again"));
    assertEquals(toml, ScenarioFiles.toToml(ScenarioFiles.parseToml(toml, "x")));
  }

  private static String error(String toml) {
    return assertThrows(DataError.class, () -> ScenarioFiles.parseToml(SYSTEM + toml, "bad.toml")).getMessage();
  }

  @Test
  void badValues_errorsNameTheTableAndKey() {
    assertTrue(error("[storage]\nread-flip = \"often\"\n").contains("storage.read-flip: expected a number"));
    assertTrue(error("[storage]\nreadflip = 0.1\n").contains("storage.readflip: expected one of"));
    assertTrue(error("[storage]\natlas = \"some\"\n").contains("storage: expected an atlas: node, region or off"));
    assertTrue(error("[storage]\nfsync-failure = 2.0\n").contains("storage: expected a storage fault rate"));
    assertTrue(error("[storage]\nfsync-latency = \"slow\"\n").contains("storage.fsync-latency: expected a latency"));
    assertTrue(error("[storage]\ncapacity = \"big\"\n").contains("storage.capacity: expected an integer or"));
    assertTrue(error("[resources]\nslow-factor = 0.5\n").contains("resources: expected a slow factor of at least 1"));
    assertTrue(error("[resources]\nevent-cost = 5\n").contains("resources.event-cost: expected a string"));
    assertTrue(error("[regions]\nnames = [\"a\", \"b\"]\n").contains("regions: expected a round trip between a and b"));
    assertTrue(error("[regions]\nnames = [\"a\", \"b\"]\nrtt = [\"a c 5ms\"]\n")
        .contains("regions: expected a region of [a, b], found 'c'"));
    assertTrue(error("[regions]\nnodes = \"everywhere\"\n").contains("regions.nodes: expected a list of region names"));
    assertTrue(error("[checks]\nmetrics-interval = \"-1s\"\n").contains("checks.metrics-interval: expected a duration"));
    assertTrue(error("[faults]\nkinds = [\"everything\"]\n").contains("faults.kinds: expected a fault: partition"));
    assertTrue(error("storage = 3\n").contains("expected a table"));
    assertTrue(error("[resources]\ninbox-limit = 99999999999\n")
        .contains("resources.inbox-limit: expected an integer from 0 to 2147483647"));
    assertTrue(error("[faults]\nsteps = [\"1s start-region-partition mars\"]\n")
        .contains("faults.steps: step '1s start-region-partition mars': expected a region of [] ([regions] names)"));
    assertTrue(error("[regions]\nnames = [\"a\", \"b\"]\nrtt = [\"a b 9ms\"]\n[faults]\n"
        + "steps = [\"1s start-wan-degrade a a\"]\n").contains("expected two different regions, found 'a a'"));
    assertTrue(error("[faults]\nsteps = [\"1s start-wan-degrade a\"]\n").contains("needs two regions"));
    assertTrue(error("[faults]\nsteps = [\"1s bitflip n9\"]\n").contains("faults.steps: step '1s bitflip n9': "
        + "expected a node spec"));
    assertTrue(error("[faults]\nsteps = [\"1s start-slow-cpu everyone\"]\n").contains("faults.steps: step "));
    assertTrue(error("[faults]\nkinds = [\"region\"]\n").contains("faults.kinds: expected [regions] with two regions"));
  }

  @Test
  void newShapesAndActions_validScenario_accepted() {
    Scenario s = ScenarioFiles.parseToml(SYSTEM + "[faults]\npartitions = [\"isolate-leader\", \"leader-one-way\", "
        + "\"random-minority\"]\nkinds = [\"all\"]\nsteps = [\"1s start-slow-cpu n2\", \"2s fill-disk minority\"]\n",
        "ok.toml");
    assertEquals(3, s.faults().partitions().size());
  }

  @Test
  void regions_wrongNumberOfPlacements_errorBeforeAnythingRuns() {
    assertTrue(error("nodes = 5\n[regions]\nnames = [\"a\", \"b\"]\nnodes = [\"a\", \"b\"]\nrtt = [\"a b 10ms\"]\n")
        .contains("regions.nodes: expected a region for each of the 5 nodes, found 2"));
  }
}
