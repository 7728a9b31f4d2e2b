package madjep.history.fuzz;

import java.util.Objects;
import madjep.history.txn.TxnHistory;

/** Where two transaction histories differ, field by field, for the fuzzer and the reader tests. */
final class TxnHistoryDiff {
  private TxnHistoryDiff() {}

  /** The first difference between {@code a} and {@code b}, or null when they hold the same transactions. */
  static String firstDifference(TxnHistory a, TxnHistory b) {
    if (a.size() != b.size() || a.mopCount() != b.mopCount() || a.eventCount() != b.eventCount()) {
      return "sizes " + a.size() + "/" + a.mopCount() + "/" + a.eventCount() + " vs " + b.size() + "/"
          + b.mopCount() + "/" + b.eventCount();
    }
    for (int e = 0; e < a.eventCount(); e++) {
      if (a.event(e) != b.event(e)) {
        return "event " + e;
      }
    }
    for (int t = 0; t < a.size(); t++) {
      if (a.type(t) != b.type(t) || a.process(t) != b.process(t) || a.index(t) != b.index(t)
          || a.invokeIndex(t) != b.invokeIndex(t) || a.time(t) != b.time(t) || a.line(t) != b.line(t)) {
        return "transaction " + t + " (type, process, index, time or line)";
      }
      for (int m = a.mopStart(t); m < a.mopStart(t + 1); m++) {
        if (!Objects.equals(a.mopData(m), b.mopData(m))) {
          return "micro-op " + m + ": " + a.mopData(m) + " vs " + b.mopData(m);
        }
      }
    }
    return null;
  }
}
