package madjep.systems.raft;

import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.NoSuchElementException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import madjep.history.edn.Edn;
import madjep.history.edn.EdnParser;
import madjep.history.edn.EdnVector;
import madjep.history.edn.Keyword;
import madjep.sim.workload.LongKeyedMap;
import madjep.systems.codec.VarBytes;

/**
 * A compact binary form of the EDN values client ops carry, for Raft's log records and snapshots: a tag byte, then
 * the value. Longs, keywords, strings, vectors, maps and sets have their own tags; anything else falls back to EDN
 * text. Far cheaper than printing and parsing EDN for every entry. Numbers, counts and lengths are {@link VarBytes}'
 * varints, so a corrupt count or an overlong number throws rather than decoding garbage.
 */
final class ValueCodec extends VarBytes {
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

  /**
   * Keywords met lately, with their names' UTF-8 bytes: a log holds the same few op names ({@code :read},
   * {@code :write}, ...) millions of times, so they are neither encoded nor decoded into a new string each time.
   */
  private final Keyword[] keywords = new Keyword[8];
  private final byte[][] keywordBytes = new byte[8][];
  private int nextKeyword;

  void putString(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    writeLong(b.length);
    writeBytes(b, b.length);
  }

  /** A keyword's name, as {@link #putString} writes it. */
  void putKeyword(Keyword k) {
    byte[] b = null;
    for (int i = 0; i < keywords.length; i++) {
      if (keywords[i] == k) {
        b = keywordBytes[i];
        break;
      }
    }
    if (b == null) {
      b = k.name().getBytes(StandardCharsets.UTF_8);
      remember(k, b);
    }
    writeLong(b.length);
    writeBytes(b, b.length);
  }

  private void remember(Keyword k, byte[] name) {
    int i = nextKeyword;
    keywords[i] = k;
    keywordBytes[i] = name;
    nextKeyword = (i + 1) % keywords.length;
  }

  void putValue(Object v) {
    if (v == null) {
      writeByte(NIL);
    } else if (v instanceof Long l) {
      writeByte(LONG);
      writeLong(l);
    } else if (v instanceof Keyword k) {
      writeByte(KEYWORD);
      putKeyword(k);
    } else if (v instanceof String s) {
      writeByte(STRING);
      putString(s);
    } else if (v instanceof EdnVector vec) {
      writeByte(VECTOR);
      writeLong(vec.size());
      for (int i = 0; i < vec.size(); i++) {
        putValue(vec.get(i));
      }
    } else if (v instanceof LongKeyedMap m) {
      // The bytes the general case writes, by position: no entry object or boxed key per register of a snapshot.
      writeByte(MAP);
      int n = m.size();
      writeLong(n);
      for (int i = 0; i < n; i++) {
        writeByte(LONG);
        writeLong(m.keyAt(i));
        putValue(m.valueAt(i));
      }
    } else if (v instanceof Map<?, ?> m) {
      writeByte(MAP);
      writeLong(m.size());
      for (Map.Entry<?, ?> e : m.entrySet()) {
        putValue(e.getKey());
        putValue(e.getValue());
      }
    } else if (v instanceof Set<?> set) {
      writeByte(SET);
      writeLong(set.size());
      for (Object x : set) {
        putValue(x);
      }
    } else if (v instanceof Boolean b) {
      writeByte(b ? TRUE : FALSE);
    } else {
      writeByte(EDN);
      putString(Edn.print(v));
    }
  }

  // ---- reading ----

  String getString() {
    int n = readCount();
    String s = new String(buf, pos, n, StandardCharsets.UTF_8);
    pos += n;
    return s;
  }

  /** A keyword written by {@link #putKeyword}. */
  Keyword getKeyword() {
    int n = readCount();
    for (int i = 0; i < keywords.length; i++) {
      byte[] b = keywordBytes[i];
      if (b != null && b.length == n && Arrays.equals(b, 0, n, buf, pos, pos + n)) {
        pos += n;
        return keywords[i];
      }
    }
    byte[] name = Arrays.copyOfRange(buf, pos, pos + n);
    pos += n;
    Keyword k = Keyword.of(new String(name, StandardCharsets.UTF_8));
    remember(k, name);
    return k;
  }

  Object getValue() {
    byte tag = readByte();
    switch (tag) {
      case NIL:
        return null;
      case LONG:
        return EdnParser.box(readLong());
      case KEYWORD:
        return getKeyword();
      case STRING:
        return getString();
      case VECTOR: {
        int n = readCount();
        if (n == 2) {
          // A register op's [key value] (and a cas's [old new]): one array, not the items and a copy of them.
          Object first = getValue();
          return EdnVector.of(first, getValue());
        }
        Object[] items = new Object[n];
        for (int i = 0; i < n; i++) {
          items[i] = getValue();
        }
        return EdnVector.of(items);
      }
      case MAP: {
        int n = readCount();
        // Keys that are all longs (a snapshot's registers and accounts) are kept unboxed, for a restore by position.
        long[] keys = new long[n];
        Object[] values = new Object[n];
        int i = 0;
        for (; i < n && buf[pos] == LONG; i++) {
          pos++;
          keys[i] = readLong();
          values[i] = getValue();
        }
        if (i == n) {
          return LongKeyedMap.of(keys, values);
        }
        Object[] kv = new Object[2 * n];
        for (int j = 0; j < i; j++) {
          kv[2 * j] = EdnParser.box(keys[j]);
          kv[2 * j + 1] = values[j];
        }
        for (int j = 2 * i; j < kv.length; j++) {
          kv[j] = getValue();
        }
        return new DecodedMap(kv);
      }
      case SET: {
        int n = readCount();
        Set<Object> s = new LinkedHashSet<>(capacity(n));
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

  /**
   * A decoded map, read-only, in its encoded order: keys and values alternate in one array. A snapshot's map holds
   * every register and is read once, by iteration, at every restart: hashing it into a {@code LinkedHashMap} cost
   * more than decoding it. Lookups scan, which suits the few-entry maps that ops carry. Encoded maps come from maps,
   * so their keys are distinct.
   */
  static final class DecodedMap extends AbstractMap<Object, Object> {
    private final Object[] kv;

    DecodedMap(Object[] kv) {
      this.kv = kv;
    }

    @Override
    public int size() {
      return kv.length / 2;
    }

    @Override
    public Object get(Object key) {
      for (int i = 0; i < kv.length; i += 2) {
        if (key == null ? kv[i] == null : key.equals(kv[i])) {
          return kv[i + 1];
        }
      }
      return null;
    }

    @Override
    public boolean containsKey(Object key) {
      for (int i = 0; i < kv.length; i += 2) {
        if (key == null ? kv[i] == null : key.equals(kv[i])) {
          return true;
        }
      }
      return false;
    }

    @Override
    public Set<Map.Entry<Object, Object>> entrySet() {
      return new AbstractSet<>() {
        @Override
        public int size() {
          return kv.length / 2;
        }

        @Override
        public Iterator<Map.Entry<Object, Object>> iterator() {
          return new Iterator<>() {
            private int i;

            @Override
            public boolean hasNext() {
              return i < kv.length;
            }

            @Override
            public Map.Entry<Object, Object> next() {
              if (i >= kv.length) {
                throw new NoSuchElementException();
              }
              Map.Entry<Object, Object> e = new AbstractMap.SimpleImmutableEntry<>(kv[i], kv[i + 1]);
              i += 2;
              return e;
            }
          };
        }
      };
    }
  }

  /** A hash table capacity that holds {@code n} entries without growing. */
  private static int capacity(int n) {
    return (int) Math.min(1 << 30, n / 3L * 4 + 4);
  }

  /** For callers that hold a list of values. */
  static boolean isList(Object v) {
    return v instanceof List;
  }
}
