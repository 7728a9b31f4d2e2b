package madjep.bench.sim;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import madjep.sim.Durations;
import madjep.sim.Node;
import madjep.sim.NodeContext;
import madjep.sim.Simulation;
import madjep.sim.Streams;
import madjep.sim.Trace;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The simulation's agenda alone: {@code pending} actions queued at once, each of which, when it runs, queues itself
 * again a random delay later (nine in ten within 0.1-2 ms, as messages are; one in ten 50 ms-1 s ahead, as timers
 * are), so the queue holds {@code pending} events throughout. One op is one event taken and one added: what the event
 * queue costs per event, with as little else as a simulation has. The simulated hour of {@code
 * examples/raft-kv-hour.toml} keeps about 120 events queued (benchmarks/RESULTS.md, "The simulated hour, ninth pass").
 *
 * <pre>
 * mvn -B -q -ntp -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar 'madjep.bench.sim.AgendaBenchmark' -f 1 -wi 3 -i 5 -w 1s -r 1s
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class AgendaBenchmark {
  private static final int EVENTS = 100_000;

  @Param({"120", "1000"})
  int pending;

  Simulation sim;
  private SplittableRandom rng;
  private long until;

  @Setup(Level.Iteration)
  public void setUp() {
    // One idle node: the simulation needs a server, and this one does nothing.
    sim = new Simulation(new Streams(1), 1, id -> new Idle(), new Trace(false));
    rng = new SplittableRandom(7);
    for (int i = 0; i < pending; i++) {
      sim.at(delay(), new Requeue());
    }
    until = 0;
  }

  private long delay() {
    return rng.nextInt(10) == 0 ? rng.nextLong(Durations.ms(50), Durations.s(1))
        : rng.nextLong(Durations.US * 100, Durations.ms(2));
  }

  /** Runs {@value #EVENTS} events. */
  @Benchmark
  @OperationsPerInvocation(EVENTS)
  public long events() {
    long before = sim.eventCount();
    while (sim.eventCount() - before < EVENTS) {
      until += Durations.ms(10);
      sim.runUntil(until);
    }
    return sim.eventCount();
  }

  private final class Requeue implements Runnable {
    @Override
    public void run() {
      sim.after(delay(), this);
    }
  }

  private static final class Idle implements Node {
    @Override
    public void start(NodeContext c) {}

    @Override
    public void receive(NodeContext c, int from, Object message) {}

    @Override
    public void timer(NodeContext c, Object tag) {}
  }
}
