package madjep.sim.workload;

/** A {@link LongKeyedMap} over an array of keys and one of values, in their order; lookups scan. */
class ArrayLongKeyedMap extends LongKeyedMap {
  final long[] keys;
  final Object[] values;

  ArrayLongKeyedMap(long[] keys, Object[] values) {
    this.keys = keys;
    this.values = values;
  }

  @Override
  public final int size() {
    return keys.length;
  }

  @Override
  public final long keyAt(int i) {
    return keys[i];
  }

  @Override
  public final Object valueAt(int i) {
    return values[i];
  }
}
