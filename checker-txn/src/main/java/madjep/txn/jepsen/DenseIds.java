package madjep.txn.jepsen;

import java.util.Arrays;
import java.util.List;

/**
 * Element ids by direct lookup when every element is an integer in a compact range (the usual set workload: 0, 1,
 * 2, ...), so the hot loop over read contents indexes an array instead of hashing a boxed value.
 */
final class DenseIds {
  /** Use a table when it has at most this many slots per element (plus some slack for small sets). */
  static final int MAX_SLOTS_PER_ELEMENT = 4;

  private static final int SLACK = 1024;

  private final long min;
  private final int[] table;

  private DenseIds(long min, int[] table) {
    this.min = min;
    this.table = table;
  }

  /** A table for {@code elements} (id = position in the list), or null when they are not compact integers. */
  static DenseIds of(List<Object> elements) {
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
      return null;
    }
    int[] table = new int[(int) span];
    Arrays.fill(table, -1);
    for (int id = 0; id < elements.size(); id++) {
      table[(int) ((Long) elements.get(id) - min)] = id;
    }
    return new DenseIds(min, table);
  }

  /** The id of {@code x}, or -1 when it is not an element. */
  int id(Object x) {
    if (x instanceof Long l) {
      long off = l - min;
      return off >= 0 && off < table.length ? table[(int) off] : -1;
    }
    return -1;
  }
}
