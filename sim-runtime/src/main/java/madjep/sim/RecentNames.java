package madjep.sim;

/**
 * The entries of a by-name map that were looked up last, found by the name's identity: nodes name their assertions
 * and fault points with string literals, and ask for the same few millions of times a simulated hour (a hash map's
 * lookup for each was 3% of the simulation's samples; benchmarks/RESULTS.md, "The simulated hour, ninth pass"). A
 * miss says nothing: the caller then asks its map, and remembers what it found.
 */
final class RecentNames<T> {
  private static final int SLOTS = 8;

  /** A name and its entry, read together (a slot is replaced whole, never changed). */
  private record Slot<T>(String name, T value) {}

  @SuppressWarnings("unchecked")
  private final Slot<T>[] slots = new Slot[SLOTS];

  /** The entry remembered for this very string, or null. */
  T get(String name) {
    Slot<T> s = slots[name.hashCode() & (SLOTS - 1)];
    return s != null && s.name() == name ? s.value() : null;
  }

  void remember(String name, T value) {
    slots[name.hashCode() & (SLOTS - 1)] = new Slot<>(name, value);
  }
}
