package madjep.sim.raft;

import java.util.List;
import madjep.history.edn.Keyword;
import madjep.sim.RecordFile;
import madjep.sim.SimDisk;
import madjep.sim.workload.ClientOp;

/**
 * Raft's durable state as records in one append-only file: a term and vote, an entry, or a truncation. Replaying
 * the records that survived a crash rebuilds the term, the vote and the log.
 */
final class RaftStorage {
  private static final byte TERM = 1;
  private static final byte ENTRY = 2;
  private static final byte TRUNCATE = 3;

  private final RecordFile file;
  private final ValueCodec codec = new ValueCodec();

  long term;
  int votedFor = -1;
  final RaftLog log = new RaftLog();

  RaftStorage(SimDisk disk) {
    file = new RecordFile(disk.open("raft.log"));
  }

  /** Reads back what survived; returns the number of records. */
  int recover() {
    List<byte[]> records = file.recover();
    ValueCodec in = new ValueCodec();
    for (byte[] r : records) {
      in.buf = r;
      in.pos = 1;
      switch (r[0]) {
        case TERM -> {
          term = in.getLong();
          votedFor = (int) in.getLong();
        }
        case ENTRY -> {
          long index = in.getLong();
          long t = in.getLong();
          ClientOp op = null;
          if (in.getByte() == 1) {
            Keyword f = Keyword.of(in.getString());
            long process = in.getLong();
            op = new ClientOp(f, in.getValue(), process);
          }
          log.truncateFrom(index);
          log.append(t, op);
        }
        case TRUNCATE -> log.truncateFrom(in.getLong());
        default -> throw new IllegalStateException("raft.log: unknown record type " + r[0]);
      }
    }
    return records.size();
  }

  void saveTerm(long t, int vote) {
    term = t;
    votedFor = vote;
    codec.reset();
    codec.putByte(TERM);
    codec.putLong(t);
    codec.putLong(vote);
    file.append(codec.buf, codec.pos);
  }

  void append(long t, ClientOp op) {
    log.append(t, op);
    codec.reset();
    codec.putByte(ENTRY);
    codec.putLong(log.last());
    codec.putLong(t);
    if (op == null) {
      codec.putByte(0);
    } else {
      codec.putByte(1);
      codec.putString(op.f().name());
      codec.putLong(op.process());
      codec.putValue(op.value());
    }
    file.append(codec.buf, codec.pos);
  }

  void truncateFrom(long index) {
    log.truncateFrom(index);
    codec.reset();
    codec.putByte(TRUNCATE);
    codec.putLong(index);
    file.append(codec.buf, codec.pos);
  }

  boolean dirty() {
    return file.file().dirty();
  }

  void fsync() {
    file.fsync();
  }
}
