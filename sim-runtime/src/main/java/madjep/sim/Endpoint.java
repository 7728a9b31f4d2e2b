package madjep.sim;

import java.util.ArrayList;
import java.util.SplittableRandom;

/**
 * The sim's record of one endpoint (server or client): its status, incarnation, disk, clock and current node, and
 * its resources: the time its current handler has reached ({@link #cursor}, ahead of the sim's while the handler
 * spends CPU or waits on I/O), until when it is busy, the events waiting for it, and its memory.
 */
final class Endpoint implements DiskHost {
  enum Status {
    UP, DOWN, PAUSED
  }

  /** One incarnation's life: messages it sent that would leave after its end never left. */
  static final class Life {
    long endedAt = Long.MAX_VALUE;
  }

  final Simulation sim;
  final int id;
  final String name;
  final NodeFactory factory;
  final SimDisk disk;
  final NodeClock clock = new NodeClock();
  final SplittableRandom rng;
  final SplittableRandom diskRng;
  Status status = Status.DOWN;
  int incarnation;
  Life life = new Life();
  Node node;
  NodeContext ctx;
  /** Events that reached the node while it was paused, in arrival order: kind, a, b, payload. */
  final ArrayList<Object[]> deferred = new ArrayList<>();

  // ---- resources ----

  /** The time the current (or last) handler has reached. */
  long cursor;
  /** The node handles nothing before this time: events that arrive earlier wait in the inbox. */
  long busyUntil;
  Inbox inbox;
  boolean drainScheduled;
  long busyNanos;
  long inFlight;
  long inboxDropped;
  long memory;
  long memoryBudget;
  boolean oomPending;
  double slowFactor = 1;

  Endpoint(Simulation sim, int id, String name, NodeFactory factory, SplittableRandom rng, SplittableRandom diskRng,
      SplittableRandom storageRng) {
    this.sim = sim;
    this.id = id;
    this.name = name;
    this.factory = factory;
    this.rng = rng;
    this.diskRng = diskRng;
    this.disk = storageRng == null ? new SimDisk(this, id, null, null)
        : new SimDisk(this, id, storageRng.split(), storageRng.split());
  }

  int queued() {
    return inbox == null ? 0 : inbox.size();
  }

  // ---- DiskHost ----

  @Override
  public long ioNow() {
    return Math.max(cursor, sim.now());
  }

  @Override
  public long simNow() {
    return sim.now();
  }

  @Override
  public void ioSpend(long nanos) {
    NodeContext c = ctx;
    if (c != null && c.ioWait() != null && c.ioWait().await(nanos)) {
      return;
    }
    cursor = ioNow() + nanos;
    busyUntil = Math.max(busyUntil, cursor);
  }

  @Override
  public void ioComplete(long at, Runnable done) {
    if (status != Status.DOWN && ctx != null) {
      ctx.schedule(at, done);
    }
  }
}
