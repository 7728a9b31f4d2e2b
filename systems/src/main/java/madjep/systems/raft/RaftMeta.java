package madjep.systems.raft;

import java.util.zip.CRC32C;
import madjep.sim.DiskException;
import madjep.sim.SimDisk;
import madjep.sim.SimFile;

/**
 * Raft's superblock, {@code raft.meta}: the term, the vote, the highest log index this node has acknowledged, and
 * whether it is suspect (its storage lost data and no leader has repaired it yet), in two {@value SimDisk#SECTOR}-byte slots written in turn (each one sector, so a crash tears neither; the other
 * always holds the previous state). Written and synced after the log is synced and before any acknowledgement or
 * vote leaves, so after a crash the log holds at least {@link #acked()} entries, unless storage lost some: the
 * evidence of corruption that a torn tail never gives. The suspect flag carries that evidence across restarts: a
 * suspect node that saves its superblock (a newer term seen, entries from a leader) must not come back as a node that
 * never lost anything.
 */
final class RaftMeta {
  private static final int SLOT = SimDisk.SECTOR;
  private static final int PAYLOAD = 40;
  /** Big-endian longs in a byte array. */
  private static final java.lang.invoke.VarHandle LONG =
      java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.BIG_ENDIAN);

  /** What recovery found in the file. */
  enum State {
    /** Never written. */
    FRESH,
    /** A valid slot was read. */
    OK,
    /** A slot was unreadable or failed its checksum, or the file was cut: what was acked or voted is unknown. */
    DAMAGED
  }

  private final SimFile file;
  private final CRC32C crc = new CRC32C();
  private final byte[] slot = new byte[SLOT];
  private long seq;
  private long term;
  private int votedFor = -1;
  private long acked;
  private boolean suspect;
  private State state = State.FRESH;

  RaftMeta(SimDisk disk) {
    this.file = disk.open("raft.meta");
  }

  long term() {
    return term;
  }

  int votedFor() {
    return votedFor;
  }

  long acked() {
    return acked;
  }

  /** True when the newest slot says the node was suspect when it was written. */
  boolean suspect() {
    return suspect;
  }

  State state() {
    return state;
  }

  /** Reads the newest valid slot; {@code verify} false trusts the bytes without checksums. */
  void recover(boolean verify) {
    long size = file.size();
    if (size == 0) {
      state = State.FRESH;
      return;
    }
    state = size < 2 * SLOT ? State.DAMAGED : State.OK;
    boolean found = false;
    for (int s = 0; s < 2; s++) {
      byte[] b = new byte[SLOT];
      try {
        if (file.read((long) s * SLOT, b, 0, SLOT) < PAYLOAD + 8) {
          state = State.DAMAGED;
          continue;
        }
      } catch (DiskException e) {
        state = State.DAMAGED;
        continue;
      }
      if (verify && checksum(b) != getLong(b, PAYLOAD)) {
        state = State.DAMAGED;
        continue;
      }
      long sq = getLong(b, 0);
      if (!found || sq > seq) {
        found = true;
        seq = sq;
        term = getLong(b, 8);
        votedFor = (int) getLong(b, 16);
        acked = getLong(b, 24);
        suspect = getLong(b, 32) != 0;
      }
    }
    if (!found) {
      state = State.DAMAGED;
    }
  }

  /** Records the state durably (the slot after the newest); throws {@link DiskException} if it cannot. */
  void save(long t, int vote, long ackedIndex, boolean isSuspect) {
    if (file.size() < 2 * SLOT) {
      // First use: both slots, so that a short file always means damage.
      java.util.Arrays.fill(slot, (byte) 0);
      seq = 0;
      write(0, t, vote, ackedIndex, isSuspect, SLOT);
      seq = 1;
      write(SLOT, t, vote, ackedIndex, isSuspect, SLOT);
    } else {
      // The rest of a slot is zeros and stays so: only the state and its checksum are written again.
      seq++;
      write((int) Math.floorMod(seq, 2L) * SLOT, t, vote, ackedIndex, isSuspect, PAYLOAD + 8);
    }
    file.fsync();
    term = t;
    votedFor = vote;
    acked = ackedIndex;
    suspect = isSuspect;
    state = State.OK;
  }

  private void write(int at, long t, int vote, long ackedIndex, boolean isSuspect, int bytes) {
    putLong(slot, 0, seq);
    putLong(slot, 8, t);
    putLong(slot, 16, vote);
    putLong(slot, 24, ackedIndex);
    putLong(slot, 32, isSuspect ? 1 : 0);
    putLong(slot, PAYLOAD, checksum(slot));
    file.write(at, slot, 0, bytes);
  }

  private long checksum(byte[] b) {
    crc.reset();
    crc.update(b, 0, PAYLOAD);
    return crc.getValue() ^ 0x5EEDL;
  }

  private static void putLong(byte[] b, int at, long v) {
    LONG.set(b, at, v);
  }

  private static long getLong(byte[] b, int at) {
    return (long) LONG.get(b, at);
  }
}
