package madjep.txn.jepsen;

import java.util.Arrays;

/**
 * A max segment tree over an int array answering "the first position at or after {@code from} whose value exceeds
 * {@code threshold}" in O(log n). set-full uses it to skip, among reads ordered by invocation, those that completed
 * before an element was added.
 */
final class FirstAbove {
  private final int size;
  private final int leaves;
  private final int[] max;

  FirstAbove(int[] values) {
    size = values.length;
    int l = 1;
    while (l < Math.max(1, size)) {
      l <<= 1;
    }
    leaves = l;
    max = new int[2 * l];
    Arrays.fill(max, Integer.MIN_VALUE);
    System.arraycopy(values, 0, max, l, size);
    for (int k = l - 1; k >= 1; k--) {
      max[k] = Math.max(max[2 * k], max[2 * k + 1]);
    }
  }

  /** The first position {@code p >= from} with {@code values[p] > threshold}, or -1. */
  int find(int from, int threshold) {
    if (from >= size) {
      return -1;
    }
    // Walk up from the leaf, looking right for a subtree holding a larger value; then walk down into it.
    int node = leaves + from;
    if (max[node] > threshold) {
      return from;
    }
    while (node > 1) {
      if ((node & 1) == 0 && max[node + 1] > threshold) {
        node = node + 1;
        while (node < leaves) {
          node = max[2 * node] > threshold ? 2 * node : 2 * node + 1;
        }
        return node - leaves;
      }
      node >>>= 1;
    }
    return -1;
  }
}
