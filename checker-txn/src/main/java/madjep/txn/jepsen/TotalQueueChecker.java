package madjep.txn.jepsen;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import madjep.history.History;
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
    Map<Object, int[]> attempts = new HashMap<>();
    Map<Object, int[]> enqueues = new HashMap<>();
    Map<Object, int[]> dequeues = new HashMap<>();
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
          count(attempts, h.value(i));
          attemptCount++;
        } else if (h.isOk(i)) {
          int inv = h.pair(i);
          Object v = inv >= 0 ? h.value(inv) : h.value(i);
          if (inv < 0) {
            count(attempts, v);
            attemptCount++;
          }
          count(enqueues, v);
          enqueueCount++;
        }
      } else if (f == DEQUEUE) {
        if (h.isOk(i)) {
          count(dequeues, h.value(i));
          dequeueCount++;
        }
      } else if (h.isOk(i)) {
        for (Object v : Ops.collectionValue(h, i, "the collection of drained values in an :ok :drain")) {
          count(dequeues, v);
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
    for (Map.Entry<Object, int[]> e : dequeues.entrySet()) {
      Object v = e.getKey();
      int d = e.getValue()[0];
      int a = get(attempts, v);
      if (a == 0) {
        repeat(unexpected, v, d);
      } else {
        int okCount = Math.min(d, a);
        repeat(ok, v, okCount);
        repeat(duplicated, v, d - a);
        repeat(recovered, v, okCount - get(enqueues, v));
      }
    }
    for (Map.Entry<Object, int[]> e : enqueues.entrySet()) {
      repeat(lost, e.getKey(), e.getValue()[0] - get(dequeues, e.getKey()));
    }
    Verdict v;
    if (!unexpected.isEmpty()) {
      v = Verdict.INVALID;
    } else if (crashedDrain >= 0) {
      v = Verdict.UNKNOWN;
    } else if (!lost.isEmpty()) {
      v = Verdict.INVALID;
    } else {
      v = Verdict.VALID;
    }
    return new TotalQueueResult(v, attemptCount, enqueueCount, dequeueCount, Data.sorted(ok), Data.sorted(lost),
        Data.sorted(unexpected), Data.sorted(duplicated), Data.sorted(recovered), crashedDrain, h);
  }

  private static void count(Map<Object, int[]> multiset, Object v) {
    multiset.computeIfAbsent(v, k -> new int[1])[0]++;
  }

  private static int get(Map<Object, int[]> multiset, Object v) {
    int[] c = multiset.get(v);
    return c == null ? 0 : c[0];
  }

  private static void repeat(List<Object> out, Object v, int times) {
    for (int k = 0; k < times; k++) {
      out.add(v);
    }
  }
}
