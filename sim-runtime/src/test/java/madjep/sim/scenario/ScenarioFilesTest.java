package madjep.sim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import madjep.history.DataError;
import madjep.sim.Durations;
import madjep.sim.nemesis.FaultKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioFilesTest {
  /** A test system named by its class, as a user's scenario file names theirs. */
  private static final String SYSTEM = "system = \"madjep.sim.testing.LeaderStore\"\n";

  @TempDir Path dir;

  @Test
  void read_classNameSystem_loadsTheFactoryAndWritesItBack() {
    Scenario s = ScenarioFiles.parseToml(SYSTEM + "seed = 3\n", "mine.toml");
    assertEquals("madjep.sim.testing.LeaderStore", s.system().name());
    assertTrue(s.system().factory() instanceof madjep.sim.testing.LeaderStore);
    assertEquals(s, ScenarioFiles.parseToml(ScenarioFiles.toToml(s), "again"));
    assertTrue(ScenarioFiles.toToml(s).contains("system = \"madjep.sim.testing.LeaderStore\""));
  }

  /** Settings that cannot work (issue 9's hostile scenarios among them), and what their error must say. */
  static java.util.List<String[]> unworkable() {
    return java.util.List.of(
        new String[] {"nodes = 10000", "nodes: expected 1 to 31"},
        new String[] {"[clients]\nrate = -5.0", "clients.rate: "},
        new String[] {"[clients]\nconcurrency = -1", "clients.concurrency: "},
        new String[] {"[clients]\nconcurrency = 100000", "clients.concurrency: expected from 1 to 10000"},
        new String[] {"[clients]\nretry = \"0ms\"", "clients.retry: "},
        new String[] {"[faults]\ninterval = \"0s\"", "faults.interval: "},
        new String[] {"[faults]\ninterval = \"-2s\"", "faults.interval: expected a duration"},
        new String[] {"[faults]\nmode = \"chaos\"", "faults.mode: expected none, mix or swarm, found 'chaos'"},
        new String[] {"[faults]\nmode = 3", "faults.mode: expected a string"},
        new String[] {"[faults]\nloss = 2.0", "faults.loss: expected a probability"},
        new String[] {"[network]\nloss = 2.0", "network.loss: expected a probability"},
        new String[] {"[workload]\nkeys = 5000000000", "keys: expected an integer of at most"},
        new String[] {"[workload]\nkeys = 50000000", "workload.keys: expected from 1 to 1000000"},
        new String[] {"[faults]\nsteps = [\"1s kill n9\"]", "faults.steps: step '1s kill n9': expected a node spec"},
        new String[] {"[faults]\nsteps = [\"30s kill n1\"]", "faults.steps: step '30s kill n1' falls at or after"},
        new String[] {"[faults]\ntargets = [\"n7\"]", "faults.targets: "},
        new String[] {"[faults]\npartitions = [\"n1 | n8\"]", "faults.partitions: "},
        new String[] {"[liveness]\nmin-ops = -1", "liveness.min-ops: "},
        new String[] {"[liveness]\ndegraded = [\"corrupt\"]", "liveness.degraded: expected faults a minority can keep"},
        new String[] {"[liveness]\ndegraded = [\"kill\"]\ndegraded-targets = \"majority\"",
            "liveness.degraded-targets: expected a minority"},
        new String[] {"[liveness]\nmin-ops = 0\ndegraded = [\"slow\"]", "liveness.degraded: expected a liveness check"});
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.MethodSource("unworkable")
  void read_settingThatCannotWork_dataErrorNamingTheKey(String toml, String expected) {
    DataError e = assertThrows(DataError.class,
        () -> ScenarioFiles.parseToml(SYSTEM + "duration = \"10s\"\n" + toml + "\n", "s.toml"));
    assertTrue(e.getMessage().contains(expected), e.getMessage());
    // Where: the line and column of the key, found in the text (the parsed tree has no positions).
    int keyLine = (SYSTEM + "duration = \"10s\"\n").split("\n", -1).length + toml.split("\n").length - 1;
    assertTrue(e.getMessage().startsWith("s.toml:" + keyLine + ":1: "), e.getMessage());
  }

  @Test
  void read_badKeyInYaml_dataErrorAtTheKeysLineAndColumn() throws IOException {
    Path f = dir.resolve("s.yaml");
    Files.writeString(f, "system: madjep.sim.testing.LeaderStore\nfaults:\n  kinds: [kill]\n  mode: chaos\n");
    DataError e = assertThrows(DataError.class, () -> ScenarioFiles.read(f));
    assertEquals(f + ":4:3: faults.mode: expected none, mix or swarm, found 'chaos'", e.getMessage());
  }

  @Test
  void read_degradedLiveness_roundTrips_andTheNodeKeepsItsFaultThroughTheWindowOnly() {
    Scenario s = ScenarioFiles.parseToml(SYSTEM + "duration = \"4s\"\n[liveness]\nwindow = \"2s\"\nmin-ops = 1\n"
        + "degraded = [\"slow\"]\ndegraded-targets = \"one\"\n", "d.toml");
    assertEquals(java.util.List.of("slow"), s.liveness().degraded());
    assertEquals("one", s.liveness().degradedTargets());
    assertEquals(s, ScenarioFiles.parseToml(ScenarioFiles.toToml(s), "again"));
    madjep.history.History h = SimRunner.run(s).history();
    java.util.List<String> slowOps = new java.util.ArrayList<>();
    for (int i = 0; i < h.size(); i++) {
      if (!h.isClient(i) && h.f(i).name().endsWith("slow-cpu")) {
        slowOps.add(h.f(i).name() + "@" + h.time(i) / Durations.MS + "ms " + madjep.history.edn.Edn.print(h.value(i)));
      }
    }
    // Started when the main phase heals everything else, stopped when the window closes: one node, then all healed.
    assertEquals(4, slowOps.size(), slowOps.toString());
    assertTrue(slowOps.get(0).startsWith("start-slow-cpu@4000ms"), slowOps.toString());
    assertTrue(slowOps.get(2).startsWith("stop-slow-cpu@6000ms"), slowOps.toString());
    assertEquals(1, slowOps.get(1).split("\"n[0-9]\"").length - 1, "one node slowed: " + slowOps);
  }

  @Test
  void read_noSystem_errorNamesTheKey() {
    DataError e = assertThrows(DataError.class, () -> ScenarioFiles.parseToml("seed = 1\n", "none.toml"));
    assertTrue(e.getMessage().contains("system: expected a bundled system"), e.getMessage());
  }

  @Test
  void read_unknownClass_errorSaysClasspath() {
    DataError e = assertThrows(DataError.class,
        () -> ScenarioFiles.parseToml("system = \"com.acme.Missing\"\n", "x.toml"));
    assertTrue(e.getMessage().contains("system: ") && e.getMessage().contains("--classpath"), e.getMessage());
  }

  @Test
  void read_classThatIsNoFactory_errorSaysSo() {
    DataError e = assertThrows(DataError.class,
        () -> ScenarioFiles.parseToml("system = \"java.lang.String\"\n", "x.toml"));
    assertTrue(e.getMessage().contains("implementing madjep.sim.NodeFactory"), e.getMessage());
  }

  @Test
  void read_bugOnAUserSystem_error() {
    DataError e = assertThrows(DataError.class,
        () -> ScenarioFiles.parseToml(SYSTEM + "bug = \"stale-read\"\n", "x.toml"));
    assertTrue(e.getMessage().contains("no seeded bugs"), e.getMessage());
  }

  @Test
  void linkRules_lossOneWay_appliedToThatDirectionOnly() {
    Scenario s = ScenarioFiles.parseToml(SYSTEM + "nodes = 3\nduration = \"2s\"\n[network]\nloss = 0.0\n"
        + "links = [\"n1->n2 loss 1.0\", \"n1<->n3 latency fixed 7ms\"]\n[faults]\nmode = \"none\"\n", "t.toml");
    assertEquals(java.util.List.of("n1->n2 loss 1.0", "n1<->n3 latency fixed 7ms"), s.links());
    assertEquals(s, ScenarioFiles.parseToml(ScenarioFiles.toToml(s), "again"));
    DataError e = assertThrows(DataError.class,
        () -> ScenarioFiles.parseToml(SYSTEM + "[network]\nlinks = [\"n1->n9 loss 0.5\"]\n", "bad.toml"));
    assertTrue(e.getMessage().contains("network.links"), e.getMessage());
  }

  @Test
  void read_tomlWithTypo_errorNamesFileAndKey() throws IOException {
    Path f = dir.resolve("bad.toml");
    Files.writeString(f, SYSTEM + "seed = 1\n[faults]\nintervl = \"2s\"\n");
    DataError e = assertThrows(DataError.class, () -> ScenarioFiles.read(f));
    assertTrue(e.getMessage().startsWith(f.toString()), e.getMessage());
    assertTrue(e.getMessage().contains("faults.intervl"), e.getMessage());
  }

  @Test
  void read_badDuration_errorSaysWhatWasExpected() throws IOException {
    Path f = dir.resolve("bad2.toml");
    Files.writeString(f, SYSTEM + "duration = \"soon\"\n");
    DataError e = assertThrows(DataError.class, () -> ScenarioFiles.read(f));
    assertTrue(e.getMessage().contains("duration: expected a duration"), e.getMessage());
  }

  @Test
  void read_brokenToml_errorHasLine() throws IOException {
    Path f = dir.resolve("broken.toml");
    Files.writeString(f, "seed = 1\nnodes = = 3\n");
    DataError e = assertThrows(DataError.class, () -> ScenarioFiles.read(f));
    assertEquals(2, e.line(), e.getMessage());
  }

  @Test
  void read_idleClients_readBackAndWrittenOnlyWhenSet() {
    Scenario s = ScenarioFiles.parseToml(SYSTEM + "[clients]\nconcurrency = 4\nidle = [3, 1]\n", "idle.toml");
    assertEquals(java.util.List.of(1, 3), s.clients().idle());
    assertTrue(ScenarioFiles.toToml(s).contains("idle = [1, 3]"), ScenarioFiles.toToml(s));
    assertEquals(s, ScenarioFiles.parseToml(ScenarioFiles.toToml(s), "again"));
    assertFalse(ScenarioFiles.toToml(s.toBuilder().clients(4, 100).build()).contains("idle"));
  }

  @Test
  void read_idleOutOfRangeOrAll_errorNamesTheKey() {
    DataError e = assertThrows(DataError.class, () -> ScenarioFiles.parseToml(
        SYSTEM + "[clients]\nconcurrency = 2\nidle = [2]\n", "bad.toml"));
    assertTrue(e.getMessage().contains("clients.idle: expected threads 0..1, found 2"), e.getMessage());
    e = assertThrows(DataError.class, () -> ScenarioFiles.parseToml(
        SYSTEM + "[clients]\nconcurrency = 2\nidle = [0, 1]\n", "bad.toml"));
    assertTrue(e.getMessage().contains("at least one thread left"), e.getMessage());
    e = assertThrows(DataError.class, () -> ScenarioFiles.parseToml(
        SYSTEM + "[clients]\nidle = \"1\"\n", "bad.toml"));
    assertTrue(e.getMessage().contains("idle: expected a list of integers"), e.getMessage());
  }
}
