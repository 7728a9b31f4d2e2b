package madjep.linear;

import java.util.Arrays;

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
  private final Spares spares;
  private long[] table;
  private int mask;
  /** 64 - log2(slots): a pair's home slot is the top bits of its hash (see grow). */
  private int shift;
  private long size;
  /** Past this many pairs the table grows (load factor 1/2). */
  private long growAt;

  FlatVisitedSet(int ops, MemoryBudget budget) {
    this(ops, budget, null);
  }

  /** A set whose first table comes from {@code spares} when it has one (null: always a new one). */
  FlatVisitedSet(int ops, MemoryBudget budget, Spares spares) {
    super(ops, budget);
    int w = Math.max(1, (ops + 63) >>> 6);
    this.words = new long[w];
    this.stride = w + 2;
    this.spares = spares;
    reserve((long) INITIAL_SLOTS * stride * Long.BYTES); // a refusal marks the set exhausted; the search then stops
    long[] spare = spares == null ? null : spares.take(w);
    use(spare != null ? spare : new long[INITIAL_SLOTS * stride], INITIAL_SLOTS);
  }

  /** Makes {@code t}, an empty table of {@code slots} slots, the set's table. */
  private void use(long[] t, long slots) {
    table = t;
    mask = (int) slots - 1;
    shift = 64 - Long.numberOfTrailingZeros(slots);
    growAt = slots / 2;
  }

  /**
   * Hands a first table that never grew back to the spares, emptied, for the next partition's set; this set is
   * unusable afterwards. Call when its search is over.
   */
  void recycle() {
    long[] t = table;
    table = null;
    if (spares != null && t != null && t.length == INITIAL_SLOTS * stride) {
      Arrays.fill(t, 0L);
      spares.give(t, words.length);
    }
  }

  /**
   * Emptied first tables, by words per set, shared by the sets of one check: a simulated history splits into tens of
   * thousands of small partitions, and a new table for each was 0.45 GB of the 1.28 GB allocated after the simulated
   * hour of examples/raft-kv-hour.toml (young collections that copied the check's live partitions while the run's
   * page was being drawn).
   */
  static final class Spares {
    /** Enough for every thread of a check to find one. */
    private static final int KEPT = 16;
    private final long[][][] kept = new long[MAX_WORDS + 1][KEPT][];
    private final int[] count = new int[MAX_WORDS + 1];

    synchronized long[] take(int words) {
      int c = count[words];
      if (c == 0) {
        return null;
      }
      long[] t = kept[words][--c];
      kept[words][c] = null;
      count[words] = c;
      return t;
    }

    synchronized void give(long[] table, int words) {
      int c = count[words];
      if (c < KEPT) {
        kept[words][c] = table;
        count[words] = c + 1;
      }
    }
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
    use(new long[(int) slots * stride], slots);
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
