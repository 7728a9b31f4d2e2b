package madjep.bench.blocking;

import java.lang.management.ManagementFactory;

/**
 * {@link TaskSwitchBenchmark}'s work measured against the CPU time the process spent on it, not the wall clock:
 * task switches per CPU-second, the per-core figure, which a loaded shared machine cannot distort as it distorts
 * throughput. Warms up for 5 s, then measures 5 s, per carrier.
 *
 * <pre>
 * java --add-opens java.base/java.lang=ALL-UNNAMED -cp benchmarks-blocking/target/benchmarks-blocking.jar \
 *   madjep.bench.blocking.TaskSwitchCpu
 * </pre>
 */
public final class TaskSwitchCpu {
  private TaskSwitchCpu() {}

  public static void main(String[] args) {
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    for (String carrier : new String[] {"direct", "handoff"}) {
      TaskSwitchBenchmark b = new TaskSwitchBenchmark();
      b.carrier = carrier;
      b.setUp();
      run(b, 5_000_000_000L);
      long cpu0 = os.getProcessCpuTime();
      long wall0 = System.nanoTime();
      long n = run(b, 5_000_000_000L);
      double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
      double wall = (System.nanoTime() - wall0) / 1e9;
      long switches = n * 2L * TaskSwitchBenchmark.ROUND_TRIPS;
      System.out.printf("%-8s %,.0f switches per CPU-second, %,.0f per wall-second (%.1f s CPU over %.1f s)%n",
          carrier, switches / cpu, switches / wall, cpu, wall);
    }
  }

  /** Invocations of the benchmark run within {@code nanos} of wall time. */
  private static long run(TaskSwitchBenchmark b, long nanos) {
    long end = System.nanoTime() + nanos;
    long n = 0;
    while (System.nanoTime() < end) {
      b.switches();
      n++;
    }
    return n;
  }
}
