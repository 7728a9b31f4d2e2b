package madjep.bench.blocking;

import java.util.concurrent.TimeUnit;
import madjep.sim.Durations;
import madjep.sim.Simulation;
import madjep.sim.Streams;
import madjep.sim.Trace;
import madjep.sim.blocking.BlockingContext;
import madjep.sim.blocking.BlockingNode;
import madjep.sim.blocking.BlockingNodeFactory;
import madjep.sim.blocking.Interleaving;
import madjep.sim.blocking.SimQueue;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Task switches per second on one core: two tasks of one node hand an item back and forth through two one-slot
 * {@code SimQueue}s, so every hand-over parks one task and resumes the other ({@link #ROUND_TRIPS} round trips, two
 * switches each, per simulated millisecond). {@code carrier=direct} is the simulator as the virtual threads'
 * scheduler; {@code handoff} is plain virtual threads taking turns.
 *
 * <pre>
 * mvn -B -q -ntp -pl benchmarks-blocking -am package -DskipTests
 * java --add-opens java.base/java.lang=ALL-UNNAMED -jar benchmarks-blocking/target/benchmarks-blocking.jar \
 *   TaskSwitchBenchmark -f 1 -wi 3 -i 5 -w 2s -r 2s
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = "--add-opens=java.base/java.lang=ALL-UNNAMED")
public class TaskSwitchBenchmark {
  static final int ROUND_TRIPS = 10_000;

  @Param({"direct", "handoff"})
  public String carrier;

  Simulation sim;

  /** Ping and pong: {@link #ROUND_TRIPS} exchanges, then a millisecond's sleep, forever. */
  static final class PingPong implements BlockingNode {
    /** Round trips completed, for the benchmark's test. */
    long roundTrips;

    @Override
    public void start(BlockingContext ctx) {
      SimQueue<Integer> ping = ctx.newQueue(1);
      SimQueue<Integer> pong = ctx.newQueue(1);
      ctx.spawn("ping", () -> {
        while (true) {
          for (int i = 0; i < ROUND_TRIPS; i++) {
            ping.put(i);
            pong.take();
            roundTrips++;
          }
          ctx.sleep(Durations.MS);
        }
      });
      ctx.spawn("pong", () -> {
        while (true) {
          pong.put(ping.take());
        }
      });
    }
  }

  @Setup(Level.Trial)
  public void setUp() {
    BlockingNodeFactory f = BlockingNodeFactory.of(id -> new PingPong()).withInterleaving(Interleaving.RUN_TO_BLOCK);
    sim = new Simulation(new Streams(1), 1, carrier.equals("handoff") ? f.withHandoff() : f, new Trace(false));
    sim.start();
  }

  /** One simulated millisecond: {@link #ROUND_TRIPS} round trips, two task switches each. */
  @Benchmark
  @OperationsPerInvocation(2 * ROUND_TRIPS)
  public long switches() {
    sim.runUntil(sim.now() + Durations.MS);
    return sim.eventCount();
  }
}
