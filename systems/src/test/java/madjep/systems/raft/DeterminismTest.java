package madjep.systems.raft;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import madjep.history.io.HistoryFormat;
import madjep.history.io.HistoryWriter;
import madjep.sim.DeterminismCheck;
import madjep.sim.Durations;
import madjep.sim.Latency;
import madjep.sim.nemesis.CheckSettings;
import madjep.sim.nemesis.Environment;
import madjep.sim.nemesis.FaultSettings;
import madjep.sim.nemesis.RegionSettings;
import madjep.sim.nemesis.ResourceSettings;
import madjep.sim.nemesis.StorageSettings;
import madjep.sim.scenario.Bundled;
import madjep.sim.scenario.Scenario;
import madjep.sim.scenario.SimResult;
import madjep.sim.scenario.SimRunner;
import org.junit.jupiter.api.Test;

class DeterminismTest {
  private static byte[] edn(SimResult r) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    HistoryWriter.write(r.history(), HistoryFormat.EDN, out);
    return out.toByteArray();
  }

  /**
   * Runs {@code s} with {@code seed} twice, asserts the runs are identical (history bytes, trace, event hash, metrics,
   * fault coverage, counters), and adds the faults the run recorded to {@code faultsSeen}.
   */
  private static SimResult twice(Scenario s, long seed, java.util.Set<String> faultsSeen) throws IOException {
    SimResult a = SimRunner.run(s.withSeed(seed));
    SimResult b = SimRunner.run(s.withSeed(seed));
    assertArrayEquals(edn(a), edn(b), "history of seed " + seed);
    assertEquals(a.trace(), b.trace(), "trace of seed " + seed);
    assertEquals(a.eventHash(), b.eventHash(), "event hash of seed " + seed);
    assertEquals(a.observations().metrics(), b.observations().metrics(), "metrics of seed " + seed);
    assertEquals(a.coverage(), b.coverage(), "fault coverage of seed " + seed);
    assertEquals(a.stats(), b.stats(), "counters of seed " + seed);
    for (int i = 0; i < a.history().size(); i++) {
      if (!a.history().isClient(i)) {
        faultsSeen.add(a.history().f(i).name());
      }
    }
    return a;
  }

  @Test
  void raftKv_200SeedsTwiceUnderAllFaults_byteIdenticalHistoriesAndTraces() throws IOException {
    // Short runs with a fault step every 250 ms on average, so that every kind of fault fires often.
    Scenario s = Bundled.get("raft-kv").scenario().toBuilder().duration(Durations.s(6)).quiet(Durations.s(1))
        .finals(Durations.s(1)).faults(FaultSettings.standard().withInterval(Durations.ms(250))).build();
    java.util.Set<String> faultsSeen = new java.util.TreeSet<>();
    for (long seed = 1; seed <= 200; seed++) {
      twice(s, seed, faultsSeen);
    }
    assertEquals(14, faultsSeen.size(), "every fault fired somewhere: " + faultsSeen);
  }

  @Test
  void bundledRaftKv_asShipped_200SeedsTwice_byteIdenticalHistoriesAndTraces() throws IOException {
    // The scenario exactly as `madjep sim run raft-kv` runs it: 20 s simulated under the standard fault mix.
    Scenario s = Bundled.get("raft-kv").scenario();
    long nemesisOps = 0;
    for (long seed = 1; seed <= 200; seed++) {
      SimResult a = SimRunner.run(s.withSeed(seed));
      SimResult b = SimRunner.run(s.withSeed(seed));
      assertArrayEquals(edn(a), edn(b), "history of seed " + seed);
      assertEquals(a.trace(), b.trace(), "trace of seed " + seed);
      assertEquals(a.eventHash(), b.eventHash(), "event hash of seed " + seed);
      for (int i = 0; i < a.history().size(); i++) {
        nemesisOps += a.history().isClient(i) ? 0 : 1;
      }
    }
    assertTrue(nemesisOps > 200 * 10, "faults fired in every run: " + nemesisOps + " nemesis ops");
  }

  /** raft-kv in three regions with CPU, disk latencies and every fault family on, faults every 100 ms. */
  static Scenario everyFault() {
    Environment env = Environment.defaults()
        .withStorage(StorageSettings.defaults().withLatencies(new Latency.Uniform(Durations.US * 20, Durations.US * 200),
            null, new Latency.Uniform(Durations.US * 200, Durations.ms(2))))
        .withResources(ResourceSettings.defaults().withEventCost(new Latency.Uniform(Durations.US * 5,
            Durations.US * 30)).withInboxLimit(200).withRestartDelay(Durations.ms(300)))
        .withRegions(RegionSettings.aws3())
        .withChecks(CheckSettings.defaults().withMetricsInterval(Durations.ms(250)));
    return Bundled.get("raft-kv").scenario().toBuilder().name("every-fault").duration(Durations.s(2))
        .quiet(Durations.ms(500)).finals(Durations.ms(500))
        .faults(FaultSettings.all().withInterval(Durations.ms(100))).environment(env).build();
  }

  @Test
  void everyFaultFamily_200SeedsTwice_byteIdenticalHistoriesTracesAndMetrics() throws IOException {
    Scenario s = everyFault();
    java.util.Set<String> faultsSeen = new java.util.TreeSet<>();
    java.util.Map<String, Long> fired = new java.util.TreeMap<>();
    for (long seed = 1; seed <= 200; seed++) {
      for (var k : twice(s, seed, faultsSeen).coverage().kinds()) {
        assertTrue(k.configured(), k.kind() + " is configured by kinds = all");
        fired.merge(k.kind(), k.fired(), Long::sum);
      }
    }
    // Every family is in the coverage, and each fired in some seed.
    assertEquals(madjep.sim.nemesis.FaultKind.values().length, fired.size(), fired.toString());
    assertTrue(fired.values().stream().allMatch(n -> n > 0), fired.toString());
    java.util.Set<String> missing = new java.util.TreeSet<>(java.util.List.of("bitflip", "corrupt-sector",
        "truncate-file", "latent-sector", "start-disk-errors", "stop-disk-errors", "start-fsync-errors",
        "stop-fsync-errors", "fill-disk", "free-disk", "start-slow-disk", "stop-slow-disk", "start-slow-cpu",
        "stop-slow-cpu", "start-memory-pressure", "stop-memory-pressure", "start-region-partition",
        "stop-region-partition", "start-wan-degrade", "stop-wan-degrade", "start-buggify", "stop-buggify",
        "start-partition", "kill", "start", "pause", "resume", "bump-clock", "drift-clock", "reset-clock"));
    missing.removeAll(faultsSeen);
    assertTrue(missing.isEmpty(), "every family fired in some seed; missing " + missing + ", seen " + faultsSeen);
  }

  @Test
  void checkDeterminism_sameSeed_reportsIdenticalRuns() {
    DeterminismCheck.Report r = SimRunner.checkDeterminism(Bundled.get("raft-kv").scenario().withSeed(4));
    assertTrue(r.deterministic());
    assertTrue(r.events() > 10_000);
  }
}
