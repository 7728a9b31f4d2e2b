package madjep.sim;

/**
 * A node of the system under test: plain Java code that reacts to its start, to messages and to its timers. A node
 * object is its volatile state: a crash throws it away and a restart asks the {@link NodeFactory} for a new one,
 * which finds only what reached its {@link SimDisk} durably. A node never blocks, never reads the wall clock and
 * never starts threads; everything it does goes through its {@link NodeContext}.
 */
public interface Node {
  /** Called when the node boots, first or after a restart. */
  void start(NodeContext ctx);

  /** Called for each message delivered to the node ({@link Rpc.Response}s to its requests go to their handlers). */
  void receive(NodeContext ctx, int from, Object message);

  /** Called when a timer set with {@link NodeContext#setTimer} fires. */
  default void timer(NodeContext ctx, Object tag) {}

  /** Called before a graceful stop; an abrupt crash calls nothing. */
  default void stop(NodeContext ctx) {}
}
