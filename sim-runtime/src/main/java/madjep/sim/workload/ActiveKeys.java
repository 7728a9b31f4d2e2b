package madjep.sim.workload;

/**
 * The keys a workload has in use, one per slot of its {@link Keys}: slot {@code i} starts with key {@code i}, and a
 * key is retired after {@code limit} counted uses and replaced by the next key never used (0: never retired). What a
 * use is belongs to the workload: any op on a register, a write to a transactional key.
 */
final class ActiveKeys {
  private final long[] key;
  private final int[] uses;
  private final int limit;
  private long next;

  ActiveKeys(int slots, int limit) {
    key = new long[slots];
    uses = new int[slots];
    for (int i = 0; i < slots; i++) {
      key[i] = i;
    }
    next = slots;
    this.limit = limit;
  }

  /** The key slot {@code slot} holds now. */
  long key(int slot) {
    return key[slot];
  }

  /** Counts a use of the slot's key; returns true when that retired it (the slot now holds a fresh key). */
  boolean use(int slot) {
    if (limit > 0 && ++uses[slot] >= limit) {
      key[slot] = next++;
      uses[slot] = 0;
      return true;
    }
    return false;
  }

  /** How many keys were ever in use: keys {@code 0 .. issued() - 1}. */
  long issued() {
    return next;
  }
}
