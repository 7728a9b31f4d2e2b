package madjep.systems.raft;

import java.util.List;
import madjep.history.edn.Keyword;
import madjep.sim.DiskException;
import madjep.sim.RecordFile;
import madjep.sim.SimDisk;
import madjep.sim.SimFile;
import madjep.sim.workload.ClientOp;

/**
 * Raft's durable state. Generation {@code g} is a snapshot file {@code raft.snap.g} (the state machine up to an
 * index) and a log file {@code raft.log.g} of records: a term and vote, an entry, or a truncation. {@code
 * raft.current} names the live generation: appending a record to it, once the new snapshot and log are synced, is
 * what commits a compaction, so a crash at any point leaves one complete generation. Generation 0 has no snapshot.
 *
 * <p>Every record is checksummed; recovery keeps the valid prefix of each file, as after a torn write. {@link
 * RaftMeta} holds the term, vote and acknowledged index in a superblock, so that recovery can tell a torn tail (never
 * acknowledged) from lost acknowledged data or a lost vote (corruption): then the node is {@link #suspect} and must
 * be repaired from a leader before it votes again, across restarts too (the superblock records that it is suspect, and
 * keeps what it had acknowledged, until the repair). With the no-checksum bug, records are read without verifying
 * their checksums, whatever decodes is taken as written, and damage goes unnoticed.
 */
final class RaftStorage {
  private static final byte TERM = 1;
  private static final byte ENTRY = 2;
  private static final byte TRUNCATE = 3;

  private final SimDisk disk;
  private final RecordFile current;
  private RecordFile file;
  private int generation;
  private final ValueCodec codec = new ValueCodec();

  private final RaftMeta meta;
  private final boolean verify;
  /**
   * The length of the last snapshot written or read: the next one takes about as much room in {@link #codec}, which is
   * new at every restart and grew to each first snapshot by doubling (126 MB of a simulated hour's allocations).
   */
  private int snapshotBytes;

  long term;
  int votedFor = -1;
  final RaftLog log = new RaftLog();
  /** The state machine's snapshot read at recovery, or null. */
  Object recoveredSnapshot;
  /**
   * Why this node may have lost data it acknowledged, or a vote it cast (null when not): it must not vote or campaign
   * until a leader has brought its log back past {@link #acked()}.
   */
  String suspect;

  RaftStorage(SimDisk disk, boolean verify) {
    this.disk = disk;
    this.verify = verify;
    this.current = new RecordFile(disk.open("raft.current"));
    this.meta = new RaftMeta(disk);
  }

  /** The highest index acknowledged, as the superblock says (while suspect: before the damage, or since if higher). */
  long acked() {
    return meta.acked();
  }

  private List<byte[]> read(RecordFile f) {
    return verify ? f.recover() : f.recoverUnchecked();
  }

  /** As {@link #read(RecordFile)}, handing each record to {@code reader} in place. */
  private void read(RecordFile f, RecordFile.Reader reader) {
    if (verify) {
      f.recover(reader);
    } else {
      f.recoverUnchecked(reader);
    }
  }

  /** Reads back what survived; returns the number of records read. */
  int recover() {
    meta.recover(verify);
    List<byte[]> gens = read(current);
    ValueCodec in = new ValueCodec();
    if (!gens.isEmpty()) {
      in.buf = gens.get(gens.size() - 1);
      in.pos = 0;
      generation = (int) in.readLong();
    }
    int records = gens.size();
    boolean logLost = false;
    if (generation > 0) {
      List<byte[]> snap = read(new RecordFile(disk.open("raft.snap." + generation)));
      try {
        in.buf = snap.get(snap.size() - 1);
        in.pos = 0;
        snapshotBytes = in.buf.length;
        long index = in.readLong();
        long t = in.readLong();
        recoveredSnapshot = in.getValue();
        log.compact(index, t);
        records++;
      } catch (RuntimeException e) {
        // The snapshot is gone or unreadable: its generation's log means nothing without it.
        recoveredSnapshot = null;
        logLost = true;
      }
    }
    file = new RecordFile(disk.open("raft.log." + generation));
    int decoded = 0;
    if (!logLost) {
      // A register entry's record takes about 30 bytes: room for the log's entries at once.
      log.reserve((int) Math.min(1 << 22, file.file().size() / 24));
      // Each record decoded as it is read, rather than a list of every record first: a long log is read at every
      // restart. In place when its checksum held (its bytes are what an encoding wrote, and decoding them reads no
      // further); without checksums, from a copy of its bytes, so that a damaged one cannot read past its end.
      int[] ok = {0};
      boolean[] failed = {false};
      RecordFile.Reader decodeEach = (b, off, n) -> {
        if (failed[0]) {
          return;
        }
        try {
          if (verify) {
            decode(b, off, in);
          } else {
            decode(java.util.Arrays.copyOfRange(b, off, off + n), 0, in);
          }
          ok[0]++;
        } catch (RuntimeException e) {
          failed[0] = true;
        }
      };
      read(file, decodeEach);
      decoded = ok[0];
      if (failed[0]) {
        // Only without checksums can a record hold bytes that do not decode: take it as the end, as a torn one.
        file.keep(decoded);
      }
    }
    if (meta.term() > term) {
      term = meta.term();
      votedFor = meta.votedFor();
    } else if (meta.term() == term && votedFor == -1) {
      votedFor = meta.votedFor();
    }
    if (!verify) {
      // Without checksums the node has no way to tell damage: it believes what it read.
      return records + decoded;
    }
    if (meta.state() == RaftMeta.State.DAMAGED) {
      suspect = "its superblock is damaged: what it acknowledged and whom it voted for are unknown";
    } else if (logLost) {
      suspect = "snapshot " + generation + " is lost";
    } else if (log.last() < meta.acked()) {
      suspect = "its log ends at " + log.last() + " but it acknowledged up to " + meta.acked();
    } else if (meta.suspect()) {
      suspect = "its storage was damaged before its last restart and no leader has repaired it since";
    }
    return records + decoded;
  }

  /** Decodes the record that starts at {@code r[at]}. */
  private void decode(byte[] r, int at, ValueCodec in) {
    in.buf = r;
    in.pos = at + 1;
    switch (r[at]) {
      case TERM -> {
        term = in.readLong();
        votedFor = (int) in.readLong();
      }
      case ENTRY -> {
        long index = in.readLong();
        long t = in.readLong();
        ClientOp op = null;
        if (in.readByte() == 1) {
          Keyword f = in.getKeyword();
          long process = in.readLong();
          op = new ClientOp(f, in.getValue(), process);
        }
        if (index > log.last() + 1) {
          throw new IllegalStateException("raft.log: entry " + index + " after " + log.last());
        }
        if (index > log.snapshotIndex()) {
          log.truncateFrom(index);
          log.append(t, op, null);
        }
      }
      case TRUNCATE -> log.truncateFrom(in.readLong());
      default -> throw new IllegalStateException("raft.log: unknown record type " + r[at]);
    }
  }

  /**
   * Makes the log durable, then the superblock (term, vote, and the log's length as what is now acknowledged);
   * throws {@link DiskException} when the disk refuses.
   */
  void sync() {
    if (file.file().dirty()) {
      file.fsync();
    }
    saveMeta();
  }

  /**
   * Only the superblock (the log was synced: its length is what is now acknowledged). While suspect, it keeps the
   * evidence: the superblock says so and keeps the highest index acknowledged before the damage. Recording the
   * shortened log as all it had acknowledged would let the next restart find nothing wrong, and the node vote with a
   * log that lost committed entries (seed 460 of raft-kv-every-fault elected a leader without one that way).
   */
  void saveMeta() {
    boolean isSuspect = suspect != null;
    long acked = isSuspect ? Math.max(meta.acked(), log.last()) : log.last();
    if (meta.state() != RaftMeta.State.OK || meta.term() != term || meta.votedFor() != votedFor
        || meta.acked() != acked || meta.suspect() != isSuspect) {
      meta.save(term, votedFor, acked, isSuspect);
    }
  }

  void saveTerm(long t, int vote) {
    term = t;
    votedFor = vote;
    writeTerm(file);
  }

  private void writeTerm(RecordFile f) {
    codec.rewind();
    codec.writeByte(TERM);
    codec.writeLong(term);
    codec.writeLong(votedFor);
    f.append(codec.buf, codec.pos);
  }

  /** Appends an entry this node makes (a leader's): encoded, framed and written, its record kept to send along. */
  void append(long t, ClientOp op) {
    encodeEntry(log.last() + 1, t, op);
    byte[] record = file.frame(codec.buf, codec.pos);
    log.append(t, op, record);
    file.appendFrame(record);
  }

  /**
   * Appends an entry a leader sent, with {@code record} the leader's record of it (entry {@link RaftLog#last()} + 1,
   * of term {@code t}: the same bytes this node would write), or null when the leader has none: then it is encoded.
   */
  void append(long t, ClientOp op, byte[] record) {
    if (record == null) {
      append(t, op);
      return;
    }
    log.append(t, op, record);
    file.appendFrame(record);
  }

  private void writeEntry(RecordFile f, long index, long t, ClientOp op) {
    byte[] record = log.record(index);
    if (record != null) {
      f.appendFrame(record);
      return;
    }
    encodeEntry(index, t, op);
    f.append(codec.buf, codec.pos);
  }

  private void encodeEntry(long index, long t, ClientOp op) {
    codec.rewind();
    codec.writeByte(ENTRY);
    codec.writeLong(index);
    codec.writeLong(t);
    if (op == null) {
      codec.writeByte(0);
    } else {
      codec.writeByte(1);
      codec.putKeyword(op.f());
      codec.writeLong(op.process());
      codec.putValue(op.value());
    }
  }

  void truncateFrom(long index) {
    if (index <= log.snapshotIndex()) {
      return;
    }
    log.truncateFrom(index);
    codec.rewind();
    codec.writeByte(TRUNCATE);
    codec.writeLong(index);
    file.append(codec.buf, codec.pos);
  }

  /**
   * Replaces the log up to {@code index} (of term {@code t}) with a snapshot of the state machine, durably: a new
   * generation's snapshot and log are written and synced, then named current, then the old ones deleted.
   */
  void compact(long index, long t, Object machineState) {
    log.compact(index, t);
    int next = generation + 1;
    RecordFile snap = fresh("raft.snap." + next);
    codec.rewind();
    codec.ensure(snapshotBytes + snapshotBytes / 4);
    codec.writeLong(index);
    codec.writeLong(t);
    codec.putValue(machineState);
    snapshotBytes = codec.pos;
    // Framed into an array of its own that the file keeps, rather than framed into the file's buffer and copied.
    snap.appendFrame(snap.frame(codec.buf, codec.pos));
    snap.fsync();
    RecordFile newLog = fresh("raft.log." + next);
    // It grows about as far as this one did before the next compaction, and a little further, as the state (and with
    // it the distance between compactions) grows. Room for exactly this one's size was outgrown by a few percent at
    // nearly every compaction, and the log's array then doubled: a third of what a simulated hour allocated for logs.
    long size = file.file().size();
    newLog.file().reserve((int) Math.min(1 << 30, size + size / 4 + 4096));
    writeTerm(newLog);
    for (long i = index + 1; i <= log.last(); i++) {
      writeEntry(newLog, i, log.term(i), log.op(i));
    }
    newLog.fsync();
    codec.rewind();
    codec.writeLong(next);
    current.append(codec.buf, codec.pos);
    current.fsync();
    disk.delete("raft.log." + generation);
    disk.delete("raft.snap." + generation);
    generation = next;
    file = newLog;
  }

  private RecordFile fresh(String name) {
    SimFile f = disk.open(name);
    f.truncate(0);
    return new RecordFile(f);
  }

  boolean dirty() {
    return file.file().dirty();
  }

  void fsync() {
    file.fsync();
  }
}
