package madjep.sim.blocking.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import madjep.junit.SimSeed;
import madjep.junit.SimTest;
import madjep.junit.testing.Launch;
import madjep.sim.scenario.Bundled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.TestIdentifier;

/**
 * {@link SimTest} on blocking-style systems, run by JUnit's own launcher as a user's build runs it: a seed that
 * catches kv-blocking-early-ack's bug fails with its verdict, store and replay command, and the replay command's
 * override runs that seed alone to the same failure.
 */
class SimTestOnBlockingSystemsTest {
  @TempDir static Path dir;

  static class EarlyAck {
    @SimTest(seeds = "1..2")
    void earlyAck(SimSeed sim) {
      sim.check(Bundled.get("kv-blocking-early-ack").scenario());
    }
  }

  /** What the launcher saw: display name -> failure message, or "ok". */
  private static Map<String, String> launch(Class<?> target, Map<String, String> more) {
    Map<String, String> parameters = new HashMap<>(more);
    parameters.put("madjep.test.store", dir.resolve("store").toString());
    return Launch.outcomes(target, parameters, TestIdentifier::getDisplayName);
  }

  @Test
  void earlyAck_seedOne_failsWithVerdictStoreAndReplayLine_andTheReplayFailsAlike() {
    Map<String, String> out = launch(EarlyAck.class, Map.of());
    assertEquals(List.of("seed 1", "seed 2"), List.copyOf(out.keySet()));
    String m = out.get("seed 1");
    assertTrue(m.startsWith("seed 1: INVALID (linear"), m);
    assertTrue(m.contains("replay: mvn test -Dtest='" + EarlyAck.class.getName() + "#earlyAck' "
        + "-Dmadjep.test.seed=1   (or MADJEP_TEST_SEED=1)"), m);
    int at = m.lastIndexOf("\nstore: ") + 8;
    Path store = Path.of(m.substring(at, m.indexOf('\n', at)));
    assertTrue(Files.isRegularFile(store.resolve("results.edn")), store.toString());
    assertTrue(Files.isRegularFile(store.resolve("history.jsonl")), store.toString());

    Map<String, String> replayed = launch(EarlyAck.class, Map.of("madjep.test.seed", "1"));
    assertEquals(List.of("seed 1"), List.copyOf(replayed.keySet()));
    String again = replayed.get("seed 1");
    // The same verdict and findings: only the store's directory (a new run's timestamp) may differ.
    assertEquals(m.substring(0, m.indexOf("\nstore: ")), again.substring(0, again.indexOf("\nstore: ")));
  }
}
