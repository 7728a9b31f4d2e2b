package madjep.sim.blocking.kv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Set;
import java.util.TreeSet;
import madjep.history.History;
import madjep.history.io.HistoryFormat;
import madjep.history.io.HistoryWriter;
import madjep.sim.Durations;
import madjep.sim.nemesis.FaultSettings;
import madjep.sim.scenario.Scenario;
import madjep.sim.scenario.SimResult;
import madjep.sim.scenario.SimRunner;
import org.junit.jupiter.api.Test;

/** Same seed, same bytes: the blocking store under crashes, pauses and partitions, 200 seeds run twice. */
class KvDeterminismTest {
  private static byte[] edn(History h) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    HistoryWriter.write(h, HistoryFormat.EDN, out);
    return out.toByteArray();
  }

  @Test
  void kvBlocking_200SeedsTwiceUnderAllFaults_byteIdenticalHistoriesAndTraces() throws IOException {
    // Short runs with a fault step every 250 ms on average, so that crashes, pauses and partitions all fire often.
    Scenario s = KvBlockingProvider.base().toBuilder().duration(Durations.s(3)).quiet(Durations.ms(500))
        .finals(Durations.ms(500)).faults(FaultSettings.standard().withInterval(Durations.ms(250))).build();
    Set<String> faultsSeen = new TreeSet<>();
    for (long seed = 1; seed <= 200; seed++) {
      SimResult a = SimRunner.run(s.withSeed(seed));
      SimResult b = SimRunner.run(s.withSeed(seed));
      assertArrayEquals(edn(a.history()), edn(b.history()), "history of seed " + seed);
      assertEquals(a.trace() + a.eventHash(), b.trace() + b.eventHash(), "trace and event hash of seed " + seed);
      for (int i = 0; i < a.history().size(); i++) {
        if (!a.history().isClient(i)) {
          faultsSeen.add(a.history().f(i).name());
        }
      }
    }
    for (String f : new String[] {"kill", "start", "pause", "resume", "start-partition", "stop-partition"}) {
      assertTrue(faultsSeen.contains(f), f + " fired somewhere: " + faultsSeen);
    }
  }
}
