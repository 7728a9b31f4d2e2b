package madjep.systems.curp;

import madjep.systems.codec.VarBytes;

/**
 * The binary form of CURP's commands, results and state, for its log, state and pool files and its snapshots:
 * {@link VarBytes}' variable-length longs and a tag per value (null, register, list). Decoding a record it did not
 * write is a bug or a corrupt file, and throws.
 */
final class CurpCodec extends VarBytes {
  private static final byte NIL = 0;
  private static final byte LONG = 1;
  private static final byte LIST = 2;
  private static final byte GET = 1;
  private static final byte PUT = 2;
  private static final byte CAS = 3;
  private static final byte LIST_TXN = 4;
  private static final byte GUARDED = 5;

  CurpCodec() {}

  /** A decoder over {@code bytes} from {@code at}. */
  CurpCodec(byte[] bytes, int at) {
    super(bytes, at);
  }

  CurpCodec reset() {
    rewind();
    return this;
  }

  // ---- writing ----

  CurpCodec putByte(int b) {
    writeByte(b);
    return this;
  }

  /** A {@link VarBytes} varint: small numbers of either sign take one byte. */
  CurpCodec putLong(long v) {
    writeLong(v);
    return this;
  }

  CurpCodec putLongs(long[] a) {
    putLong(a.length);
    for (long x : a) {
      putLong(x);
    }
    return this;
  }

  /** A key's value: null, a register's Long, a list's long[]. */
  CurpCodec putValue(Object v) {
    if (v == null) {
      return putByte(NIL);
    }
    if (v instanceof Long l) {
      return putByte(LONG).putLong(l);
    }
    return putByte(LIST).putLongs((long[]) v);
  }

  CurpCodec putResult(Result r) {
    putByte(r.ok() ? 1 : 0).putLong(r.revision()).putLong(r.values().length);
    for (Object v : r.values()) {
      putValue(v);
    }
    return putLongs(r.modRevs());
  }

  CurpCodec putCommand(Command c) {
    putLong(c.client()).putLong(c.seq());
    Op op = c.op();
    if (op instanceof Op.Get g) {
      return putByte(GET).putLongs(g.keys());
    }
    if (op instanceof Op.Put p) {
      return putByte(PUT).putLong(p.key()).putLong(p.value());
    }
    if (op instanceof Op.Cas x) {
      return putByte(CAS).putLong(x.key()).putLong(x.expect()).putLong(x.value());
    }
    if (op instanceof Op.ListTxn t) {
      return putByte(LIST_TXN).putLongs(t.mops());
    }
    Op.Guarded g = (Op.Guarded) op;
    putByte(GUARDED).putLongs(g.cmpKeys()).putLongs(g.cmpRevs()).putLongs(g.putKeys());
    for (long[] v : g.putValues()) {
      putLongs(v);
    }
    return this;
  }

  /** The whole state: revision, keys in order with value and mod-revision, clients in order with their last command. */
  CurpCodec putState(KvState s) {
    putLong(s.revision());
    long[] ks = s.sortedKeys();
    putLong(ks.length);
    for (long k : ks) {
      putLong(k).putValue(s.value(k)).putLong(s.modRevision(k));
    }
    long[] cs = s.sortedClients();
    putLong(cs.length);
    for (long c : cs) {
      putLong(c).putLong(s.lastSeq(c)).putResult(s.lastResult(c));
    }
    return this;
  }

  // ---- reading ----

  long[] getLongs() {
    int n = readCount();
    long[] a = new long[n];
    for (int i = 0; i < n; i++) {
      a[i] = readLong();
    }
    return a;
  }

  Object getValue() {
    byte t = readByte();
    return switch (t) {
      case NIL -> null;
      case LONG -> readLong();
      case LIST -> getLongs();
      default -> throw new IllegalStateException("corrupt record: value tag " + t);
    };
  }

  Result getResult() {
    boolean ok = readByte() == 1;
    long rev = readLong();
    Object[] vs = new Object[readCount()];
    for (int i = 0; i < vs.length; i++) {
      vs[i] = getValue();
    }
    long[] ms = getLongs();
    return rev == -1 ? Result.STALE : new Result(ok, vs, ms, rev);
  }

  Command getCommand() {
    long client = readLong();
    long seq = readLong();
    byte kind = readByte();
    Op op = switch (kind) {
      case GET -> new Op.Get(getLongs());
      case PUT -> new Op.Put(readLong(), readLong());
      case CAS -> new Op.Cas(readLong(), readLong(), readLong());
      case LIST_TXN -> Op.ListTxn.of(getLongs());
      case GUARDED -> {
        long[] ck = getLongs();
        long[] cr = getLongs();
        long[] pk = getLongs();
        long[][] pv = new long[pk.length][];
        for (int i = 0; i < pv.length; i++) {
          pv[i] = getLongs();
        }
        yield Op.Guarded.of(ck, cr, pk, pv);
      }
      default -> throw new IllegalStateException("corrupt record: command kind " + kind);
    };
    return new Command(client, seq, op);
  }

  /** Replaces {@code s} with the state {@link #putState} wrote. */
  void getState(KvState s) {
    s.clear();
    s.restoreRevision(readLong());
    int n = readCount();
    for (int i = 0; i < n; i++) {
      long k = readLong();
      Object v = getValue();
      s.restore(k, v, readLong());
    }
    int c = readCount();
    for (int i = 0; i < c; i++) {
      long client = readLong();
      long seq = readLong();
      s.restoreApplied(client, seq, getResult());
    }
  }
}
