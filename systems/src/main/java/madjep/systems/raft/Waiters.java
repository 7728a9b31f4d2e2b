package madjep.systems.raft;

import java.util.Arrays;
import madjep.sim.Rpc;

/**
 * The clients a leader owes an answer, by the log index of their op. A leader appends ops at ever higher indexes and
 * applies them in index order, so this is a queue: added at the back, taken from the front. (A hash map keyed by
 * index spent a fortieth of the simulated hour of examples/raft-kv-hour.toml shifting keys on removal.)
 */
final class Waiters {
  /** A client and its request. */
  record Waiting(int client, Rpc.Request request) {}

  private long[] index = new long[16];
  private Waiting[] waiting = new Waiting[16];
  private int head;
  private int size;

  int size() {
    return size;
  }

  void clear() {
    Arrays.fill(waiting, null);
    head = 0;
    size = 0;
  }

  /** Adds the client of the op at {@code at}, which must be above every index held. */
  void add(long at, Waiting w) {
    if (size > 0 && at <= index[(head + size - 1) & (index.length - 1)]) {
      throw new IllegalStateException("expected an index above the last one held, found " + at);
    }
    if (size == index.length) {
      grow();
    }
    int slot = (head + size) & (index.length - 1);
    index[slot] = at;
    waiting[slot] = w;
    size++;
  }

  /** Removes and returns the client of the op at {@code at}; null when none waits for it. */
  Waiting take(long at) {
    // Ops are applied in index order: whoever waits for an index below this one was passed over (none can be).
    while (size > 0 && index[head] < at) {
      pop();
    }
    return size > 0 && index[head] == at ? pop() : null;
  }

  private Waiting pop() {
    Waiting w = waiting[head];
    waiting[head] = null;
    head = (head + 1) & (index.length - 1);
    size--;
    return w;
  }

  private void grow() {
    int n = index.length;
    long[] i2 = new long[n * 2];
    Waiting[] w2 = new Waiting[n * 2];
    for (int k = 0; k < size; k++) {
      i2[k] = index[(head + k) & (n - 1)];
      w2[k] = waiting[(head + k) & (n - 1)];
    }
    index = i2;
    waiting = w2;
    head = 0;
  }
}
