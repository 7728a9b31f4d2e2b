package madjep.bench.blocking;

import java.util.concurrent.TimeUnit;
import madjep.sim.scenario.Bundled;
import madjep.sim.scenario.Scenario;
import madjep.sim.scenario.SimRunner;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * The blocking-style Raft store ({@code kv-blocking}) against its event-style twin ({@code raft-kv}) on the same
 * scenario: the bundled raft-kv one (5 nodes, 10 clients at 200 ops/s, register workload, standard fault mix every
 * 2 s, 20 s simulated plus the final phase), seed 1, one whole run per op. The ratio of the two times is what
 * writing a node in blocking style costs.
 *
 * <pre>
 * java --add-opens java.base/java.lang=ALL-UNNAMED -jar benchmarks-blocking/target/benchmarks-blocking.jar \
 *   KvSystemBenchmark -f 1 -wi 3 -i 5 -w 2s -r 2s
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "--add-opens=java.base/java.lang=ALL-UNNAMED")
public class KvSystemBenchmark {
  @Param({"kv-blocking", "raft-kv"})
  public String system;

  private static final Scenario RAFT_KV = Bundled.get("raft-kv").scenario().withSeed(1);
  private static final Scenario KV_BLOCKING = RAFT_KV.toBuilder().name("kv-blocking").system("kv-blocking").build();

  @Benchmark
  public long run() {
    return SimRunner.run(system.equals("raft-kv") ? RAFT_KV : KV_BLOCKING).events();
  }
}
