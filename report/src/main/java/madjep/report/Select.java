package madjep.report;

import java.util.Arrays;

/**
 * The k-th smallest of a range of a {@code long[]} without sorting it (quickselect), for the latency plot's
 * quantiles: an hour's run has 2.4 million latencies and needs four ranks of each time bucket, which sorting every
 * bucket made the slowest part of the page. After {@link #kth}, what lies before {@code k} in the range is at most
 * {@code a[k]} and what lies after is at least {@code a[k]}, so a larger rank is then found in the range after
 * {@code k}. Too many rounds (a pivot unlucky again and again) fall back to sorting the range.
 */
final class Select {
  private Select() {}

  /**
   * Puts the value of rank {@code k - from} of {@code a[from, to)} at {@code a[k]}, the smaller ones before it and the
   * larger ones after it, and returns it ({@code from <= k < to}).
   */
  static long kth(long[] a, int from, int to, int k) {
    if (k < from || k >= to) {
      throw new IllegalArgumentException("expected " + from + " <= k < " + to + ", found " + k);
    }
    int lo = from;
    int hi = to;
    // About twice the rounds a halving pivot needs; an input that defeats the pivot this long is sorted instead.
    int rounds = 2 * (64 - Long.numberOfLeadingZeros(to - from)) + 8;
    while (hi - lo > 16) {
      if (rounds-- == 0) {
        Arrays.sort(a, lo, hi);
        return a[k];
      }
      long p = median(a[lo], a[lo + (hi - lo) / 2], a[hi - 1]);
      // Three ways: [lo, lt) < p, [lt, i) == p, [gt, hi) > p.
      int lt = lo;
      int i = lo;
      int gt = hi;
      while (i < gt) {
        long v = a[i];
        if (v < p) {
          a[i++] = a[lt];
          a[lt++] = v;
        } else if (v > p) {
          a[i] = a[--gt];
          a[gt] = v;
        } else {
          i++;
        }
      }
      if (k < lt) {
        hi = lt;
      } else if (k >= gt) {
        lo = gt;
      } else {
        return p;
      }
    }
    Arrays.sort(a, lo, hi);
    return a[k];
  }

  private static long median(long x, long y, long z) {
    return Math.max(Math.min(x, y), Math.min(Math.max(x, y), z));
  }
}
