package madjep.sim.workload;

import madjep.sim.Durations;

/**
 * How clients drive a workload.
 *
 * @param concurrency client threads (Jepsen's {@code :concurrency}); a thread whose op times out continues as
 *     process {@code p + concurrency}
 * @param rate ops per second over all clients (Jepsen's {@code stagger}: gaps uniform in 0..2/rate)
 * @param timeout how long a client waits for an op before recording it {@code :info}
 * @param retry how long a client waits before trying another node after "not leader"
 */
public record ClientSettings(int concurrency, double rate, long timeout, long retry) {
  public ClientSettings {
    if (concurrency < 1) {
      throw new IllegalArgumentException("clients.concurrency: expected at least 1, found " + concurrency);
    }
    if (!(rate > 0)) {
      throw new IllegalArgumentException("clients.rate: expected ops per second above 0, found " + rate);
    }
  }

  public static ClientSettings defaults() {
    return new ClientSettings(10, 200, Durations.ms(1000), Durations.ms(10));
  }
}
