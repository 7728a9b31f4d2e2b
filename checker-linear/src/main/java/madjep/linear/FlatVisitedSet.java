package madjep.linear;

/**
 * A {@link VisitedSet} for partitions of up to {@link #MAX_WORDS} x 64 ops: one open-addressing table of longs
 * whose slots hold the pair inline, {@code [hash, state, word 0, word 1, ...]}, so a lookup reads one or two cache
 * lines and allocates nothing.
 */
final class FlatVisitedSet extends VisitedSet {
  /** Above this many words per set, {@link WindowedVisitedSet} stores sets more compactly. */
  static final int MAX_WORDS = 8;
  private static final int INITIAL_SLOTS = 512;
  /** Small tables grow fourfold, large ones twofold, to spend fewer rehashes without overshooting memory. */
  private static final int GROWTH = 4;
  private static final int LARGE_SLOTS = 1 << 18;

  private final long[] words;
  private final int stride;
  private long[] table;
  private int mask;
  /** 64 - log2(slots): a pair's home slot is the top bits of its hash (see grow). */
  private int shift;
  private long size;
  /** Past this many pairs the table grows (load factor 1/2). */
  private long growAt;

  FlatVisitedSet(int ops, MemoryBudget budget) {
    super(ops, budget);
    int w = Math.max(1, (ops + 63) >>> 6);
    this.words = new long[w];
    this.stride = w + 2;
    allocate(INITIAL_SLOTS);
  }

  private void allocate(int slots) {
    reserve((long) slots * stride * Long.BYTES); // a refusal marks the set exhausted; the search then stops
    table = new long[slots * stride];
    mask = slots - 1;
    shift = 64 - Integer.numberOfTrailingZeros(slots);
    growAt = slots / 2;
  }

  @Override
  void set(int op) {
    words[op >>> 6] |= 1L << op;
    setHash ^= zobrist[op];
  }

  @Override
  void clear(int op) {
    words[op >>> 6] &= ~(1L << op);
    setHash ^= zobrist[op];
  }

  @Override
  boolean add(long state) {
    long h = hash(setHash, state);
    final long[] t = table;
    final long[] w = words;
    final int s = stride;
    int i = (int) (h >>> shift);
    while (true) {
      int base = i * s;
      long sh = t[base];
      if (sh == 0) {
        break;
      }
      if (sh == h && t[base + 1] == state && same(t, base + 2, w)) {
        return false;
      }
      i = (i + 1) & mask;
    }
    if (size >= growAt) {
      if (!grow()) {
        return true; // the budget refused a larger table: search on without remembering this pair
      }
      i = (int) (h >>> shift);
      while (table[i * stride] != 0) {
        i = (i + 1) & mask;
      }
    }
    int base = i * stride;
    table[base] = h;
    table[base + 1] = state;
    System.arraycopy(w, 0, table, base + 2, w.length);
    size++;
    return true;
  }

  private static boolean same(long[] t, int at, long[] w) {
    for (int k = 0; k < w.length; k++) {
      if (t[at + k] != w[k]) {
        return false;
      }
    }
    return true;
  }

  /**
   * Grows the table {@link #GROWTH} times (twice when large); false when the budget (or the array size limit)
   * refuses. Home slots are the top bits of the hash, so the old table, read in order, fills the new one almost in
   * order too: the rehash streams through memory instead of jumping around it.
   */
  private boolean grow() {
    long slots = (long) (mask + 1) * (mask + 1 < LARGE_SLOTS ? GROWTH : 2);
    if (slots * stride > Integer.MAX_VALUE - 16 || !reserve(slots * stride * Long.BYTES)) {
      exhausted = true;
      return false;
    }
    long[] old = table;
    table = new long[(int) slots * stride];
    mask = (int) slots - 1;
    shift = 64 - Long.numberOfTrailingZeros(slots);
    growAt = slots / 2;
    for (int base = 0; base < old.length; base += stride) {
      long h = old[base];
      if (h != 0) {
        int i = (int) (h >>> shift);
        while (table[i * stride] != 0) {
          i = (i + 1) & mask;
        }
        System.arraycopy(old, base, table, i * stride, stride);
      }
    }
    budget.release((long) old.length * Long.BYTES);
    reserved -= (long) old.length * Long.BYTES;
    return true;
  }

  @Override
  long size() {
    return size;
  }
}
