package madjep.sim.workload;

import java.util.List;
import madjep.sim.Durations;

/**
 * How clients drive a workload.
 *
 * @param concurrency client threads (Jepsen's {@code :concurrency}); a thread whose op times out continues as
 *     process {@code p + concurrency}
 * @param rate ops per second over all clients (Jepsen's {@code stagger}: gaps uniform in 0..2/rate)
 * @param timeout how long a client waits for an op before recording it {@code :info}
 * @param retry how long a client waits before trying another node after "not leader"
 * @param idle threads (numbered from 0, as their first process) that never take an op: the shrinker removes one
 *     client this way without moving any other thread's choices; sorted, empty by default
 */
public record ClientSettings(int concurrency, double rate, long timeout, long retry, List<Integer> idle) {
  public ClientSettings {
    if (concurrency < 1) {
      throw new IllegalArgumentException("clients.concurrency: expected at least 1, found " + concurrency);
    }
    if (!(rate > 0)) {
      throw new IllegalArgumentException("clients.rate: expected ops per second above 0, found " + rate);
    }
    idle = List.copyOf(new java.util.TreeSet<>(idle));
    for (int i : idle) {
      if (i < 0 || i >= concurrency) {
        throw new IllegalArgumentException("clients.idle: expected threads 0.." + (concurrency - 1) + ", found " + i);
      }
    }
    if (idle.size() >= concurrency) {
      throw new IllegalArgumentException("clients.idle: expected at least one thread left to run ops, found all "
          + concurrency + " idle");
    }
  }

  /** Settings where every thread takes ops. */
  public ClientSettings(int concurrency, double rate, long timeout, long retry) {
    this(concurrency, rate, timeout, retry, List.of());
  }

  public static ClientSettings defaults() {
    return new ClientSettings(10, 200, Durations.ms(1000), Durations.ms(10));
  }

  /** The same settings with {@code threads} idle. */
  public ClientSettings withIdle(List<Integer> threads) {
    return new ClientSettings(concurrency, rate, timeout, retry, threads);
  }

  /** True when thread {@code i} takes ops. */
  public boolean runs(int i) {
    return !idle.contains(i);
  }
}
