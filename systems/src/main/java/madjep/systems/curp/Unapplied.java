package madjep.systems.curp;

import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import it.unimi.dsi.fastutil.longs.Long2LongOpenHashMap;

/**
 * The log's entries that are not applied yet, as a leader's conflict check needs them: which keys they write, and
 * where each command is. A command may be executed speculatively only when nothing here writes its keys: then its
 * result on the applied state is the result it will have in log order.
 */
final class Unapplied {
  private final Long2IntOpenHashMap writesOnKey = new Long2IntOpenHashMap();
  private final Long2LongOpenHashMap indexOf = new Long2LongOpenHashMap();

  Unapplied() {
    indexOf.defaultReturnValue(-1);
  }

  void add(long index, Command c) {
    if (c == null) {
      return;
    }
    indexOf.put(c.id(), index);
    if (c.op().writes()) {
      for (long k : c.op().keys()) {
        writesOnKey.addTo(k, 1);
      }
    }
  }

  void remove(long index, Command c) {
    if (c == null) {
      return;
    }
    if (indexOf.get(c.id()) == index) {
      indexOf.remove(c.id());
    }
    if (c.op().writes()) {
      for (long k : c.op().keys()) {
        if (writesOnKey.addTo(k, -1) == 1) {
          writesOnKey.remove(k);
        }
      }
    }
  }

  /** Where {@code c} is in the log, or -1 when it is not among the unapplied entries. */
  long indexOf(Command c) {
    return indexOf.get(c.id());
  }

  /** True when an unapplied entry writes a key of {@code op}. */
  boolean conflicts(Op op) {
    for (long k : op.keys()) {
      if (writesOnKey.get(k) > 0) {
        return true;
      }
    }
    return false;
  }

  /** Rebuilds from the log's entries after {@code applied} (after a truncation or a snapshot). */
  void rebuild(CurpLog log, long applied) {
    writesOnKey.clear();
    indexOf.clear();
    for (long i = Math.max(applied, log.base()) + 1; i <= log.last(); i++) {
      add(i, log.command(i));
    }
  }
}
