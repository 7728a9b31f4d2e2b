package madjep.bench.sim;

import java.util.concurrent.TimeUnit;
import java.util.SplittableRandom;
import madjep.sim.Durations;
import madjep.sim.HistoryRecorder;
import madjep.sim.Latency;
import madjep.sim.Node;
import madjep.sim.NodeContext;
import madjep.sim.SimFile;
import madjep.sim.Simulation;
import madjep.sim.Streams;
import madjep.sim.Trace;
import madjep.sim.nemesis.Environment;
import madjep.sim.nemesis.FaultSettings;
import madjep.sim.nemesis.Nemesis;
import madjep.sim.nemesis.RegionSettings;
import madjep.sim.nemesis.Schedule;
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
 * The bare event loop: a 5-node cluster without faults where every node forwards each message it receives to a
 * random other node and keeps a heartbeat timer, with {@code inFlight} messages circulating. One benchmark op is
 * one simulated event (a delivery, a timer, or a busy node taking its next queued event); the score is simulated
 * events per second on one core.
 *
 * <p>{@code model=cpu+storage} turns the resource and storage models on: every server event costs a uniform 1-5 us
 * of CPU, and every forwarded message is first appended (16 bytes) to the node's log on a disk whose fsyncs take a
 * uniform 50-200 us, with an fsync every 32 messages and the log cut back every 4,096 (so handlers block on I/O,
 * messages queue behind busy nodes, and writes settle on the disk).
 *
 * <p>{@code model=all} is {@code cpu+storage} with every fault family on as well: the five nodes in three AWS
 * regions, and a nemesis mixing every {@link madjep.sim.nemesis.FaultKind} ({@code kinds = ["all"]}) with a fault
 * step every second of simulated time on average (as in {@code raft-kv-every-fault}), each recorded as a {@code
 * :nemesis} op. Faults lose messages (kills, drops, partitions, full inboxes) and disk errors kill nodes; a node that
 * heard nothing for a heartbeat puts its share of messages back in flight, so the load stays near {@code inFlight}.
 *
 * <pre>
 * mvn -B -q -ntp -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar 'madjep.bench.sim.EventLoopBenchmark' -f 1 -wi 3 -i 5 -w 2s -r 2s
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class EventLoopBenchmark {
  static final int EVENTS = 1_000_000;

  @Param({"64"})
  int inFlight;

  @Param({"off", "cpu+storage", "all"})
  String model;

  Simulation sim;
  Nemesis nemesis;

  /** Forwards every message to a random peer (logging it first when {@code log}); a heartbeat timer every 50 ms. */
  static final class Forwarder implements Node {
    final int seeds;
    final boolean log;
    final boolean refill;
    final byte[] record = new byte[16];
    SimFile file;
    int logged;
    boolean heard;

    Forwarder(int seeds, boolean log, boolean refill) {
      this.seeds = seeds;
      this.log = log;
      this.refill = refill;
    }

    @Override
    public void start(NodeContext ctx) {
      for (int i = 0; i < seeds; i++) {
        ctx.send(peer(ctx), i);
      }
      ctx.setTimer(Durations.ms(50), "heartbeat");
    }

    @Override
    public void receive(NodeContext ctx, int from, Object message) {
      heard = true;
      if (log) {
        if (file == null) {
          file = ctx.disk().open("log");
        }
        file.append(record, 0, record.length);
        if (++logged % 32 == 0) {
          file.fsync();
        }
        if (logged % 4096 == 0) {
          file.truncate(0);
        }
      }
      ctx.send(peer(ctx), message);
    }

    @Override
    public void timer(NodeContext ctx, Object tag) {
      if (refill && !heard) {
        for (int i = 0; i < seeds; i++) {
          ctx.send(peer(ctx), i);
        }
      }
      heard = false;
      ctx.setTimer(Durations.ms(50), tag);
    }

    private static int peer(NodeContext ctx) {
      int p = ctx.random().nextInt(ctx.servers() - 1);
      return p >= ctx.id() ? p + 1 : p;
    }
  }

  @Setup(Level.Invocation)
  public void setUp() {
    boolean all = model.equals("all");
    boolean on = all || model.equals("cpu+storage");
    sim = new Simulation(new Streams(42), 5, id -> new Forwarder(inFlight / 5, on, all), new Trace(false));
    if (all) {
      Environment env = Environment.defaults().withRegions(RegionSettings.aws3());
      sim.setRegions(env.regions().place(5, 0));
      env.storage().apply(sim);
      env.resources().apply(sim);
      nemesis = new Nemesis(sim, new HistoryRecorder(sim, "bench"), new SplittableRandom(7),
          FaultSettings.all().withInterval(Durations.s(1)), env);
      new Schedule.Mix().install(sim, nemesis, new SplittableRandom(8), 0, Long.MAX_VALUE);
    }
    if (on) {
      sim.setEventCost(new Latency.Uniform(Durations.US, 5 * Durations.US));
      for (int i = 0; i < 5; i++) {
        sim.storage(i).setLatencies(null, null, new Latency.Uniform(50 * Durations.US, 200 * Durations.US));
      }
    }
    sim.start();
    sim.network().setLatency(new Latency.Uniform(Durations.US * 200, Durations.MS * 2));
    if (all) {
      sim.network().markBaseline();
    }
  }

  /** Runs exactly {@link #EVENTS} events; returns the running hash so that nothing is optimized away. */
  @Benchmark
  @OperationsPerInvocation(EVENTS)
  public long events() {
    return run(sim, EVENTS);
  }

  static long run(Simulation sim, long events) {
    long t = 0;
    while (sim.eventCount() < events) {
      t += Durations.ms(10);
      sim.runUntil(t);
    }
    return sim.eventHash();
  }
}
