package madjep.bench.blocking;

import java.util.Arrays;
import madjep.sim.scenario.Bundled;
import madjep.sim.scenario.Scenario;
import madjep.sim.scenario.SimResult;
import madjep.sim.scenario.SimRunner;

/**
 * kv-blocking against raft-kv in one sitting, alternating the two so that the machine's load falls on both alike:
 * {@code rounds} runs of each (seed 1, the bundled raft-kv scenario) after two of warm-up, medians of wall time, of
 * the process's CPU time (10 ms ticks, JIT and GC included) and of the simulation thread's own CPU time (nanoseconds;
 * the direct carrier runs every task on that thread), and their ratios. A noisy shared machine's answer to {@link KvSystemBenchmark}.
 *
 * <pre>
 * java --add-opens java.base/java.lang=ALL-UNNAMED -cp benchmarks-blocking/target/benchmarks-blocking.jar \
 *   madjep.bench.blocking.KvSystemRatio 10
 * </pre>
 */
public final class KvSystemRatio {
  private KvSystemRatio() {}

  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    Scenario raft = Bundled.get("raft-kv").scenario().withSeed(1);
    Scenario blocking = raft.toBuilder().name("kv-blocking").system("kv-blocking").build();
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    long[] a = new long[rounds];
    long[] b = new long[rounds];
    long[] ca = new long[rounds];
    long[] cb = new long[rounds];
    long[] ta = new long[rounds];
    long[] tb = new long[rounds];
    java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
    SimResult ra = null;
    SimResult rb = null;
    for (int i = -2; i < rounds; i++) {
      long c0 = os.getProcessCpuTime();
      long h0 = threads.getCurrentThreadCpuTime();
      long t0 = System.nanoTime();
      rb = SimRunner.run(blocking);
      long c1 = os.getProcessCpuTime();
      long h1 = threads.getCurrentThreadCpuTime();
      long t1 = System.nanoTime();
      ra = SimRunner.run(raft);
      long c2 = os.getProcessCpuTime();
      long h2 = threads.getCurrentThreadCpuTime();
      long t2 = System.nanoTime();
      if (i >= 0) {
        b[i] = t1 - t0;
        a[i] = t2 - t1;
        cb[i] = c1 - c0;
        ca[i] = c2 - c1;
        tb[i] = h1 - h0;
        ta[i] = h2 - h1;
      }
    }
    Arrays.sort(a);
    Arrays.sort(b);
    Arrays.sort(ca);
    Arrays.sort(cb);
    Arrays.sort(ta);
    Arrays.sort(tb);
    double ma = a[rounds / 2] / 1e6;
    double mb = b[rounds / 2] / 1e6;
    System.out.printf("raft-kv     median %.1f ms (min %.1f), %,d events, %s%n", ma, a[0] / 1e6, ra.events(),
        ra.stats());
    System.out.printf("kv-blocking median %.1f ms (min %.1f), %,d events, %s%n", mb, b[0] / 1e6, rb.events(),
        rb.stats());
    System.out.printf("ratio kv-blocking / raft-kv: %.2f (wall medians), %.2f (wall minima), %.2f (CPU medians: "
        + "%.1f / %.1f ms)%n", mb / ma, (double) b[0] / a[0], (double) cb[rounds / 2] / ca[rounds / 2],
        cb[rounds / 2] / 1e6, ca[rounds / 2] / 1e6);
    System.out.printf("ratio of the simulation thread's CPU time: %.2f (medians: %.1f / %.1f ms), %.2f (minima)%n",
        (double) tb[rounds / 2] / ta[rounds / 2], tb[rounds / 2] / 1e6, ta[rounds / 2] / 1e6, (double) tb[0] / ta[0]);
  }
}
