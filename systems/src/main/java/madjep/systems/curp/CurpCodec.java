package madjep.systems.curp;

import java.util.Arrays;

/**
 * The binary form of CURP's commands, results and state, for its log, state and pool files and its snapshots:
 * variable-length longs and a tag per value (null, register, list). Decoding a record it did not write is a bug or a
 * corrupt file, and throws.
 */
final class CurpCodec {
  private static final byte NIL = 0;
  private static final byte LONG = 1;
  private static final byte LIST = 2;
  private static final byte GET = 1;
  private static final byte PUT = 2;
  private static final byte CAS = 3;
  private static final byte LIST_TXN = 4;
  private static final byte GUARDED = 5;

  byte[] buf;
  int pos;

  CurpCodec() {
    buf = new byte[256];
  }

  /** A decoder over {@code bytes} from {@code at}. */
  CurpCodec(byte[] bytes, int at) {
    buf = bytes;
    pos = at;
  }

  CurpCodec reset() {
    pos = 0;
    return this;
  }

  /** The bytes written so far. */
  byte[] bytes() {
    return Arrays.copyOf(buf, pos);
  }

  private void ensure(int n) {
    if (pos + n > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(pos + n, buf.length * 2));
    }
  }

  // ---- writing ----

  CurpCodec putByte(int b) {
    ensure(1);
    buf[pos++] = (byte) b;
    return this;
  }

  /** Zig-zag, seven bits a byte: small numbers take one byte. */
  CurpCodec putLong(long v) {
    ensure(10);
    long z = (v << 1) ^ (v >> 63);
    while ((z & ~0x7FL) != 0) {
      buf[pos++] = (byte) ((z & 0x7F) | 0x80);
      z >>>= 7;
    }
    buf[pos++] = (byte) z;
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

  byte getByte() {
    return buf[pos++];
  }

  long getLong() {
    long z = 0;
    int shift = 0;
    while (true) {
      byte b = buf[pos++];
      z |= (long) (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        break;
      }
      shift += 7;
      if (shift > 63) {
        throw new IllegalStateException("corrupt record: a number longer than 10 bytes");
      }
    }
    return (z >>> 1) ^ -(z & 1);
  }

  long[] getLongs() {
    int n = count();
    long[] a = new long[n];
    for (int i = 0; i < n; i++) {
      a[i] = getLong();
    }
    return a;
  }

  /** A count of items, each at least a byte long: a larger one is corrupt bytes. */
  private int count() {
    long n = getLong();
    if (n < 0 || n > buf.length - pos) {
      throw new IllegalStateException("corrupt record: " + n + " items in " + (buf.length - pos) + " bytes");
    }
    return (int) n;
  }

  Object getValue() {
    byte t = getByte();
    return switch (t) {
      case NIL -> null;
      case LONG -> getLong();
      case LIST -> getLongs();
      default -> throw new IllegalStateException("corrupt record: value tag " + t);
    };
  }

  Result getResult() {
    boolean ok = getByte() == 1;
    long rev = getLong();
    Object[] vs = new Object[count()];
    for (int i = 0; i < vs.length; i++) {
      vs[i] = getValue();
    }
    long[] ms = getLongs();
    return rev == -1 ? Result.STALE : new Result(ok, vs, ms, rev);
  }

  Command getCommand() {
    long client = getLong();
    long seq = getLong();
    byte kind = getByte();
    Op op = switch (kind) {
      case GET -> new Op.Get(getLongs());
      case PUT -> new Op.Put(getLong(), getLong());
      case CAS -> new Op.Cas(getLong(), getLong(), getLong());
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
    s.restoreRevision(getLong());
    int n = count();
    for (int i = 0; i < n; i++) {
      long k = getLong();
      Object v = getValue();
      s.restore(k, v, getLong());
    }
    int c = count();
    for (int i = 0; i < c; i++) {
      long client = getLong();
      long seq = getLong();
      s.restoreApplied(client, seq, getResult());
    }
  }
}
