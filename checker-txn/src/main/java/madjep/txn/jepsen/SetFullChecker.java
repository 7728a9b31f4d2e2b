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
 * <p>Cost: O(n + total size of all reads + elements * log(reads)), where Jepsen's fold is O(reads * elements). The
 * latest read that missed an element is found by walking the reads in descending invocation order, skipping with
 * {@link FirstAbove} those that completed before the element was added, and stepping over the reads that saw it.
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

    // Every (element, rank) where an eligible read saw the element, appended in rank order.
    IntArrayList seenId = new IntArrayList();
    IntArrayList seenRank = new IntArrayList();
    int[] stamp = new int[e];
    int[] multiplicity = new int[e];
    Arrays.fill(stamp, -1);
    Set<Object> unexpected = new HashSet<>();
    Map<Object, Integer> duplicated = new HashMap<>();
    for (int k = 0; k < r; k++) {
      int done = readDone[k];
      Map<Object, int[]> strangers = null;
      for (Object x : (Collection<?>) h.value(done)) {
        int id = ids.getInt(x);
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
          seenId.add(id);
          seenRank.add(k);
        }
      }
    }
    // CSR: for element id, the ranks of the eligible reads that saw it, ascending, at ranks[start[id]..start[id+1]).
    int[] start = new int[e + 1];
    for (int k = 0, m = seenId.size(); k < m; k++) {
      start[seenId.getInt(k) + 1]++;
    }
    for (int id = 0; id < e; id++) {
      start[id + 1] += start[id];
    }
    int[] ranks = new int[seenId.size()];
    int[] fill = Arrays.copyOf(start, e);
    for (int k = 0, m = seenId.size(); k < m; k++) {
      ranks[fill[seenId.getInt(k)]++] = seenRank.getInt(k);
    }

    FirstAbove completedAfter = new FirstAbove(readDone);
    List<SetFullResult.Element> outcomes = new ArrayList<>(e);
    for (int id = 0; id < e; id++) {
      int c = created[id];
      int from = start[id];
      int to = start[id + 1];
      int lastPresent = from < to ? readInv[ranks[from]] : -1;
      int known = knownAt[id];
      for (int k = from; k < to; k++) {
        known = Math.min(known, readDone[ranks[k]]);
      }
      known = known == Integer.MAX_VALUE ? -1 : known;
      int lastAbsent = -1;
      int rank = 0;
      int p = from;
      while (true) {
        int j = completedAfter.find(rank, c);
        if (j < 0) {
          break;
        }
        while (p < to && ranks[p] < j) {
          p++;
        }
        if (p < to && ranks[p] == j) {
          rank = j + 1;
          continue;
        }
        lastAbsent = readInv[j];
        break;
      }
      outcomes.add(outcome(h, elements.get(id), known, lastPresent, lastAbsent));
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
