package madjep.sim.workload;

/**
 * One client thread's side of a system's protocol ({@link ClientProtocol}): it gets the workload's ops one at a time
 * and reports how each ended. Everything it does goes through the {@link madjep.sim.NodeContext} it was opened with:
 * messages to nodes, {@link madjep.sim.Rpc} requests, timers. Messages that reach the client's endpoint come to
 * {@link #receive}, timers it set to {@link #timer}.
 */
public interface ClientSession {
  /**
   * Starts {@code op}, whose timeout is {@code timeout} nanoseconds from now, and reports its end through {@code
   * outcome}; only the first report counts, and none after the driver has given up on it ({@link #abandon()}).
   */
  void invoke(ClientOp op, long timeout, Outcome outcome);

  /** A message that reached this client's endpoint (responses to its {@code request}s go to their handlers). */
  default void receive(int from, Object message) {}

  /** A timer this session set has fired. */
  default void timer(Object tag) {}

  /** The driver gave up on the op in flight: its timeout passed and it is recorded {@code :info}. Forget it. */
  default void abandon() {}

  /**
   * How an op ended. {@code extras} are keyword keys and values, alternating, recorded on the completion beside
   * {@code :value} (Jepsen ops carry such fields: {@code :node "n2"}, an etcd {@code :revision}).
   */
  interface Outcome {
    /** The op took effect; {@code value} is the completed op's value (reads filled in). */
    void ok(Object value, Object... extras);

    /** The op certainly did not take effect. */
    void fail(Object value, Object error, Object... extras);

    /** The op may or may not have taken effect. */
    void info(Object error, Object... extras);
  }
}
