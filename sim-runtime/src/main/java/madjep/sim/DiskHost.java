package madjep.sim;

/**
 * What a disk needs from the node it belongs to: the node's own time (which runs ahead of the sim's while a handler
 * waits on slow I/O), a way to make the node wait, and a way to complete an operation later in the node's current
 * incarnation.
 */
interface DiskHost {
  /** The node's current time: the sim's time, or later while a handler has spent time on CPU or I/O. */
  long ioNow();

  /** The sim's time: writes become durable, and crashes strike, by this clock. */
  long simNow();

  /** The node's handler blocks for {@code nanos} (a synchronous read, write or fsync). */
  void ioSpend(long nanos);

  /** Runs {@code done} at {@code at} as an event of the node's current incarnation (never after a crash). */
  void ioComplete(long at, Runnable done);
}
