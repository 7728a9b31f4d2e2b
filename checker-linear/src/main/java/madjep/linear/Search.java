package madjep.linear;

import it.unimi.dsi.fastutil.longs.LongArrayList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The Wing-Gong/Lowe search for one partition, with Knossos's rule for crashed ops.
 *
 * <p>The history is a doubly-linked list of entries in file order: a call and a return per {@code :ok} op, a call
 * per crashed op (their returns sit at the end, past every {@code :ok} return). The search repeatedly takes the first
 * call in the list whose op the model allows, "lifts" it (unlinks its call and return, O(1)) and starts again from
 * the front; reaching a return means that op's return came before it was linearized: a dead end, so it pops the last
 * choice off an explicit stack, relinks it and tries the next call after it. A cache of (linearized set, state)
 * pairs skips configurations already explored. The history is linearizable as soon as every {@code :ok} op is
 * linearized: crashed ops may take effect at any point after their invocation, or never.
 *
 * <p>Read-only ops (see {@link Model#readOnly}) are linearized as soon as they are legal and never un-chosen for an
 * alternative: any linearization from the same configuration can move the read to the front, so if the search fails
 * after the read it fails without it. Crashed read-only ops cannot matter and are left out, and a crashed op is
 * never linearized where it would leave the state as it is.
 *
 * <p>Crashed ops with the same function and value are twins: once invoked, either can stand for the other. A crashed
 * op is only linearized after its earlier twin is, so that k identical crashed ops cost k + 1 configurations, not
 * 2^k (histories from faulty runs pile up dozens of crashed writes of a few values on one key).
 *
 * <p>The search records, at each dead end, which {@code :ok} op blocked it; the op with the latest return that ever
 * blocked is the one reported as impossible, with the longest prefixes that reached it and the states they left.
 */
final class Search {
  enum Outcome { VALID, INVALID, TIMEOUT, MEMORY, CANCELLED, PAUSED }

  /** Asked every {@link #CHECK_MASK} + 1 steps whether to give up. */
  interface Limits {
    /** Null to go on; otherwise why to stop. */
    Outcome stop();
  }

  private static final int CHECK_MASK = (1 << 10) - 1;
  private static final int HEAD = 0;
  /** How many longest prefixes and distinct states the explanation keeps. */
  static final int MAX_PREFIXES = 3;
  static final int MAX_STATES = 16;

  private final PartitionOps ops;
  private final Stepper stepper;
  private final VisitedSet visited;
  private final Limits limits;
  private final int[] next;
  private final int[] prev;
  private final boolean[] readOnly;
  /** For a crashed op, the previous crashed op (by invocation) with the same function and value, or -1. */
  private final int[] twinBefore;
  /** Whether each op is linearized on the current path. */
  private final boolean[] lifted;

  // Where the search is, kept between slices of work (see run).
  private final int[] stackOp;
  private final long[] stackState;
  private int depth;
  private int remaining;
  private long state;
  private int cur;
  private long steps;

  // The explanation of a failure.
  private int blocked = -1;
  private int bestDepth = -1;
  private final List<int[]> prefixes = new ArrayList<>();
  private final LongArrayList blockedStates = new LongArrayList();

  /** The arrays this search works in: its own, or a finished search's from a {@link Pool}. */
  private final Scratch scratch;

  Search(PartitionOps ops, Stepper stepper, VisitedSet visited, Limits limits) {
    this(ops, stepper, visited, limits, null);
  }

  /** A search working in arrays taken from {@code pool} when it has some large enough (null: arrays of its own). */
  Search(PartitionOps ops, Stepper stepper, VisitedSet visited, Limits limits, Pool pool) {
    this.ops = ops;
    this.stepper = stepper;
    this.visited = visited;
    this.limits = limits;
    int n = ops.n;
    Scratch taken = pool == null ? null : pool.take(n);
    scratch = taken != null ? taken : new Scratch(n);
    // Every entry below n is written before it is read: flags and twins here, the list by link(), the stack as the
    // search descends. Entries past n (a larger, earlier partition's) are never read.
    readOnly = scratch.readOnly;
    for (int k = 0; k < n; k++) {
      readOnly[k] = stepper.readOnly(k);
    }
    twinBefore = twins(ops, scratch.twinBefore);
    lifted = scratch.lifted;
    Arrays.fill(lifted, 0, n, false);
    next = scratch.next;
    prev = scratch.prev;
    link(scratch.events);
    stackOp = scratch.stackOp;
    stackState = scratch.stackState;
    remaining = ops.required;
    state = stepper.initial();
    cur = next[HEAD];
  }

  /**
   * The arrays of a search of up to {@link #capacity} ops. A check of a simulated hour runs 36,046 searches, and their
   * arrays were 100 MB of the 540 MB allocated after the simulation: enough for the collector to stop the check once
   * more (benchmarks/RESULTS.md, "The simulated hour, ninth pass").
   */
  static final class Scratch {
    final int capacity;
    final boolean[] readOnly;
    final int[] twinBefore;
    final boolean[] lifted;
    final int[] next;
    final int[] prev;
    final long[] events;
    final int[] stackOp;
    final long[] stackState;

    Scratch(int n) {
      capacity = n;
      readOnly = new boolean[n];
      twinBefore = new int[n];
      lifted = new boolean[n];
      next = new int[2 * n + 3];
      prev = new int[2 * n + 3];
      events = new long[2 * n];
      stackOp = new int[n];
      stackState = new long[n];
    }
  }

  /** Scratch arrays of finished searches, for the later searches of one check; any thread may take and give. */
  static final class Pool {
    /** Enough for every thread of a check to find some. */
    private static final int KEPT = 16;
    private final Scratch[] kept = new Scratch[KEPT];
    private int count;

    /** A scratch for {@code n} ops, or null when none kept is large enough. */
    synchronized Scratch take(int n) {
      for (int i = count - 1; i >= 0; i--) {
        Scratch s = kept[i];
        if (s.capacity >= n) {
          kept[i] = kept[--count];
          kept[count] = null;
          return s;
        }
      }
      return null;
    }

    /**
     * Keeps {@code s} for a later search (when full, drops it: a search gives back what it took, so the pool only
     * fills when more than {@value #KEPT} searches hold arrays at once); the search that had it must never run again.
     */
    synchronized void give(Scratch s) {
      if (count < KEPT) {
        kept[count++] = s;
      }
    }
  }

  /** The arrays this search works in, for a {@link Pool} once it is over. */
  Scratch scratch() {
    return scratch;
  }

  private static int[] twins(PartitionOps ops, int[] twin) {
    Arrays.fill(twin, 0, ops.n, -1);
    java.util.HashMap<List<Object>, Integer> last = new java.util.HashMap<>();
    for (int k = ops.required; k < ops.n; k++) {
      Integer before = last.put(Arrays.asList(ops.f[k], ops.value[k]), k);
      twin[k] = before == null ? -1 : before;
    }
    return twin;
  }

  /** Links head, calls and :ok returns in real-time order, then crashed ops' returns, then the tail. */
  private void link(long[] events) {
    int n = ops.n;
    int e = 0;
    for (int k = 0; k < n; k++) {
      boolean crashed = k >= ops.required;
      if (crashed && readOnly[k]) {
        continue;
      }
      events[e++] = (long) ops.callAt[k] << 32 | (2 * k + 1);
      long returnAt = crashed ? Integer.MAX_VALUE : ops.returnAt[k];
      events[e++] = returnAt << 32 | (2 * k + 2);
    }
    Arrays.sort(events, 0, e);
    int last = HEAD;
    for (int j = 0; j < e; j++) {
      int entry = (int) events[j];
      next[last] = entry;
      prev[entry] = last;
      last = entry;
    }
    int tail = 2 * n + 2;
    next[last] = tail;
    prev[tail] = last;
  }

  /** The steps taken so far (calls tried plus returns met), a measure of effort that does not depend on timing. */
  long steps() {
    return steps;
  }

  /**
   * Searches on for up to {@code budget} more steps: the verdict, a limit's outcome, or {@link Outcome#PAUSED} when
   * the budget ran out first (call again to resume).
   */
  Outcome run(long budget) {
    if (remaining == 0) {
      return Outcome.VALID;
    }
    final int required = ops.required;
    final int[] next = this.next;
    final int[] prev = this.prev;
    final boolean[] readOnly = this.readOnly;
    final int[] twinBefore = this.twinBefore;
    final boolean[] lifted = this.lifted;
    final Stepper stepper = this.stepper;
    final VisitedSet visited = this.visited;
    final int[] stackOp = this.stackOp;
    final long[] stackState = this.stackState;
    int depth = this.depth;
    int remaining = this.remaining;
    long state = this.state;
    int cur = this.cur;
    long steps = this.steps;
    final long stopAt = budget >= Long.MAX_VALUE - steps ? Long.MAX_VALUE : steps + budget;
    Outcome outcome;
    search:
    while (true) {
      if ((++steps & CHECK_MASK) == 0) {
        outcome = visited.exhausted ? Outcome.MEMORY : limits.stop();
        if (outcome != null) {
          break;
        }
        if (steps >= stopAt) {
          outcome = Outcome.PAUSED;
          break;
        }
      }
      if ((cur & 1) != 0) {
        int op = cur >>> 1;
        if (op >= required && twinBefore[op] >= 0 && !lifted[twinBefore[op]]) {
          // Its earlier twin, still unlinearized and callable, stands for it here.
          cur = next[cur];
          continue;
        }
        long after = stepper.step(state, op);
        if (after == Stepper.ILLEGAL || (after == state && op >= required)) {
          // Illegal here; or a crashed op that would change nothing, which this configuration, already being
          // explored, covers: whatever succeeds after it succeeds without it.
          cur = next[cur];
          continue;
        }
        visited.set(op);
        if (visited.add(after)) {
          stackOp[depth] = op;
          stackState[depth] = state;
          depth++;
          state = after;
          lifted[op] = true;
          // Lift: unlink the call and its return.
          int r = cur + 1;
          next[prev[cur]] = next[cur];
          prev[next[cur]] = prev[cur];
          next[prev[r]] = next[r];
          prev[next[r]] = prev[r];
          if (op < required && --remaining == 0) {
            outcome = Outcome.VALID;
            break;
          }
          cur = next[HEAD];
          continue;
        }
        visited.clear(op);
        if (!readOnly[op]) {
          cur = next[cur];
          continue;
        }
        // A legal read whose configuration was already explored (and failed): this configuration fails too.
      } else {
        int op = (cur >>> 1) - 1;
        if (op >= required) {
          // Only crashed ops are left. Cannot happen while :ok ops remain (their returns come first); a guard.
          outcome = Outcome.VALID;
          break;
        }
        deadEnd(op, depth, stackOp, state);
      }
      // Backtrack.
      while (true) {
        // Never below 0; tested as <= rather than == because C2 made the == form a counted loop guarded by a limit
        // check that failed at once on the simulated hour's check (a deoptimization, C1 code for a while, and a
        // second compilation of this method, in the middle of the check).
        if (depth <= 0) {
          outcome = Outcome.INVALID;
          break search;
        }
        depth--;
        int op = stackOp[depth];
        state = stackState[depth];
        lifted[op] = false;
        visited.clear(op);
        // Unlift in reverse: relink the return, then the call.
        int c = 2 * op + 1;
        int r = c + 1;
        prev[next[r]] = r;
        next[prev[r]] = r;
        prev[next[c]] = c;
        next[prev[c]] = c;
        if (op < required) {
          remaining++;
        }
        if (!readOnly[op]) {
          cur = next[c];
          break;
        }
        // Un-choosing a read cannot help (see the class comment): keep backtracking.
      }
    }
    this.depth = depth;
    this.remaining = remaining;
    this.state = state;
    this.cur = cur;
    this.steps = steps;
    return outcome;
  }

  /** Remembers the op that blocked the search, when it is the latest so far, with the prefix and state. */
  private void deadEnd(int op, int depth, int[] stackOp, long state) {
    if (op < blocked) {
      return;
    }
    if (op > blocked) {
      blocked = op;
      bestDepth = -1;
      prefixes.clear();
      blockedStates.clear();
    }
    if (blockedStates.size() < MAX_STATES && !blockedStates.contains(state)) {
      blockedStates.add(state);
    }
    if (depth > bestDepth) {
      bestDepth = depth;
      prefixes.clear();
      prefixes.add(Arrays.copyOf(stackOp, depth));
    } else if (depth == bestDepth && prefixes.size() < MAX_PREFIXES) {
      int[] p = Arrays.copyOf(stackOp, depth);
      for (int[] q : prefixes) {
        if (Arrays.equals(p, q)) {
          return;
        }
      }
      prefixes.add(p);
    }
  }

  /** The :ok op with the latest return that blocked the search, or -1. */
  int blocked() {
    return blocked;
  }

  /** The longest prefixes (op numbers in order) that reached {@link #blocked()}. */
  List<int[]> prefixes() {
    return prefixes;
  }

  /** The distinct states in which the search met {@link #blocked()}. */
  LongArrayList blockedStates() {
    return blockedStates;
  }
}
