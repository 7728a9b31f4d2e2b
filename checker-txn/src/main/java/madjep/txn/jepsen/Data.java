package madjep.txn.jepsen;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import madjep.history.History;
import madjep.history.Verdict;
import madjep.history.edn.EdnParser;
import madjep.history.edn.EdnVector;
import madjep.history.edn.Keyword;

/** Building results' EDN data: keyword-keyed maps in a fixed order, ops as Jepsen op maps. */
final class Data {
  static final Keyword VALID = Keyword.of("valid?");
  static final Keyword ERROR = Keyword.of("error");

  private static final Keyword INDEX = Keyword.of("index");
  private static final Keyword TIME = Keyword.of("time");
  private static final Keyword TYPE = Keyword.of("type");
  private static final Keyword PROCESS = Keyword.of("process");
  private static final Keyword F = Keyword.of("f");
  private static final Keyword VALUE = Keyword.of("value");

  private final LinkedHashMap<Keyword, Object> map = new LinkedHashMap<>();

  private Data() {}

  /** A map that starts with {@code :valid?}. */
  static Data result(Verdict v) {
    return new Data().put("valid?", v.toData());
  }

  static Data map() {
    return new Data();
  }

  Data put(String key, Object value) {
    map.put(Keyword.of(key), value);
    return this;
  }

  Data put(String key, long value) {
    return put(key, EdnParser.box(value));
  }

  /** Adds the entry only when {@code value} is not null. */
  Data putIfPresent(String key, Object value) {
    return value == null ? this : put(key, value);
  }

  Map<Keyword, Object> build() {
    return Collections.unmodifiableMap(map);
  }

  /** Op {@code i} as Jepsen's op map: index, time, type, process, f, value, then error and any other keys. */
  static Map<Keyword, Object> op(History h, int i) {
    LinkedHashMap<Keyword, Object> m = new LinkedHashMap<>();
    m.put(INDEX, EdnParser.box(h.index(i)));
    m.put(TIME, EdnParser.box(h.time(i)));
    m.put(TYPE, h.type(i).keyword());
    m.put(PROCESS, h.processValue(i));
    m.put(F, h.f(i));
    m.put(VALUE, h.value(i));
    if (h.error(i) != null) {
      m.put(ERROR, h.error(i));
    }
    m.putAll(h.extras(i));
    return Collections.unmodifiableMap(m);
  }

  /** Op {@code i} as an op map, or nil when {@code i} is negative (no such op). */
  static Object opOrNil(History h, int i) {
    return i < 0 ? null : op(h, i);
  }

  /** A vector of longs. */
  static EdnVector longs(long... xs) {
    Object[] out = new Object[xs.length];
    for (int i = 0; i < xs.length; i++) {
      out[i] = EdnParser.box(xs[i]);
    }
    return EdnVector.of(out);
  }

  /**
   * The values sorted in {@link EdnOrder}, as a vector. Integers, the usual elements, sort as primitives: sorting
   * half a million boxed longs in hash order costs more than a whole check.
   */
  static EdnVector sorted(Collection<?> values) {
    long[] longs = new long[values.size()];
    int n = 0;
    for (Object v : values) {
      if (!(v instanceof Long l)) {
        List<Object> list = new ArrayList<>(values);
        list.sort(EdnOrder.INSTANCE);
        return EdnVector.copyOf(list);
      }
      longs[n++] = l;
    }
    Arrays.sort(longs);
    Object[] out = new Object[n];
    for (int k = 0; k < n; k++) {
      out[k] = EdnParser.box(longs[k]);
    }
    return EdnVector.of(out);
  }

  /** Ops at the given positions as a vector of op maps. */
  static EdnVector ops(History h, int[] positions) {
    Object[] out = new Object[positions.length];
    for (int k = 0; k < positions.length; k++) {
      out[k] = op(h, positions[k]);
    }
    return EdnVector.of(out);
  }
}
