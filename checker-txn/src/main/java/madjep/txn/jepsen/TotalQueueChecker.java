package madjep.txn.jepsen;

import it.unimi.dsi.fastutil.objects.Object2IntMap;
import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import java.util.ArrayList;
import java.util.List;
import madjep.history.History;
import madjep.history.Verdict;
import madjep.history.edn.Keyword;

/**
 * Jepsen's {@code total-queue} checker: what goes in must come out. {@code :enqueue} ops add a value, {@code :ok}
 * {@code :dequeue} ops return one, and an {@code :ok} {@code :drain} returns a collection of values, each counted as
 * a dequeue. Values are counted as multisets:
 *
 * <ul>
 *   <li><em>lost</em>: acknowledged enqueues beyond the dequeues of that value;
 *   <li><em>unexpected</em>: dequeues of a value no enqueue attempted;
 *   <li><em>duplicated</em>: dequeues of an attempted value beyond its attempts;
 *   <li><em>recovered</em>: dequeues of an indeterminate enqueue.
 * </ul>
 *
 * Lost or unexpected values make the history invalid; duplicates are reported but, as in Jepsen (queues may
 * deliver at least once), do not. A drain that crashed or never completed may have taken any values, so lost
 * values cannot be told and the verdict is unknown (Jepsen throws); unexpected values are still invalid.
 *
 * <p>One deliberate difference from Jepsen: a failed enqueue did not happen, so it is not an attempt, and
 * dequeuing its value is unexpected (Jepsen would call it recovered).
 */
public final class TotalQueueChecker {
  static final Keyword ENQUEUE = Keyword.of("enqueue");
  static final Keyword DEQUEUE = Keyword.of("dequeue");
  static final Keyword DRAIN = Keyword.of("drain");

  private TotalQueueChecker() {}

  public static TotalQueueResult check(History h) {
    Object2IntOpenHashMap<Object> attempts = new Object2IntOpenHashMap<>();
    Object2IntOpenHashMap<Object> enqueues = new Object2IntOpenHashMap<>();
    Object2IntOpenHashMap<Object> dequeues = new Object2IntOpenHashMap<>();
    int attemptCount = 0;
    int enqueueCount = 0;
    int dequeueCount = 0;
    int crashedDrain = -1;
    for (int i = 0, n = h.size(); i < n; i++) {
      Keyword f = h.f(i);
      if (Ops.isNamedProcess(h, i) || (f != ENQUEUE && f != DEQUEUE && f != DRAIN)) {
        continue;
      }
      if (f == ENQUEUE) {
        if (h.isInvoke(i) && !Ops.failed(h, i)) {
          attempts.addTo(h.value(i), 1);
          attemptCount++;
        } else if (h.isOk(i)) {
          int inv = h.pair(i);
          Object v = inv >= 0 ? h.value(inv) : h.value(i);
          if (inv < 0) {
            attempts.addTo(v, 1);
            attemptCount++;
          }
          enqueues.addTo(v, 1);
          enqueueCount++;
        }
      } else if (f == DEQUEUE) {
        if (h.isOk(i)) {
          dequeues.addTo(h.value(i), 1);
          dequeueCount++;
        }
      } else if (h.isOk(i)) {
        for (Object v : Ops.collectionValue(h, i, "the collection of drained values in an :ok :drain")) {
          dequeues.addTo(v, 1);
          dequeueCount++;
        }
      } else if (crashedDrain < 0 && (h.isInfo(i) || (h.isInvoke(i) && h.pair(i) < 0 && h.isClient(i)))) {
        crashedDrain = i;
      }
    }
    List<Object> ok = new ArrayList<>();
    List<Object> unexpected = new ArrayList<>();
    List<Object> duplicated = new ArrayList<>();
    List<Object> lost = new ArrayList<>();
    List<Object> recovered = new ArrayList<>();
    for (Object2IntMap.Entry<Object> e : dequeues.object2IntEntrySet()) {
      Object v = e.getKey();
      int d = e.getIntValue();
      int a = attempts.getInt(v);
      if (a == 0) {
        repeat(unexpected, v, d);
      } else {
        int okCount = Math.min(d, a);
        repeat(ok, v, okCount);
        repeat(duplicated, v, d - a);
        repeat(recovered, v, okCount - enqueues.getInt(v));
      }
    }
    for (Object2IntMap.Entry<Object> e : enqueues.object2IntEntrySet()) {
      repeat(lost, e.getKey(), e.getIntValue() - dequeues.getInt(e.getKey()));
    }
    Verdict v;
    if (!unexpected.isEmpty()) {
      v = Verdict.INVALID;
    } else if (crashedDrain >= 0) {
      v = Verdict.UNKNOWN;
    } else if (!lost.isEmpty()) {
      v = Verdict.INVALID;
    } else if (Ops.none(h, ENQUEUE, DEQUEUE, DRAIN)) {
      v = Verdict.UNKNOWN;
    } else {
      v = Verdict.VALID;
    }
    return new TotalQueueResult(v, attemptCount, enqueueCount, dequeueCount, Data.sorted(ok), Data.sorted(lost),
        Data.sorted(unexpected), Data.sorted(duplicated), Data.sorted(recovered), crashedDrain, h);
  }

  private static void repeat(List<Object> out, Object v, int times) {
    for (int k = 0; k < times; k++) {
      out.add(v);
    }
  }
}
