package madjep.systems.curp;

import java.util.zip.CRC32C;
import madjep.sim.SimDisk;
import madjep.sim.SimFile;

/**
 * A CURP node's superblock, {@code curp.meta}: term, vote, how far its log is acknowledged ({@code acked}: synced,
 * so a leader may have counted it), how many acceptances its witness has synced ({@code poolSeq}), whether it gave up
 * voting, and what repairs it still waits for (so that a second crash does not forget the first one's damage). Two {@value SimDisk#SECTOR}-byte slots written in turn, each with a checksum and a sequence number,
 * so that a crash, a flipped bit or a misdirected write spoils at most one and the other holds the previous state.
 *
 * <p>It is what tells lost data from a torn tail: a log shorter than {@code acked}, or a pool whose records end
 * before {@code poolSeq}, lost what the node had promised, which no crash does alone. Such a node must not vote (a
 * vote carries its pool, and a candidate with a short log must not be helped) until it is repaired.
 */
final class CurpMeta {
  private static final int SLOT = SimDisk.SECTOR;
  private static final int PAYLOAD = 8 * 8;
  /** Big-endian longs (and ints) in a byte array. */
  private static final java.lang.invoke.VarHandle LONG =
      java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.BIG_ENDIAN);
  private static final java.lang.invoke.VarHandle INT =
      java.lang.invoke.MethodHandles.byteArrayViewVarHandle(int[].class, java.nio.ByteOrder.BIG_ENDIAN);

  /** What recovery found. */
  enum State {
    /** Never written. */
    FRESH,
    /** A valid slot. */
    OK,
    /** Written once, but no slot is valid now: term and vote are unknown. */
    DAMAGED
  }

  private final SimFile file;
  private final CRC32C crc = new CRC32C();
  private final byte[] slot = new byte[SLOT];
  private long seq;
  long term;
  int votedFor = -1;
  long acked;
  long poolSeq;
  boolean noVote;
  /** While damaged: the log index a leader must bring the log back to (0: not damaged). */
  long repairTo;
  /** While the pool is damaged: the term whose later barrier makes it whole (-1: not damaged). */
  long poolRepairAfter = -1;
  State state = State.FRESH;

  CurpMeta(SimDisk disk) {
    this.file = disk.open("curp.meta");
  }

  /** Reads the newest valid slot. */
  void recover() {
    if (file.size() == 0) {
      state = State.FRESH;
      return;
    }
    byte[] all = file.readAll();
    long best = -1;
    for (int s = 0; s < 2; s++) {
      if (all.length < (s + 1) * SLOT) {
        continue;
      }
      int at = s * SLOT;
      crc.reset();
      crc.update(all, at, PAYLOAD + 8);
      if ((int) crc.getValue() != getInt(all, at + PAYLOAD + 8) || getLong(all, at) <= best) {
        continue;
      }
      best = getLong(all, at);
      term = getLong(all, at + 8);
      votedFor = (int) getLong(all, at + 16);
      acked = getLong(all, at + 24);
      poolSeq = getLong(all, at + 32);
      noVote = getLong(all, at + 40) != 0;
      repairTo = getLong(all, at + 48);
      poolRepairAfter = getLong(all, at + 56);
    }
    seq = Math.max(best, 0);
    state = best < 0 ? State.DAMAGED : State.OK;
  }

  /** Writes the next slot and syncs it. */
  void save() {
    seq++;
    java.util.Arrays.fill(slot, (byte) 0);
    putLong(slot, 0, seq);
    putLong(slot, 8, term);
    putLong(slot, 16, votedFor);
    putLong(slot, 24, acked);
    putLong(slot, 32, poolSeq);
    putLong(slot, 40, noVote ? 1 : 0);
    putLong(slot, 48, repairTo);
    putLong(slot, 56, poolRepairAfter);
    crc.reset();
    crc.update(slot, 0, PAYLOAD + 8);
    putInt(slot, PAYLOAD + 8, (int) crc.getValue());
    file.write((seq % 2) * SLOT, slot, 0, SLOT);
    file.fsync();
  }

  private static void putLong(byte[] b, int at, long v) {
    LONG.set(b, at, v);
  }

  private static long getLong(byte[] b, int at) {
    return (long) LONG.get(b, at);
  }

  private static void putInt(byte[] b, int at, int v) {
    INT.set(b, at, v);
  }

  private static int getInt(byte[] b, int at) {
    return (int) INT.get(b, at);
  }
}
