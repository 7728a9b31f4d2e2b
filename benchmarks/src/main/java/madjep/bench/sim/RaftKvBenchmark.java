package madjep.bench.sim;

import java.util.concurrent.TimeUnit;
import madjep.sim.Durations;
import madjep.sim.scenario.Bundled;
import madjep.sim.scenario.Scenario;
import madjep.sim.scenario.SimResult;
import madjep.sim.scenario.SimRunner;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * End to end: the bundled raft-kv (5 nodes, Raft with a durable log, 20 clients at 1,000 ops/s) for 60 s of
 * simulated time, without faults or with the standard mix; the history is built but not written. The score is
 * runs per second; the console line of {@code setUp} gives the events of one run, which turns it into events per second
 * and simulated-to-wall ratio.
 *
 * <pre>
 * mvn -B -q -ntp -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar 'madjep.bench.sim.RaftKvBenchmark' -f 1 -wi 2 -i 5 -w 5s -r 5s
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx4g")
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 5, time = 5)
public class RaftKvBenchmark {
  @Param({"none", "mix"})
  String faults;

  Scenario scenario;

  @Setup
  public void setUp() {
    scenario = Bundled.get("raft-kv").scenario().toBuilder().faultMode(faults).duration(Durations.s(60))
        .clients(20, 1000).build().withSeed(1);
    SimResult r = SimRunner.run(scenario);
    System.out.printf("%n[raft-kv %s: %d events, %d history ops, %d ops completed per 60 s simulated run]%n", faults,
        r.events(), r.history().size(), r.stats().get("ops-completed"));
  }

  @Benchmark
  public long run() {
    return SimRunner.run(scenario).eventHash();
  }
}
