package madjep.harness.shrink;

import java.util.ArrayList;
import java.util.List;

/**
 * Zeller and Hildebrandt's delta debugging (ddmin): the smallest sublist of a failing list that still fails, found
 * by trying chunks and their complements at doubling granularity. When it returns, removing any single element of
 * the result makes it pass (1-minimal), unless the budget ran out first.
 */
final class Ddmin {
  private Ddmin() {}

  /** Judges candidate sublists, a batch at a time. */
  interface Oracle<T> {
    /** The index of the first candidate that still fails, in list order, or -1. */
    int firstFailing(List<List<T>> candidates);
  }

  /** A failing sublist of {@code failing} that no single removal keeps failing. */
  static <T> List<T> minimize(List<T> failing, Oracle<T> oracle) {
    List<T> cur = List.copyOf(failing);
    if (!cur.isEmpty() && oracle.firstFailing(List.of(List.of())) == 0) {
      return List.of();
    }
    int n = 2;
    while (cur.size() >= 2) {
      List<List<T>> chunks = split(cur, n);
      int i = oracle.firstFailing(chunks);
      if (i >= 0) {
        cur = chunks.get(i);
        n = 2;
        continue;
      }
      if (n > 2) {
        List<List<T>> complements = new ArrayList<>();
        for (int k = 0; k < chunks.size(); k++) {
          complements.add(without(chunks, k));
        }
        i = oracle.firstFailing(complements);
        if (i >= 0) {
          cur = complements.get(i);
          n = Math.max(n - 1, 2);
          continue;
        }
      }
      if (n >= cur.size()) {
        break;
      }
      n = Math.min(2 * n, cur.size());
    }
    return cur;
  }

  /** {@code items} cut into {@code n} contiguous chunks of near-equal size. */
  static <T> List<List<T>> split(List<T> items, int n) {
    List<List<T>> out = new ArrayList<>();
    int size = items.size();
    int from = 0;
    for (int k = 0; k < n; k++) {
      int to = from + (size - from) / (n - k);
      out.add(List.copyOf(items.subList(from, to)));
      from = to;
    }
    return out;
  }

  private static <T> List<T> without(List<List<T>> chunks, int skip) {
    List<T> out = new ArrayList<>();
    for (int k = 0; k < chunks.size(); k++) {
      if (k != skip) {
        out.addAll(chunks.get(k));
      }
    }
    return List.copyOf(out);
  }
}
