package madjep.sim;

import java.util.Collection;
import java.util.HashMap;

/**
 * A map by name that finds the names looked up last by their identity before hashing them: nodes name their
 * assertions and fault points with string literals, and ask for the same few millions of times a simulated hour (a
 * hash map's lookup for each was 3% of the simulation's samples; benchmarks/RESULTS.md, "The simulated hour, ninth
 * pass"). A name equal to a remembered one but not the same string is answered by the map, as any other.
 */
final class ByName<T> {
  private static final int SLOTS = 8;

  /** A name and its entry, read together (a slot is replaced whole, never changed). */
  private record Slot<T>(String name, T value) {}

  private final HashMap<String, T> map = new HashMap<>();
  @SuppressWarnings("unchecked")
  private final Slot<T>[] recent = new Slot[SLOTS];

  /** The entry of {@code name}, or null. */
  T get(String name) {
    int i = name.hashCode() & (SLOTS - 1);
    Slot<T> s = recent[i];
    if (s != null && s.name() == name) {
      return s.value();
    }
    T v = map.get(name);
    if (v != null) {
      recent[i] = new Slot<>(name, v);
    }
    return v;
  }

  void put(String name, T value) {
    map.put(name, value);
    recent[name.hashCode() & (SLOTS - 1)] = new Slot<>(name, value);
  }

  /** Every entry, in no particular order. */
  Collection<T> values() {
    return map.values();
  }
}
