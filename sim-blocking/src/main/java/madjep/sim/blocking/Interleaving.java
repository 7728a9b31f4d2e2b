package madjep.sim.blocking;

/** How a node's scheduler picks the next task among those ready to run. */
public enum Interleaving {
  /**
   * At every scheduling point (a task parks, yields with {@link BlockingContext#yieldNow()} or {@code sleep(0)},
   * spawns a task, or releases a lock, completes a future or hands over an item another task may wait for) the next task
   * is drawn uniformly from the runnable ones, the current one included, from the node's scheduling stream. Seeds
   * explore interleavings as a controlled-concurrency tester does; a seed replays its interleaving exactly.
   */
  RANDOM,
  /**
   * No choice: the running task goes on until it blocks, and then the task that became runnable first runs. What a
   * plain cooperative scheduler does; races that need a switch at a yield point stay hidden. For comparison and
   * debugging.
   */
  RUN_TO_BLOCK
}
