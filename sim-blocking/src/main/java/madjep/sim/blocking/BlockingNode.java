package madjep.sim.blocking;

/**
 * A node of the system under test written as ordinary sequential Java: its code runs in tasks that block (call a
 * peer and wait for the reply, sleep, take a lock, wait on a future or a queue) and the simulator schedules them
 * one at a time from the seed. A node object is its volatile state: a crash ends all its tasks at once, and a
 * restart asks {@link BlockingNodeFactory} for a new object, whose {@link #start} finds only what reached its disk
 * durably. Everything outside the node goes through its {@link BlockingContext}; a task must never block any other
 * way (the run stops with {@link BlockedOutsideSimulationException} if one does).
 */
public interface BlockingNode {
  /** The node's first task, run at each boot (first or after a restart); it may spawn more and may return. */
  void start(BlockingContext ctx) throws Exception;

  /**
   * Answers one request (a peer's {@link BlockingContext#call}, or a client's op) in a task of its own, so it may
   * block; the value returned is the reply, or no reply when null (the caller then times out).
   */
  default Object serve(BlockingContext ctx, int from, Object request) throws Exception {
    throw new UnsupportedOperationException("node " + ctx.name() + " got a request but does not serve any: "
        + request);
  }

  /** Handles one message sent with {@link BlockingContext#send}, in a task of its own. */
  default void receive(BlockingContext ctx, int from, Object message) throws Exception {}

  /** Runs, as a task, before a graceful stop (the disk is then synced); an abrupt crash runs nothing. */
  default void stop(BlockingContext ctx) throws Exception {}
}
