package madjep.txn.jepsen;

import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import java.util.Arrays;
import java.util.List;

/**
 * Element ids for integer elements, so the hot loop over read contents avoids hashing boxed values: direct lookup
 * in an array when the integers are in a compact range (the usual set workload: 0, 1, 2, ...), otherwise a
 * primitive-keyed hash map.
 */
final class IntegerIds {
  /** Use a table when it has at most this many slots per element (plus some slack for small sets). */
  static final int MAX_SLOTS_PER_ELEMENT = 4;

  private static final int SLACK = 1024;

  private final long min;
  private final int[] table;
  private final Long2IntOpenHashMap map;

  private IntegerIds(long min, int[] table, Long2IntOpenHashMap map) {
    this.min = min;
    this.table = table;
    this.map = map;
  }

  /** Ids for {@code elements} (id = position in the list), or null when some element is not an integer. */
  static IntegerIds of(List<Object> elements) {
    if (elements.isEmpty()) {
      return null;
    }
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (Object o : elements) {
      if (!(o instanceof Long l)) {
        return null;
      }
      min = Math.min(min, l);
      max = Math.max(max, l);
    }
    long span = max - min + 1;
    if (span <= 0 || span > (long) elements.size() * MAX_SLOTS_PER_ELEMENT + SLACK) {
      Long2IntOpenHashMap map = new Long2IntOpenHashMap(elements.size());
      map.defaultReturnValue(-1);
      for (int id = 0; id < elements.size(); id++) {
        map.put((long) (Long) elements.get(id), id);
      }
      return new IntegerIds(0, null, map);
    }
    int[] table = new int[(int) span];
    Arrays.fill(table, -1);
    for (int id = 0; id < elements.size(); id++) {
      table[(int) ((Long) elements.get(id) - min)] = id;
    }
    return new IntegerIds(min, table, null);
  }

  /** The id of {@code x}, or -1 when it is not an element. */
  int id(Object x) {
    if (x instanceof Long l) {
      if (table == null) {
        return map.get((long) l);
      }
      long off = l - min;
      return off >= 0 && off < table.length ? table[(int) off] : -1;
    }
    return -1;
  }
}
