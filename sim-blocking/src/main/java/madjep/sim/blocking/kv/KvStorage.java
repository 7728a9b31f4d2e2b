package madjep.sim.blocking.kv;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import madjep.history.edn.Edn;
import madjep.history.edn.EdnParser;
import madjep.history.edn.EdnVector;
import madjep.history.edn.Keyword;
import madjep.sim.RecordFile;
import madjep.sim.SimDisk;
import madjep.sim.workload.ClientOp;

/**
 * The store's durable state in one record file, {@code kv.log}: term-and-vote records, entries (an op's value as
 * EDN) and truncations, replayed in order at boot. Nothing is durable until {@link #fsync()}.
 */
final class KvStorage {
  private static final byte TERM = 1;
  private static final byte ENTRY = 2;
  private static final byte TRUNCATE = 3;

  private final RecordFile file;
  long term;
  int votedFor = -1;
  /** Entry {@code i} (from 1) is {@code log.get(i - 1)}. */
  final ArrayList<KvMessages.Entry> log = new ArrayList<>();

  KvStorage(SimDisk disk) {
    file = new RecordFile(disk.open("kv.log"));
  }

  /** Reads back what survived the last crash. */
  void recover() {
    for (byte[] r : file.recover()) {
      try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(r))) {
        switch (in.readByte()) {
          case TERM -> {
            term = in.readLong();
            votedFor = in.readInt();
          }
          case ENTRY -> {
            long index = in.readLong();
            long t = in.readLong();
            ClientOp op = null;
            if (in.readBoolean()) {
              Keyword f = Keyword.of(in.readUTF());
              long process = in.readLong();
              op = new ClientOp(f, readValue(in), process);
            }
            truncateInMemory(index);
            log.add(new KvMessages.Entry(t, op));
          }
          case TRUNCATE -> truncateInMemory(in.readLong());
          default -> throw new IllegalStateException("kv.log: unknown record type " + r[0]);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  long last() {
    return log.size();
  }

  /** The term of entry {@code index}; 0 for index 0 and past the end. */
  long termAt(long index) {
    return index < 1 || index > log.size() ? 0 : log.get((int) index - 1).term();
  }

  KvMessages.Entry entry(long index) {
    return log.get((int) index - 1);
  }

  void saveTerm(long t, int vote) {
    term = t;
    votedFor = vote;
    write(out -> {
      out.writeByte(TERM);
      out.writeLong(t);
      out.writeInt(vote);
    });
  }

  void append(KvMessages.Entry e) {
    log.add(e);
    long index = log.size();
    write(out -> {
      out.writeByte(ENTRY);
      out.writeLong(index);
      out.writeLong(e.term());
      out.writeBoolean(e.op() != null);
      if (e.op() != null) {
        out.writeUTF(e.op().f().name());
        out.writeLong(e.op().process());
        writeValue(out, e.op().value());
      }
    });
  }

  /** Removes entries {@code index} and later. */
  void truncateFrom(long index) {
    truncateInMemory(index);
    write(out -> {
      out.writeByte(TRUNCATE);
      out.writeLong(index);
    });
  }

  private void truncateInMemory(long index) {
    while (log.size() >= index && !log.isEmpty()) {
      log.remove(log.size() - 1);
    }
  }

  void fsync() {
    if (file.file().dirty()) {
      file.fsync();
    }
  }

  /** What a record holds. */
  private interface Record {
    void write(DataOutputStream out) throws IOException;
  }

  private void write(Record r) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      r.write(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    byte[] b = bytes.toByteArray();
    file.append(b, b.length);
  }

  private static final byte NIL = 0;
  private static final byte LONG = 1;
  private static final byte VECTOR = 2;
  private static final byte KEYWORD = 3;
  private static final byte EDN = 4;

  /**
   * An op's value in a few bytes: nil, longs, keywords and vectors of them (every register, kv, list-append and
   * rw-register value) directly, anything else as EDN text. Restarts replay the whole log, so this is on their path.
   */
  private static void writeValue(DataOutputStream out, Object v) throws IOException {
    if (v == null) {
      out.writeByte(NIL);
    } else if (v instanceof Long l) {
      out.writeByte(LONG);
      out.writeLong(l);
    } else if (v instanceof Keyword k) {
      out.writeByte(KEYWORD);
      out.writeUTF(k.name());
    } else if (v instanceof EdnVector vec) {
      out.writeByte(VECTOR);
      out.writeInt(vec.size());
      for (Object x : vec) {
        writeValue(out, x);
      }
    } else {
      out.writeByte(EDN);
      out.writeUTF(Edn.print(v));
    }
  }

  private static Object readValue(DataInputStream in) throws IOException {
    byte tag = in.readByte();
    switch (tag) {
      case NIL:
        return null;
      case LONG:
        return EdnParser.box(in.readLong());
      case KEYWORD:
        return Keyword.of(in.readUTF());
      case VECTOR: {
        Object[] items = new Object[in.readInt()];
        for (int i = 0; i < items.length; i++) {
          items[i] = readValue(in);
        }
        return EdnVector.of(items);
      }
      case EDN:
        return Edn.parse(in.readUTF());
      default:
        throw new IllegalStateException("kv.log: unknown value tag " + tag);
    }
  }

  List<KvMessages.Entry> entries(long from, int max) {
    int start = (int) from - 1;
    int end = (int) Math.min(log.size(), start + (long) max);
    return start >= end ? List.of() : List.copyOf(log.subList(start, end));
  }
}
