package madjep.systems.curp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import madjep.sim.nemesis.RegionSettings;
import madjep.sim.scenario.Scenario;
import madjep.sim.scenario.ScenarioFiles;
import org.junit.jupiter.api.Test;

/**
 * The scenario files behind benchmarks/RESULTS.md's WAN latency figures compare like with like: curp-kv and raft-kv
 * in the bundled curp-kv scenarios' three regions, the same load, no faults; they differ only in the system, the
 * number of keys and the region every client sits in.
 */
class LatencyScenariosTest {
  private static final Path DIR = Path.of("..", "benchmarks", "scenarios");

  @Test
  void wanLatencyFiles_parse_sameRegionsLoadAndNoFaults() throws Exception {
    RegionSettings bundled = CurpKvProvider.base().environment().regions();
    assertEquals(CurpKvProvider.regions(5), bundled);
    for (String system : List.of("curp", "raft")) {
      for (String load : List.of("commuting", "conflicting")) {
        for (String region : bundled.names()) {
          Scenario s = ScenarioFiles.read(DIR.resolve("wan-" + system + "-" + load + "-" + region + ".toml"));
          String what = s.name();
          assertEquals(system + "-kv", s.system().name(), what);
          RegionSettings r = s.environment().regions();
          assertEquals(bundled.withPlacement(bundled.nodes(), Collections.nCopies(20, region)), r, what);
          assertEquals(List.of(), s.links(), what);
          assertEquals(5, s.nodes(), what);
          assertEquals("none", s.faultMode(), what);
          assertEquals("register", s.workload(), what);
          assertEquals(load.equals("commuting") ? 1000 : 1, s.keys(), what);
          assertEquals(20, s.clients().concurrency(), what);
          assertEquals(200.0, s.clients().rate(), what);
          assertEquals(CurpKvProvider.base().clientLatency(), s.clientLatency(), what);
        }
      }
    }
  }
}
