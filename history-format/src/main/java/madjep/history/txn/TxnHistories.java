package madjep.history.txn;

import java.util.Arrays;
import java.util.List;
import madjep.history.DataError;
import madjep.history.History;
import madjep.history.OpType;
import madjep.history.edn.EdnParser;
import madjep.history.edn.Keyword;

/**
 * Builds a {@link TxnHistory} from a {@link History} whose client ops are transactions: values are vectors of
 * micro-ops {@code [f k v]} (a read may omit v: {@code [:r k]}). Ops of named processes such as {@code :nemesis} are
 * left out; ops without a {@code :process} are kept, paired in file order (an invocation, then the next completion).
 * An invocation that never completes is indeterminate, like an {@code :info} completion: it becomes an :info
 * transaction with the invocation's value, placed after every completed one.
 */
public final class TxnHistories {
  private TxnHistories() {}

  /** The transactions of {@code h}; a value that is not a transaction is a {@link DataError} at its op. */
  public static TxnHistory of(History h) {
    TxnHistoryBuilder b = new TxnHistoryBuilder(h.source());
    b.history(h);
    int n = h.size();
    int[] slotOf = new int[n];
    Arrays.fill(slotOf, -1);
    int pendingNoProcess = -1;
    for (int i = 0; i < n; i++) {
      int p = h.process(i);
      if (p < 0 && p != History.NO_PROCESS) {
        continue;
      }
      if (h.isInvoke(i)) {
        if (p == History.NO_PROCESS) {
          pendingNoProcess = i;
          slotOf[i] = b.invokeEvent();
        } else {
          slotOf[i] = b.invokeEvent();
        }
        continue;
      }
      int inv;
      if (p == History.NO_PROCESS) {
        inv = pendingNoProcess;
        pendingNoProcess = -1;
      } else {
        inv = h.pair(i);
      }
      int slot = inv >= 0 ? slotOf[inv] : -1;
      int t = b.beginTxn(h.type(i), p, h.index(i), h.time(i), slot, inv >= 0 ? h.index(inv) : -1,
          inv >= 0 ? h.time(inv) : -1, h.f(i), h.line(i));
      b.positions(t, i, slot >= 0 ? inv : -1);
      addMops(b, h, i);
    }
    for (int i = 0; i < n; i++) {
      int p = h.process(i);
      boolean client = p >= 0 || p == History.NO_PROCESS;
      boolean open = p == History.NO_PROCESS ? i == pendingNoProcess : h.pair(i) < 0;
      if (client && h.isInvoke(i) && open) {
        int t = b.beginTxn(OpType.INFO, p, h.index(i), -1, slotOf[i], h.index(i), h.time(i), h.f(i), h.line(i));
        b.positions(t, i, i);
        addMops(b, h, i);
      }
    }
    return b.build();
  }

  private static void addMops(TxnHistoryBuilder b, History h, int i) {
    Object v = h.value(i);
    if (v == null && h.type(i) != OpType.OK && h.type(i) != OpType.INVOKE) {
      return;
    }
    if (!(v instanceof List<?> mops)) {
      throw h.errorAt(i, "expected a transaction: a vector of micro-ops such as [[:r :x nil] [:append :x 1]], found "
          + EdnParser.describe(v));
    }
    for (Object o : mops) {
      if (!(o instanceof List<?> mop) || mop.size() < 2 || mop.size() > 3 || !(mop.get(0) instanceof Keyword fn)) {
        throw h.errorAt(i, "expected a micro-op [f k v] such as [:append :x 1], found " + EdnParser.describe(o));
      }
      Object mv = mop.size() == 3 ? mop.get(2) : null;
      int k = b.key(mop.get(1));
      if (fn == TxnHistory.K_R) {
        if (mv instanceof List<?> list) {
          b.beginListRead(k);
          for (Object e : list) {
            b.listElement(b.value(e));
          }
        } else {
          b.mop(TxnHistory.READ, k, b.value(mv));
        }
      } else if (fn == TxnHistory.K_APPEND) {
        b.mop(TxnHistory.APPEND, k, b.value(mv));
      } else if (fn == TxnHistory.K_W) {
        b.mop(TxnHistory.WRITE, k, b.value(mv));
      } else {
        b.otherMop(fn, k, b.value(mv));
      }
    }
  }
}
