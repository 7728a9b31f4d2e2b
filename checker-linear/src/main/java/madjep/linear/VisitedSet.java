package madjep.linear;

import java.util.SplittableRandom;

/**
 * The search's memo of configurations already explored: pairs of (set of linearized ops, model state). The set
 * being built is held here and changed in place by {@link #set} and {@link #clear} as the search linearizes and
 * backtracks; {@link #add} then asks about the pair (current set, state) without allocating.
 *
 * <p>The set's hash is a Zobrist hash, the XOR of a random key per member, kept up to date in O(1) by set and clear,
 * so a lookup never rehashes the set. Implementations differ only in how they store the sets.
 */
abstract class VisitedSet {
  /** Fixed seed: the hash keys must not vary from run to run (determinism), and need no secrecy. */
  private static final long ZOBRIST_SEED = 0x6A09E667F3BCC908L;

  /** A grown table or arena that the budget refuses; the search then stops with an unknown verdict. */
  boolean exhausted;
  /** Zobrist hash of the current set. */
  long setHash;
  /** A key per op, at least as many as the set's ops (never written: possibly shared by every set). */
  final long[] zobrist;
  final MemoryBudget budget;
  long reserved;

  /**
   * Partitions of up to this many ops share one array of keys: a simulated history splits into tens of thousands of
   * small partitions, each of which drew the same keys into an array of its own. Larger ones still draw their own,
   * so that no large array outlives its check.
   */
  static final int SHARED_KEYS = 1 << 12;
  private static final long[] SHARED = keys(SHARED_KEYS);

  VisitedSet(int ops, MemoryBudget budget) {
    this.budget = budget;
    // Key i is the i-th draw from the fixed seed whatever the array's length: a shared array's first ops keys are
    // the keys an array of this partition's own would hold.
    this.zobrist = ops <= SHARED_KEYS ? SHARED : keys(ops);
  }

  /** The first {@code n} draws from the fixed seed. */
  static long[] keys(int n) {
    long[] k = new long[n];
    SplittableRandom r = new SplittableRandom(ZOBRIST_SEED);
    for (int i = 0; i < n; i++) {
      k[i] = r.nextLong();
    }
    return k;
  }

  /** Adds op {@code op} to the current set. */
  abstract void set(int op);

  /** Removes op {@code op} from the current set. */
  abstract void clear(int op);

  /**
   * Records (current set, state); true when it was new. When the budget refuses more memory the pair is not stored,
   * {@link #exhausted} is set and the answer is true (never pretend a configuration was seen).
   */
  abstract boolean add(long state);

  /** The number of pairs stored. */
  abstract long size();

  /** Combines the set hash with a state; never 0, which marks an empty slot. */
  static long hash(long setHash, long state) {
    long h = setHash ^ (state * 0x9E3779B97F4A7C15L);
    h ^= h >>> 29;
    h *= 0xBF58476D1CE4E5B9L;
    h ^= h >>> 32;
    return h == 0 ? 1 : h;
  }

  /** Takes bytes from the budget, or marks the set exhausted. */
  final boolean reserve(long bytes) {
    if (budget.reserve(bytes)) {
      reserved += bytes;
      return true;
    }
    exhausted = true;
    return false;
  }

  /** Gives back everything this set reserved; call when the search is over. */
  final void releaseAll() {
    budget.release(reserved);
    reserved = 0;
  }
}
