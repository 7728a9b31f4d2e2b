package madjep.systems.raft;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import madjep.history.edn.Edn;
import madjep.history.edn.EdnParser;
import madjep.history.edn.EdnVector;
import madjep.history.edn.Keyword;

/**
 * A compact binary form of the EDN values client ops carry, for Raft's log records and snapshots: a tag byte, then
 * the value. Longs, keywords, strings, vectors, maps and sets have their own tags; anything else falls back to EDN
 * text. Far cheaper than printing and parsing EDN for every entry.
 */
final class ValueCodec {
  private static final byte NIL = 0;
  private static final byte LONG = 1;
  private static final byte KEYWORD = 2;
  private static final byte STRING = 3;
  private static final byte VECTOR = 4;
  private static final byte MAP = 5;
  private static final byte SET = 6;
  private static final byte TRUE = 7;
  private static final byte FALSE = 8;
  private static final byte EDN = 9;

  byte[] buf = new byte[256];
  int pos;

  void reset() {
    pos = 0;
  }

  void ensure(int n) {
    if (pos + n > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(pos + n, buf.length * 2));
    }
  }

  void putByte(int b) {
    ensure(1);
    buf[pos++] = (byte) b;
  }

  /** A variable-length long (zig-zag, 7 bits a byte): small numbers take one byte. */
  void putLong(long v) {
    ensure(10);
    long z = (v << 1) ^ (v >> 63);
    while ((z & ~0x7FL) != 0) {
      buf[pos++] = (byte) ((z & 0x7F) | 0x80);
      z >>>= 7;
    }
    buf[pos++] = (byte) z;
  }

  void putString(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    putLong(b.length);
    ensure(b.length);
    System.arraycopy(b, 0, buf, pos, b.length);
    pos += b.length;
  }

  void putValue(Object v) {
    if (v == null) {
      putByte(NIL);
    } else if (v instanceof Long l) {
      putByte(LONG);
      putLong(l);
    } else if (v instanceof Keyword k) {
      putByte(KEYWORD);
      putString(k.name());
    } else if (v instanceof String s) {
      putByte(STRING);
      putString(s);
    } else if (v instanceof EdnVector vec) {
      putByte(VECTOR);
      putLong(vec.size());
      for (int i = 0; i < vec.size(); i++) {
        putValue(vec.get(i));
      }
    } else if (v instanceof Map<?, ?> m) {
      putByte(MAP);
      putLong(m.size());
      for (Map.Entry<?, ?> e : m.entrySet()) {
        putValue(e.getKey());
        putValue(e.getValue());
      }
    } else if (v instanceof Set<?> set) {
      putByte(SET);
      putLong(set.size());
      for (Object x : set) {
        putValue(x);
      }
    } else if (v instanceof Boolean b) {
      putByte(b ? TRUE : FALSE);
    } else {
      putByte(EDN);
      putString(Edn.print(v));
    }
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
    }
    return (z >>> 1) ^ -(z & 1);
  }

  String getString() {
    int n = (int) getLong();
    String s = new String(buf, pos, n, StandardCharsets.UTF_8);
    pos += n;
    return s;
  }

  Object getValue() {
    byte tag = getByte();
    switch (tag) {
      case NIL:
        return null;
      case LONG:
        return EdnParser.box(getLong());
      case KEYWORD:
        return Keyword.of(getString());
      case STRING:
        return getString();
      case VECTOR: {
        int n = (int) getLong();
        if (n < 0 || n > buf.length - pos) {
          // Each item takes a byte at least: a larger count is corrupt bytes, not a value.
          throw new IllegalStateException("corrupt value: a vector of " + n + " items in " + (buf.length - pos)
              + " bytes");
        }
        Object[] items = new Object[n];
        for (int i = 0; i < n; i++) {
          items[i] = getValue();
        }
        return EdnVector.of(items);
      }
      case MAP: {
        int n = (int) getLong();
        Map<Object, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
          Object k = getValue();
          m.put(k, getValue());
        }
        return Collections.unmodifiableMap(m);
      }
      case SET: {
        int n = (int) getLong();
        Set<Object> s = new LinkedHashSet<>();
        for (int i = 0; i < n; i++) {
          s.add(getValue());
        }
        return Collections.unmodifiableSet(s);
      }
      case TRUE:
        return Boolean.TRUE;
      case FALSE:
        return Boolean.FALSE;
      case EDN:
        return Edn.parse(getString());
      default:
        throw new IllegalStateException("unknown value tag " + tag);
    }
  }

  /** For callers that hold a list of values. */
  static boolean isList(Object v) {
    return v instanceof List;
  }
}
