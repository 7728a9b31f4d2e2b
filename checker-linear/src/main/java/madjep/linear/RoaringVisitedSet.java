package madjep.linear;

import org.roaringbitmap.RoaringBitmap;

/**
 * A {@link VisitedSet} that holds sets as RoaringBitmaps: the current set is changed in place, stored sets are clones.
 * It exists to measure the choice of {@code long[]} sets ({@link LinearizabilityOptions.Bitsets}); the measurements are
 * in benchmarks/RESULTS.md.
 */
final class RoaringVisitedSet extends VisitedSet {
  private static final int INITIAL_SLOTS = 256;
  /** A rough per-pair cost for the budget: the clone's containers plus its object headers. */
  private static final long PAIR_OVERHEAD = 64;

  private final RoaringBitmap current = new RoaringBitmap();
  private long[] hashes = new long[INITIAL_SLOTS];
  private long[] states = new long[INITIAL_SLOTS];
  private RoaringBitmap[] sets = new RoaringBitmap[INITIAL_SLOTS];
  private int mask = INITIAL_SLOTS - 1;
  private long size;

  RoaringVisitedSet(int ops, MemoryBudget budget) {
    super(ops, budget);
  }

  @Override
  void set(int op) {
    current.add(op);
    setHash ^= zobrist[op];
  }

  @Override
  void clear(int op) {
    current.remove(op);
    setHash ^= zobrist[op];
  }

  @Override
  boolean add(long state) {
    long h = hash(setHash, state);
    int i = (int) h & mask;
    while (hashes[i] != 0) {
      if (hashes[i] == h && states[i] == state && sets[i].equals(current)) {
        return false;
      }
      i = (i + 1) & mask;
    }
    RoaringBitmap copy = current.clone();
    if (!reserve(copy.getSizeInBytes() + PAIR_OVERHEAD)) {
      return true;
    }
    if (size + 1 > (mask + 1) / 2) {
      if (!grow()) {
        return true;
      }
      i = (int) h & mask;
      while (hashes[i] != 0) {
        i = (i + 1) & mask;
      }
    }
    hashes[i] = h;
    states[i] = state;
    sets[i] = copy;
    size++;
    return true;
  }

  private boolean grow() {
    int slots = (mask + 1) * 2;
    if (slots > 1 << 30 || !reserve((long) slots * 24)) {
      return false;
    }
    long[] oh = hashes;
    long[] os = states;
    RoaringBitmap[] ob = sets;
    hashes = new long[slots];
    states = new long[slots];
    sets = new RoaringBitmap[slots];
    mask = slots - 1;
    for (int j = 0; j < oh.length; j++) {
      if (oh[j] != 0) {
        int i = (int) oh[j] & mask;
        while (hashes[i] != 0) {
          i = (i + 1) & mask;
        }
        hashes[i] = oh[j];
        states[i] = os[j];
        sets[i] = ob[j];
      }
    }
    return true;
  }

  @Override
  long size() {
    return size;
  }
}
