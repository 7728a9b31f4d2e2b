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
import madjep.sim.nemesis.FaultSettings;
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

  @Test
  void raftKv_200SeedsTwiceUnderAllFaults_byteIdenticalHistoriesAndTraces() throws IOException {
    // Short runs with a fault step every 250 ms on average, so that every kind of fault fires often.
    Scenario s = Bundled.get("raft-kv").scenario().toBuilder().duration(Durations.s(6)).quiet(Durations.s(1))
        .finals(Durations.s(1)).faults(FaultSettings.standard().withInterval(Durations.ms(250))).build();
    java.util.Set<String> faultsSeen = new java.util.TreeSet<>();
    for (long seed = 1; seed <= 200; seed++) {
      SimResult a = SimRunner.run(s.withSeed(seed));
      SimResult b = SimRunner.run(s.withSeed(seed));
      assertArrayEquals(edn(a), edn(b), "history of seed " + seed);
      assertEquals(a.trace(), b.trace(), "trace of seed " + seed);
      assertEquals(a.eventHash(), b.eventHash());
      for (int i = 0; i < a.history().size(); i++) {
        if (!a.history().isClient(i)) {
          faultsSeen.add(a.history().f(i).name());
        }
      }
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

  @Test
  void checkDeterminism_sameSeed_reportsIdenticalRuns() {
    DeterminismCheck.Report r = SimRunner.checkDeterminism(Bundled.get("raft-kv").scenario().withSeed(4));
    assertTrue(r.deterministic());
    assertTrue(r.events() > 10_000);
  }
}
