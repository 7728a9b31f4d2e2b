package madjep.txn.jepsen;

import java.util.List;
import madjep.history.edn.Edn;

/**
 * Jepsen's compact rendering of a set of integers, {@code "#{1..3 5 7..9}"}: the {@code :ok} set of a set test is
 * as large as the test, so Jepsen summarises it as runs. Sets with non-integer elements print in full.
 */
final class IntervalSets {
  private IntervalSets() {}

  /** The rendering of {@code sorted} (sorted by {@link EdnOrder}). */
  static String render(List<Object> sorted) {
    for (Object o : sorted) {
      if (!(o instanceof Long)) {
        String items = Edn.print(sorted);
        return "#{" + items.substring(1, items.length() - 1) + "}";
      }
    }
    StringBuilder sb = new StringBuilder("#{");
    int k = 0;
    int n = sorted.size();
    while (k < n) {
      long start = (Long) sorted.get(k);
      long end = start;
      while (k + 1 < n && (Long) sorted.get(k + 1) == end + 1) {
        end++;
        k++;
      }
      if (sb.length() > 2) {
        sb.append(' ');
      }
      sb.append(start);
      if (end != start) {
        sb.append("..").append(end);
      }
      k++;
    }
    return sb.append('}').toString();
  }
}
