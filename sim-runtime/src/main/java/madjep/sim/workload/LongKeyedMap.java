package madjep.sim.workload;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import madjep.history.edn.EdnParser;

/**
 * A read-only map whose keys are all {@code Long}s, readable by position without an entry object or a boxed key each.
 * The registers of an {@link OpMachine#snapshot()} are one: a replica encodes its whole state at every compaction and
 * restores it at every restart, and reading the registers through {@code entrySet()} made an entry object and a boxed
 * key for each of them every time (read by position, the simulation of {@code examples/raft-kv-hour.toml} allocated
 * 540 MB less; benchmarks/RESULTS.md, "The simulated hour, ninth pass"). A codec may write one by position, and may
 * decode into one for {@link OpMachine#restore} to read back the same way.
 *
 * <p>Positions run from 0 to {@code size() - 1}, in the map's iteration order; keys are distinct. A subclass gives the
 * size, the keys and the values by position; lookups scan, unless it knows better (sorted keys).
 */
public abstract class LongKeyedMap extends AbstractMap<Object, Object> {
  /**
   * The map of {@code keys[i]} to {@code values[i]}, in that order, over the arrays themselves (the caller must not
   * change them after): for a codec decoding a map whose keys are all longs.
   */
  public static LongKeyedMap of(long[] keys, Object[] values) {
    if (keys.length != values.length) {
      throw new IllegalArgumentException("expected as many values as keys, found " + values.length + " values for "
          + keys.length + " keys");
    }
    return new ArrayLongKeyedMap(keys, values);
  }

  /** The key at position {@code i}. */
  public abstract long keyAt(int i);

  /** The value at position {@code i} (null for nil). */
  public abstract Object valueAt(int i);

  /** The position of {@code key}, or a negative number when it is absent. */
  protected int indexOf(Object key) {
    if (key instanceof Long l) {
      long k = l;
      for (int i = 0, n = size(); i < n; i++) {
        if (keyAt(i) == k) {
          return i;
        }
      }
    }
    return -1;
  }

  @Override
  public Object get(Object key) {
    int i = indexOf(key);
    return i >= 0 ? valueAt(i) : null;
  }

  @Override
  public boolean containsKey(Object key) {
    return indexOf(key) >= 0;
  }

  @Override
  public Set<Map.Entry<Object, Object>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public int size() {
        return LongKeyedMap.this.size();
      }

      @Override
      public Iterator<Map.Entry<Object, Object>> iterator() {
        return new Iterator<>() {
          private int i;

          @Override
          public boolean hasNext() {
            return i < size();
          }

          @Override
          public Map.Entry<Object, Object> next() {
            if (i >= size()) {
              throw new NoSuchElementException();
            }
            Map.Entry<Object, Object> e = new AbstractMap.SimpleImmutableEntry<>(EdnParser.box(keyAt(i)), valueAt(i));
            i++;
            return e;
          }
        };
      }
    };
  }
}
