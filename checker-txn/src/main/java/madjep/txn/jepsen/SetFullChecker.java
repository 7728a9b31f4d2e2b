package madjep.txn.jepsen;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import madjep.history.History;
import madjep.history.edn.Keyword;

/**
 * Jepsen's {@code set-full} checker: {@code :add} ops add one element each, and {@code :read} ops return every
 * element present. Each element gets a timeline from the reads that complete after its add was invoked:
 *
 * <ul>
 *   <li><em>known</em>: the add's acknowledgement or the first read that saw it, whichever completes first;
 *   <li><em>stable</em>: the latest-invoked read that saw it was invoked after the latest-invoked read that did
 *       not; its stable latency is the time from known to just after the last read that missed it, in ms (0 when
 *       none did), and a positive latency makes it <em>stale</em>;
 *   <li><em>lost</em>: known, and the latest-invoked read that missed it was invoked after it was known and after
 *       every read that saw it;
 *   <li><em>never read</em>: neither.
 * </ul>
 *
 * Lost elements make the history invalid, and so do stale ones when {@code linearizable}; without a stable
 * element the verdict is unknown. An element read twice in one read is duplicated, also invalid.
 *
 * <p>Where this differs from Jepsen's code: failed adds did not happen, so their elements are not attempts; an
 * element that a read returns but no add attempted is <em>unexpected</em>, which makes the history invalid (Jepsen
 * ignores such elements); duplicates are reported (Jepsen's duplicate count has a comparison that can never hold);
 * and an {@code :ok} read must have its invocation in the history. Elements are compared as whole EDN values, as in
 * Jepsen: an add of {@code [0 5]} is an element {@code [0 5]}, which a read of {@code [0 1 2 ...]} does not contain.
 *
 * <p>Cost: O(n + total size of all reads + elements * log(reads)) time and O(elements + reads) extra memory, where
 * Jepsen's fold is O(reads * elements). Reads are visited once, in descending invocation order; each element keeps
 * a frontier, the first read that completed after its add began ({@link FirstAbove} finds it) and is not yet known
 * to have seen it. When all reads are eligible, moving a frontier is O(1).
 */
public final class SetFullChecker {
  static final Keyword ADD = Keyword.of("add");
  static final Keyword READ = Keyword.of("read");
  static final long NANOS_PER_MS = 1_000_000L;

  /** @param linearizable when true, stale elements make the history invalid */
  public record Options(boolean linearizable) {
    public static Options defaults() {
      return new Options(false);
    }
  }

  private SetFullChecker() {}

  public static SetFullResult check(History h, Options options) {
    int n = h.size();
    Object2IntOpenHashMap<Object> ids = new Object2IntOpenHashMap<>();
    ids.defaultReturnValue(-1);
    List<Object> elements = new ArrayList<>();
    IntArrayList creation = new IntArrayList();
    IntArrayList readAt = new IntArrayList();
    for (int i = 0; i < n; i++) {
      Keyword f = h.f(i);
      if (Ops.isNamedProcess(h, i)) {
        continue;
      }
      if (f == ADD) {
        // An invocation (re)creates the element's timeline, as in Jepsen; an :ok without one stands in for it.
        if ((h.isInvoke(i) && !Ops.failed(h, i)) || (h.isOk(i) && h.pair(i) < 0)) {
          Object v = h.value(i);
          int id = ids.getInt(v);
          if (id < 0) {
            id = elements.size();
            ids.put(v, id);
            elements.add(v);
            creation.add(i);
          } else {
            creation.set(id, i);
          }
        }
      } else if (f == READ && h.isOk(i)) {
        Ops.collectionValue(h, i, "a collection of elements in an :ok :read");
        if (h.pair(i) < 0) {
          throw h.errorAt(i, "expected the :invoke of this :ok :read earlier in the history (set-full times reads "
              + "from their invocation), found none");
        }
        readAt.add(i);
      }
    }
    int e = elements.size();
    int[] created = creation.toIntArray();
    int[] knownAt = new int[e];
    Arrays.fill(knownAt, Integer.MAX_VALUE);
    for (int i = 0; i < n; i++) {
      if (h.f(i) == ADD && h.isOk(i) && !Ops.isNamedProcess(h, i)) {
        int inv = h.pair(i);
        int id = ids.getInt(inv >= 0 ? h.value(inv) : h.value(i));
        if (id >= 0 && i >= created[id] && i < knownAt[id]) {
          knownAt[id] = i;
        }
      }
    }

    // Reads by rank: descending invocation position.
    int r = readAt.size();
    int[] readInv = new int[r];
    int[] readDone = new int[r];
    for (int k = 0; k < r; k++) {
      int done = readAt.getInt(r - 1 - k);
      readDone[k] = done;
      readInv[k] = h.pair(done);
    }
    sortByInvocationDescending(readInv, readDone);

    // One pass over the reads in rank order. For each element, its frontier is the first eligible read (completed
    // after the element's add was invoked) not yet known to have seen it; a read at the frontier that sees the
    // element moves it on, so at the end it is the latest-invoked eligible read that missed the element.
    FirstAbove completedAfter = new FirstAbove(readDone);
    int[] frontier = new int[e];
    int[] lastPresent = new int[e];
    int[] knownByRead = new int[e];
    for (int id = 0; id < e; id++) {
      frontier[id] = completedAfter.find(0, created[id]);
    }
    Arrays.fill(lastPresent, -1);
    Arrays.fill(knownByRead, Integer.MAX_VALUE);
    int[] stamp = new int[e];
    int[] multiplicity = new int[e];
    Arrays.fill(stamp, -1);
    Set<Object> unexpected = new HashSet<>();
    Map<Object, Integer> duplicated = new HashMap<>();
    IntegerIds integerIds = IntegerIds.of(elements);
    for (int k = 0; k < r; k++) {
      int done = readDone[k];
      Map<Object, int[]> strangers = null;
      for (Object x : (Collection<?>) h.value(done)) {
        int id = integerIds != null ? integerIds.id(x) : ids.getInt(x);
        if (id < 0) {
          unexpected.add(x);
          if (strangers == null) {
            strangers = new HashMap<>();
          }
          int c = ++strangers.computeIfAbsent(x, z -> new int[1])[0];
          if (c > 1) {
            duplicated.merge(x, c, Math::max);
          }
          continue;
        }
        if (stamp[id] == k) {
          duplicated.merge(elements.get(id), ++multiplicity[id], Math::max);
          continue;
        }
        stamp[id] = k;
        multiplicity[id] = 1;
        if (done > created[id]) {
          if (lastPresent[id] < 0) {
            lastPresent[id] = readInv[k];
          }
          if (done < knownByRead[id]) {
            knownByRead[id] = done;
          }
          if (frontier[id] == k) {
            frontier[id] = completedAfter.find(k + 1, created[id]);
          }
        }
      }
    }

    List<SetFullResult.Element> outcomes = new ArrayList<>(e);
    for (int id = 0; id < e; id++) {
      int known = Math.min(knownAt[id], knownByRead[id]);
      known = known == Integer.MAX_VALUE ? -1 : known;
      int lastAbsent = frontier[id] < 0 ? -1 : readInv[frontier[id]];
      outcomes.add(outcome(h, elements.get(id), known, lastPresent[id], lastAbsent));
    }
    outcomes.sort((a, b) -> EdnOrder.INSTANCE.compare(a.element(), b.element()));
    return SetFullResult.of(options.linearizable(), outcomes, Data.sorted(unexpected), duplicated, h);
  }

  private static SetFullResult.Element outcome(History h, Object element, int known, int lastPresent,
      int lastAbsent) {
    boolean stable = lastPresent >= 0 && lastAbsent < lastPresent;
    boolean lost = known >= 0 && lastAbsent >= 0 && lastPresent < lastAbsent && known < lastAbsent;
    long knownTime = known >= 0 ? h.time(known) : 0;
    long stableLatency = -1;
    long lostLatency = -1;
    SetFullResult.Outcome o;
    if (stable) {
      o = SetFullResult.Outcome.STABLE;
      long stableTime = lastAbsent >= 0 ? h.time(lastAbsent) + 1 : 0;
      stableLatency = Math.max(0, stableTime - knownTime) / NANOS_PER_MS;
    } else if (lost) {
      o = SetFullResult.Outcome.LOST;
      long lostTime = lastPresent >= 0 ? h.time(lastPresent) + 1 : 0;
      lostLatency = Math.max(0, lostTime - knownTime) / NANOS_PER_MS;
    } else {
      o = SetFullResult.Outcome.NEVER_READ;
    }
    return new SetFullResult.Element(element, o, stableLatency, lostLatency, known, lastPresent, lastAbsent);
  }

  /** Sorts the parallel arrays by {@code inv}, descending. Invocation positions are distinct. */
  private static void sortByInvocationDescending(int[] inv, int[] done) {
    int r = inv.length;
    long[] packed = new long[r];
    for (int k = 0; k < r; k++) {
      packed[k] = ((long) inv[k] << 32) | (done[k] & 0xffffffffL);
    }
    Arrays.sort(packed);
    for (int k = 0; k < r; k++) {
      long x = packed[r - 1 - k];
      inv[k] = (int) (x >>> 32);
      done[k] = (int) x;
    }
  }
}
