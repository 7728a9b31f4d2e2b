package madjep.systems.curp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import madjep.sim.scenario.Scenario;
import madjep.sim.scenario.ScenarioFiles;
import org.junit.jupiter.api.Test;

/**
 * The scenario files behind benchmarks/RESULTS.md's WAN latency figures compare like with like: curp-kv and raft-kv
 * on the bundled curp-kv scenarios' three regions, the same load, no faults; they differ only in the system, the
 * number of keys and where the client sits.
 */
class LatencyScenariosTest {
  private static final Path DIR = Path.of("..", "benchmarks", "scenarios");

  private static Scenario read(String system, String load, String client) throws Exception {
    return ScenarioFiles.read(DIR.resolve("wan-" + system + "-" + load + "-" + client + ".toml"));
  }

  @Test
  void wanLatencyFiles_parse_sameRegionsLoadAndNoFaults() throws Exception {
    for (String system : List.of("curp", "raft")) {
      for (String load : List.of("commuting", "conflicting")) {
        for (String client : List.of("near", "far")) {
          Scenario s = read(system, load, client);
          String what = s.name();
          assertEquals(system + "-kv", s.system().name(), what);
          assertEquals(new HashSet<>(CurpKvProvider.wan(5)), new HashSet<>(s.links()), what);
          assertEquals(5, s.nodes(), what);
          assertEquals("none", s.faultMode(), what);
          assertEquals("register", s.workload(), what);
          assertEquals(load.equals("commuting") ? 1000 : 1, s.keys(), what);
          assertEquals(20, s.clients().concurrency(), what);
          assertEquals(200.0, s.clients().rate(), what);
          assertEquals(read("curp", load, client).clientLatency(), s.clientLatency(), what);
        }
      }
    }
    assertNotEquals(read("curp", "commuting", "near").clientLatency(), read("curp", "commuting", "far")
        .clientLatency());
  }
}
