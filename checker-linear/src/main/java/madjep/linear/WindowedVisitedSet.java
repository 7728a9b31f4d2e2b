package madjep.linear;

import java.util.Arrays;

/**
 * A {@link VisitedSet} for long partitions. Sets are stored as windows: required ops are numbered by completion,
 * so a linearized set is "every op below some word, then a few words of mixed bits"; crashed ops get their own
 * region with its own window. A set is stored as its two windows (the words between the first word that is not
 * all ones and the last word that is not all zeros), which is canonical and, for a history of 100k ops at
 * concurrency 10, a few words instead of 1,563.
 *
 * <p>Pairs live in an arena of longs, {@code [state, required window, crashed window, words...]}, indexed by an
 * open-addressing table of hashes and arena offsets.
 */
final class WindowedVisitedSet extends VisitedSet {
  private static final int INITIAL_SLOTS = 1024;
  private static final int HEADER = 3;

  private final int required;
  private final int requiredWords;
  private final int crashedBase;
  private final long[] words;
  /** Absolute word indices: first word not all ones, last word not all zeros, per region. */
  private int reqLow;
  private int reqHigh;
  private int crLow;
  private int crHigh;

  private long[] hashes;
  private int[] offsets;
  private int mask;
  private long size;
  private long growAt;
  private long[] arena;
  private int arenaSize;

  WindowedVisitedSet(int ops, int required, MemoryBudget budget) {
    super(ops, budget);
    this.required = required;
    this.requiredWords = (required + 63) >>> 6;
    this.crashedBase = requiredWords;
    int crashedWords = (ops - required + 63) >>> 6;
    this.words = new long[requiredWords + crashedWords];
    reqLow = 0;
    reqHigh = -1;
    crLow = crashedBase;
    crHigh = crashedBase - 1;
    reserve((long) INITIAL_SLOTS * (Long.BYTES + Integer.BYTES) + 4096L * Long.BYTES);
    hashes = new long[INITIAL_SLOTS];
    offsets = new int[INITIAL_SLOTS];
    mask = INITIAL_SLOTS - 1;
    growAt = INITIAL_SLOTS / 2;
    arena = new long[4096];
  }

  @Override
  void set(int op) {
    setHash ^= zobrist[op];
    if (op < required) {
      int w = op >>> 6;
      long x = words[w] |= 1L << op;
      if (w > reqHigh) {
        reqHigh = w;
      }
      if (w == reqLow && x == -1L) {
        do {
          reqLow++;
        } while (reqLow < requiredWords && words[reqLow] == -1L);
      }
    } else {
      int b = op - required;
      int w = crashedBase + (b >>> 6);
      long x = words[w] |= 1L << b;
      if (w > crHigh) {
        crHigh = w;
      }
      if (w == crLow && x == -1L) {
        do {
          crLow++;
        } while (crLow < words.length && words[crLow] == -1L);
      }
    }
  }

  @Override
  void clear(int op) {
    setHash ^= zobrist[op];
    if (op < required) {
      int w = op >>> 6;
      long x = words[w] &= ~(1L << op);
      if (w < reqLow) {
        reqLow = w;
      }
      if (w == reqHigh && x == 0) {
        do {
          reqHigh--;
        } while (reqHigh >= 0 && words[reqHigh] == 0);
      }
    } else {
      int b = op - required;
      int w = crashedBase + (b >>> 6);
      long x = words[w] &= ~(1L << b);
      if (w < crLow) {
        crLow = w;
      }
      if (w == crHigh && x == 0) {
        do {
          crHigh--;
        } while (crHigh >= crashedBase && words[crHigh] == 0);
      }
    }
  }

  @Override
  boolean add(long state) {
    long h = hash(setHash, state);
    int reqLen = Math.max(0, reqHigh - reqLow + 1);
    int crLen = Math.max(0, crHigh - crLow + 1);
    long reqWindow = (long) reqLow << 32 | reqLen;
    long crWindow = (long) (crLow - crashedBase) << 32 | crLen;
    int i = (int) h & mask;
    while (true) {
      long sh = hashes[i];
      if (sh == 0) {
        break;
      }
      if (sh == h) {
        int off = offsets[i];
        if (arena[off] == state && arena[off + 1] == reqWindow && arena[off + 2] == crWindow
            && Arrays.equals(arena, off + HEADER, off + HEADER + reqLen, words, reqLow, reqLow + reqLen)
            && Arrays.equals(arena, off + HEADER + reqLen, off + HEADER + reqLen + crLen, words, crLow,
                crLow + crLen)) {
          return false;
        }
      }
      i = (i + 1) & mask;
    }
    int need = HEADER + reqLen + crLen;
    if (size >= growAt || arenaSize + need > arena.length) {
      if (!grow(need)) {
        return true; // the budget refused: search on without remembering this pair
      }
      i = (int) h & mask;
      while (hashes[i] != 0) {
        i = (i + 1) & mask;
      }
    }
    int off = arenaSize;
    arena[off] = state;
    arena[off + 1] = reqWindow;
    arena[off + 2] = crWindow;
    System.arraycopy(words, reqLow, arena, off + HEADER, reqLen);
    System.arraycopy(words, crLow, arena, off + HEADER + reqLen, crLen);
    arenaSize += need;
    hashes[i] = h;
    offsets[i] = off;
    size++;
    return true;
  }

  /** Makes room for one more pair of {@code need} longs; false when the budget or array limits refuse. */
  private boolean grow(int need) {
    if (size >= growAt) {
      long slots = (long) (mask + 1) * 2;
      if (slots > 1 << 30 || !reserve(slots * (Long.BYTES + Integer.BYTES))) {
        exhausted = true;
        return false;
      }
      long[] oldHashes = hashes;
      int[] oldOffsets = offsets;
      hashes = new long[(int) slots];
      offsets = new int[(int) slots];
      mask = (int) slots - 1;
      growAt = slots / 2;
      for (int j = 0; j < oldHashes.length; j++) {
        long h = oldHashes[j];
        if (h != 0) {
          int i = (int) h & mask;
          while (hashes[i] != 0) {
            i = (i + 1) & mask;
          }
          hashes[i] = h;
          offsets[i] = oldOffsets[j];
        }
      }
      long freed = (long) oldHashes.length * (Long.BYTES + Integer.BYTES);
      budget.release(freed);
      reserved -= freed;
    }
    if (arenaSize + need > arena.length) {
      long len = Math.max((long) arena.length * 2, (long) arenaSize + need);
      if (len > Integer.MAX_VALUE - 16 || !reserve(len * Long.BYTES)) {
        exhausted = true;
        return false;
      }
      long freed = (long) arena.length * Long.BYTES;
      arena = Arrays.copyOf(arena, (int) len);
      budget.release(freed);
      reserved -= freed;
    }
    return true;
  }

  @Override
  long size() {
    return size;
  }
}
