package madjep.systems.curp;

import it.unimi.dsi.fastutil.longs.Long2LongOpenHashMap;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import madjep.sim.RecordFile;
import madjep.sim.SimDisk;
import madjep.sim.SimFile;

/**
 * A node's witness: the speculative pool of write commands that arrived from clients and are not yet known to be
 * applied. It accepts a command only when it commutes with everything it holds (no other write on its keys), and it
 * keeps the term it accepted it in. A read is never held: it is accepted when no held write touches its keys.
 *
 * <p>The pool is durable: an acceptance is fsynced before it is answered, because a new leader recovers from the
 * pools of a quorum every command a recover-quorum of them hold, and an acceptance a crash forgot could lose a write
 * its client saw complete. Removals are not synced: one a crash forgets brings back a command that is already
 * applied, which costs a conflict or a duplicate that dedup drops, never a lost write.
 *
 * <p>On disk: generation {@code g} is {@code curp.pool.g}, records ADD (sequence number, term, command), REMOVE (id)
 * and DROP (term: every command accepted before it); {@code curp.pool.current} names the live generation, and a
 * rewrite (when removals outnumber what is held) writes a new one whole before naming it. Each acceptance has a
 * sequence number that the node's superblock also records once it is synced ({@code synced}): a pool that recovers
 * fewer has lost acceptances to a storage fault, and is {@link #damaged()}.
 */
final class SpecPool {
  private static final byte ADD = 1;
  private static final byte REMOVE = 2;
  private static final byte DROP = 3;
  /** The newest acceptance's sequence number, written first in a rewritten generation. */
  private static final byte SEQ = 4;

  /** A held command and the term its latest acceptance was in. */
  record Held(Command command, long term) {}

  private final SimDisk disk;
  private final RecordFile current;
  private RecordFile file;
  private int generation;
  private long records;
  /** Held commands by id: (client, seq) order, so that votes list them the same way on every run. */
  private final TreeMap<Long, Held> held = new TreeMap<>();
  /** The id of the command holding each key. */
  private final Long2LongOpenHashMap holder = new Long2LongOpenHashMap();
  private final CurpCodec codec = new CurpCodec();
  /** Told the sequence number of each acceptance once it is synced. */
  private final java.util.function.LongConsumer synced;
  private long seq;
  private boolean damaged;

  /** A pool on {@code disk}; {@code synced} learns each synced acceptance's sequence number. */
  SpecPool(SimDisk disk, java.util.function.LongConsumer synced) {
    this.disk = disk;
    this.synced = synced;
    this.current = new RecordFile(disk.open("curp.pool.current"));
    holder.defaultReturnValue(-1);
  }

  /**
   * Reads back what survived a crash; {@code expected} is the newest acceptance the superblock says was synced. A
   * record that does not decode ends the file, which is cut there.
   */
  void recover(long expected) {
    List<byte[]> gens = current.recover();
    if (!gens.isEmpty()) {
      generation = (int) new CurpCodec(gens.get(gens.size() - 1), 0).readLong();
    }
    file = new RecordFile(disk.open("curp.pool." + generation));
    List<byte[]> rs = file.recover();
    long end = 0;
    for (byte[] r : rs) {
      try {
        read(r);
      } catch (RuntimeException e) {
        file.file().truncate(end);
        file.file().fsync();
        break;
      }
      end += 8 + r.length;
      records++;
    }
    damaged = seq < expected;
  }

  private void read(byte[] r) {
    CurpCodec in = new CurpCodec(r, 1);
    switch (r[0]) {
      case ADD -> {
        seq = Math.max(seq, in.readLong());
        long term = in.readLong();
        hold(in.getCommand(), term);
      }
      case REMOVE -> drop(in.readLong());
      case DROP -> forgetBefore(in.readLong());
      case SEQ -> seq = Math.max(seq, in.readLong());
      default -> throw new IllegalStateException("curp.pool: unknown record type " + r[0]);
    }
  }

  /** True when recovery found fewer acceptances than were synced: some were lost to a storage fault. */
  boolean damaged() {
    return damaged;
  }

  int size() {
    return held.size();
  }

  boolean holds(Command c) {
    return held.containsKey(c.id());
  }

  /**
   * Accepts {@code c} in {@code term} when it commutes with every held command; a write is then held, durably,
   * before this returns. A command already held is accepted again, in the newer term.
   */
  boolean accept(Command c, long term) {
    Held h = held.get(c.id());
    if (h != null) {
      if (h.term() < term) {
        held.put(c.id(), new Held(c, term));
        logAdd(term, c);
      }
      return true;
    }
    for (long k : c.op().keys()) {
      if (holder.get(k) != -1) {
        return false;
      }
    }
    if (!c.op().writes()) {
      return true;
    }
    hold(c, term);
    logAdd(term, c);
    return true;
  }

  /** Forgets {@code c}: it has been applied, so the log holds it now. */
  void remove(Command c) {
    if (drop(c.id())) {
      codec.reset().putByte(REMOVE).putLong(c.id());
      append();
    }
  }

  /**
   * Forgets every command accepted before {@code term}: a leader of {@code term} has recovered all of them that can
   * have completed, and its barrier entry, now applied, comes after them in the log.
   */
  void dropBefore(long term) {
    if (forgetBefore(term)) {
      codec.reset().putByte(DROP).putLong(term);
      append();
    }
  }

  /** What the pool holds, in id order: what a vote carries to a candidate. */
  List<Held> entries() {
    return new ArrayList<>(held.values());
  }

  // ---- in memory ----

  private void hold(Command c, long term) {
    Held old = held.put(c.id(), new Held(c, term));
    if (old == null) {
      for (long k : c.op().keys()) {
        holder.put(k, c.id());
      }
    }
  }

  private boolean drop(long id) {
    Held h = held.remove(id);
    if (h == null) {
      return false;
    }
    for (long k : h.command().op().keys()) {
      if (holder.get(k) == id) {
        holder.remove(k);
      }
    }
    return true;
  }

  private boolean forgetBefore(long term) {
    boolean dropped = false;
    Iterator<Map.Entry<Long, Held>> it = held.entrySet().iterator();
    while (it.hasNext()) {
      Held h = it.next().getValue();
      if (h.term() < term) {
        it.remove();
        for (long k : h.command().op().keys()) {
          if (holder.get(k) == h.command().id()) {
            holder.remove(k);
          }
        }
        dropped = true;
      }
    }
    return dropped;
  }

  // ---- on disk ----

  /** Writes an acceptance, syncs it, and tells the superblock. */
  private void logAdd(long term, Command c) {
    codec.reset().putByte(ADD).putLong(++seq).putLong(term).putCommand(c);
    append();
    file.fsync();
    synced.accept(seq);
  }

  private void append() {
    file.append(codec.buf, codec.pos);
    if (++records > 2L * held.size() + 256) {
      rewrite();
    }
  }

  /** Writes what is held into a new generation, syncs it, then names it current and deletes the old one. */
  private void rewrite() {
    int next = generation + 1;
    SimFile f = disk.open("curp.pool." + next);
    f.truncate(0);
    RecordFile out = new RecordFile(f);
    codec.reset().putByte(SEQ).putLong(seq);
    out.append(codec.buf, codec.pos);
    for (Held h : held.values()) {
      codec.reset().putByte(ADD).putLong(0).putLong(h.term()).putCommand(h.command());
      out.append(codec.buf, codec.pos);
    }
    out.fsync();
    codec.reset().putLong(next);
    current.append(codec.buf, codec.pos);
    current.fsync();
    disk.delete("curp.pool." + generation);
    generation = next;
    file = out;
    records = held.size();
  }
}
