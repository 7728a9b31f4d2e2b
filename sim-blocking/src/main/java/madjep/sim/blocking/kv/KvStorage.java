package madjep.sim.blocking.kv;

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
  private final Bytes out = new Bytes(128);
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
      Bytes in = new Bytes(r);
      switch (in.getByte()) {
        case TERM -> {
          term = in.getLong();
          votedFor = in.getInt();
        }
        case ENTRY -> {
          long index = in.getLong();
          long t = in.getLong();
          ClientOp op = null;
          if (in.getByte() == 1) {
            Keyword f = Keyword.of(in.getString());
            long process = in.getLong();
            op = new ClientOp(f, readValue(in), process);
          }
          truncateInMemory(index);
          log.add(new KvMessages.Entry(t, op));
        }
        case TRUNCATE -> truncateInMemory(in.getLong());
        default -> throw new IllegalStateException("kv.log: unknown record type " + r[0]);
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
    out.reset();
    out.putByte(TERM);
    out.putLong(t);
    out.putInt(vote);
    write();
  }

  void append(KvMessages.Entry e) {
    log.add(e);
    long index = log.size();
    out.reset();
    out.putByte(ENTRY);
    out.putLong(index);
    out.putLong(e.term());
    out.putByte(e.op() != null ? 1 : 0);
    if (e.op() != null) {
      out.putString(e.op().f().name());
      out.putLong(e.op().process());
      writeValue(out, e.op().value());
    }
    write();
  }

  /** Removes entries {@code index} and later. */
  void truncateFrom(long index) {
    truncateInMemory(index);
    out.reset();
    out.putByte(TRUNCATE);
    out.putLong(index);
    write();
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

  private void write() {
    file.append(out.buf, out.pos);
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
  private static void writeValue(Bytes out, Object v) {
    if (v == null) {
      out.putByte(NIL);
    } else if (v instanceof Long l) {
      out.putByte(LONG);
      out.putLong(l);
    } else if (v instanceof Keyword k) {
      out.putByte(KEYWORD);
      out.putString(k.name());
    } else if (v instanceof EdnVector vec) {
      out.putByte(VECTOR);
      out.putInt(vec.size());
      for (Object x : vec) {
        writeValue(out, x);
      }
    } else {
      out.putByte(EDN);
      out.putString(Edn.print(v));
    }
  }

  private static Object readValue(Bytes in) {
    byte tag = in.getByte();
    switch (tag) {
      case NIL:
        return null;
      case LONG:
        return EdnParser.box(in.getLong());
      case KEYWORD:
        return Keyword.of(in.getString());
      case VECTOR: {
        Object[] items = new Object[in.getInt()];
        for (int i = 0; i < items.length; i++) {
          items[i] = readValue(in);
        }
        return EdnVector.of(items);
      }
      case EDN:
        return Edn.parse(in.getString());
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
