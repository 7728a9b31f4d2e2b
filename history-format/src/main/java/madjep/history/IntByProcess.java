package madjep.history;

import it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap;
import java.util.Arrays;

/**
 * An int for each process code of a {@link History} ({@link History#process}: a client's number, or a named process's
 * negative code), -1 for none: for a pass over a history that follows each process, such as pairing its ops or
 * giving each its lane on a timeline. Client numbers below 2^20, the ones a history usually has, are kept in an array
 * (a hash map's lookups for each of millions of ops cost a simulated hour's pairing a tenth of a second); named
 * processes and larger numbers in a map.
 */
public final class IntByProcess {
  private static final int ARRAY_LIMIT = 1 << 20;
  private int[] byNumber = new int[64];
  private final Int2IntOpenHashMap other = new Int2IntOpenHashMap();

  /** An empty one: every process has -1. */
  public IntByProcess() {
    Arrays.fill(byNumber, -1);
    other.defaultReturnValue(-1);
  }

  /** The int of {@code process}, or -1. */
  public int get(int process) {
    if (process >= 0 && process < ARRAY_LIMIT) {
      return process < byNumber.length ? byNumber[process] : -1;
    }
    return other.get(process);
  }

  /** Gives {@code process} the int {@code value}. */
  public void put(int process, int value) {
    if (process >= 0 && process < ARRAY_LIMIT) {
      if (process >= byNumber.length) {
        int old = byNumber.length;
        byNumber = Arrays.copyOf(byNumber, Math.min(ARRAY_LIMIT, Math.max(process + 1, old * 2)));
        Arrays.fill(byNumber, old, byNumber.length, -1);
      }
      byNumber[process] = value;
    } else {
      other.put(process, value);
    }
  }

  /** Gives {@code process} -1 again. */
  public void remove(int process) {
    if (process >= 0 && process < ARRAY_LIMIT) {
      if (process < byNumber.length) {
        byNumber[process] = -1;
      }
    } else {
      other.remove(process);
    }
  }
}
