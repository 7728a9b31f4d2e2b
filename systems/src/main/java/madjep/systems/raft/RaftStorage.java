package madjep.systems.raft;

import madjep.history.edn.Keyword;
import madjep.sim.RecordFile;
import madjep.sim.SimDisk;
import madjep.sim.SimFile;
import madjep.sim.workload.ClientOp;

/**
 * Raft's durable state. Generation {@code g} is a snapshot file {@code raft.snap.g} (the state machine up to an
 * index) and a log file {@code raft.log.g} of records: a term and vote, an entry, or a truncation. {@code
 * raft.current} names the live generation: appending a record to it, once the new snapshot and log are synced, is
 * what commits a compaction, so a crash at any point leaves one complete generation. Generation 0 has no snapshot.
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

  long term;
  int votedFor = -1;
  final RaftLog log = new RaftLog();
  /** The state machine's snapshot read at recovery, or null. */
  Object recoveredSnapshot;

  RaftStorage(SimDisk disk) {
    this.disk = disk;
    this.current = new RecordFile(disk.open("raft.current"));
  }

  /** Reads back what survived; returns the number of records read. */
  int recover() {
    ValueCodec in = new ValueCodec();
    long[] gen = {0};
    int records = current.recover((b, off, n) -> {
      in.buf = b;
      in.pos = off;
      gen[0] = in.getLong();
    });
    generation = (int) gen[0];
    if (generation > 0) {
      byte[][] snap = new byte[1][];
      new RecordFile(disk.open("raft.snap." + generation)).recover(
          (b, off, n) -> snap[0] = java.util.Arrays.copyOfRange(b, off, off + n));
      in.buf = snap[0];
      in.pos = 0;
      long index = in.getLong();
      long t = in.getLong();
      recoveredSnapshot = in.getValue();
      log.compact(index, t);
      records++;
    }
    file = new RecordFile(disk.open("raft.log." + generation));
    records += file.recover((r, off, n) -> {
      in.buf = r;
      in.pos = off + 1;
      switch (r[off]) {
        case TERM -> {
          term = in.getLong();
          votedFor = (int) in.getLong();
        }
        case ENTRY -> {
          long index = in.getLong();
          long t = in.getLong();
          ClientOp op = null;
          if (in.getByte() == 1) {
            Keyword f = in.getKeyword();
            long process = in.getLong();
            op = new ClientOp(f, in.getValue(), process);
          }
          if (index > log.snapshotIndex()) {
            log.truncateFrom(index);
            log.append(t, op);
          }
        }
        case TRUNCATE -> log.truncateFrom(in.getLong());
        default -> throw new IllegalStateException("raft.log: unknown record type " + r[off]);
      }
    });
    return records;
  }

  void saveTerm(long t, int vote) {
    term = t;
    votedFor = vote;
    writeTerm(file);
  }

  private void writeTerm(RecordFile f) {
    codec.reset();
    codec.putByte(TERM);
    codec.putLong(term);
    codec.putLong(votedFor);
    f.append(codec.buf, codec.pos);
  }

  void append(long t, ClientOp op) {
    log.append(t, op);
    writeEntry(file, log.last(), t, op);
  }

  private void writeEntry(RecordFile f, long index, long t, ClientOp op) {
    codec.reset();
    codec.putByte(ENTRY);
    codec.putLong(index);
    codec.putLong(t);
    if (op == null) {
      codec.putByte(0);
    } else {
      codec.putByte(1);
      codec.putKeyword(op.f());
      codec.putLong(op.process());
      codec.putValue(op.value());
    }
    f.append(codec.buf, codec.pos);
  }

  void truncateFrom(long index) {
    log.truncateFrom(index);
    codec.reset();
    codec.putByte(TRUNCATE);
    codec.putLong(index);
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
    codec.reset();
    codec.putLong(index);
    codec.putLong(t);
    codec.putValue(machineState);
    snap.append(codec.buf, codec.pos);
    snap.fsync();
    RecordFile newLog = fresh("raft.log." + next);
    writeTerm(newLog);
    for (long i = index + 1; i <= log.last(); i++) {
      writeEntry(newLog, i, log.term(i), log.op(i));
    }
    newLog.fsync();
    codec.reset();
    codec.putLong(next);
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
