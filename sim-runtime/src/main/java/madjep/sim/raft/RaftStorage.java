package madjep.sim.raft;

import java.nio.charset.StandardCharsets;
import java.util.List;
import madjep.history.edn.Edn;
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
  private byte[] buf = new byte[256];
  private int pos;

  long term;
  int votedFor = -1;
  final RaftLog log = new RaftLog();

  RaftStorage(SimDisk disk) {
    file = new RecordFile(disk.open("raft.log"));
  }

  /** Reads back what survived; returns the number of records. */
  int recover() {
    List<byte[]> records = file.recover();
    for (byte[] r : records) {
      buf = r;
      pos = 1;
      switch (r[0]) {
        case TERM -> {
          term = getLong();
          votedFor = (int) getLong();
        }
        case ENTRY -> {
          long index = getLong();
          long t = getLong();
          ClientOp op = null;
          if (getByte() == 1) {
            Keyword f = Keyword.of(getString());
            long process = getLong();
            op = new ClientOp(f, Edn.parse(getString()), process);
          }
          log.truncateFrom(index);
          log.append(t, op);
        }
        case TRUNCATE -> log.truncateFrom(getLong());
        default -> throw new IllegalStateException("raft.log: unknown record type " + r[0]);
      }
    }
    buf = new byte[256];
    return records.size();
  }

  void saveTerm(long t, int vote) {
    term = t;
    votedFor = vote;
    pos = 0;
    putByte(TERM);
    putLong(t);
    putLong(vote);
    file.append(buf, pos);
  }

  void append(long t, ClientOp op) {
    log.append(t, op);
    pos = 0;
    putByte(ENTRY);
    putLong(log.last());
    putLong(t);
    if (op == null) {
      putByte((byte) 0);
    } else {
      putByte((byte) 1);
      putString(op.f().name());
      putLong(op.process());
      putString(Edn.print(op.value()));
    }
    file.append(buf, pos);
  }

  void truncateFrom(long index) {
    log.truncateFrom(index);
    pos = 0;
    putByte(TRUNCATE);
    putLong(index);
    file.append(buf, pos);
  }

  boolean dirty() {
    return file.file().dirty();
  }

  void fsync() {
    file.fsync();
  }

  private void ensure(int n) {
    if (pos + n > buf.length) {
      buf = java.util.Arrays.copyOf(buf, Math.max(pos + n, buf.length * 2));
    }
  }

  private void putByte(byte b) {
    ensure(1);
    buf[pos++] = b;
  }

  private void putLong(long v) {
    ensure(8);
    for (int i = 7; i >= 0; i--) {
      buf[pos++] = (byte) (v >>> (8 * i));
    }
  }

  private void putString(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    ensure(8 + b.length);
    putLong(b.length);
    System.arraycopy(b, 0, buf, pos, b.length);
    pos += b.length;
  }

  private byte getByte() {
    return buf[pos++];
  }

  private long getLong() {
    long v = 0;
    for (int i = 0; i < 8; i++) {
      v = (v << 8) | (buf[pos++] & 0xff);
    }
    return v;
  }

  private String getString() {
    int n = (int) getLong();
    String s = new String(buf, pos, n, StandardCharsets.UTF_8);
    pos += n;
    return s;
  }
}
