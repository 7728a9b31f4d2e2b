package madjep.txn.jepsen;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import madjep.history.History;
import madjep.history.Verdict;
import madjep.history.edn.EdnParser;
import madjep.history.edn.EdnVector;

/**
 * Jepsen's {@code long-fork} checker ({@code jepsen.tests.long-fork}), for an anomaly that parallel snapshot
 * isolation allows and snapshot isolation forbids: two reads that observe two writes in opposite orders.
 *
 * <p>Write transactions are a single {@code [:w k v]}, and each key is written at most once. Read transactions read
 * a whole group of {@code groupSize} keys ({@code [[:r k1 v1] [:r k2 v2] ...]}). Among the {@code :ok} reads of one
 * group, a read dominates another when it saw every write the other saw; two reads neither of which dominates the
 * other (one saw x but not y, the other y but not x) form a fork, and any fork makes the history invalid.
 *
 * <p>As in Jepsen, a key written twice makes the verdict unknown ({@code :error [:multiple-writes k]}), and so do two
 * reads that see different values of one key (which also means a second write). A read that does not read exactly
 * {@code groupSize} distinct keys is a data error at that op (Jepsen throws).
 */
public final class LongForkChecker {

  /** @param groupSize how many keys every read reads (Jepsen's {@code n}; its workload's default is 2) */
  public record Options(int groupSize) {
    public Options {
      if (groupSize < 1) {
        throw new IllegalArgumentException("a group size is at least 1, not " + groupSize);
      }
    }
  }

  private LongForkChecker() {}

  public static LongForkResult check(History h, Options options) {
    int n = h.size();
    Object multipleWrites = null;
    HashMap<Object, Boolean> written = new HashMap<>();
    int readCount = 0;
    int earlyReads = 0;
    int lateReads = 0;
    // sorted key vector -> group
    LinkedHashMap<EdnVector, Group> groups = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      if (Ops.isNamedProcess(h, i)) {
        continue;
      }
      if (h.isInvoke(i)) {
        if (multipleWrites == null && h.value(i) instanceof List<?>) {
          List<?> txn = Txns.txn(h, i);
          if (Txns.isWrite(txn) && written.put(Txns.key(txn.get(0)), Boolean.TRUE) != null) {
            multipleWrites = Txns.key(txn.get(0));
          }
        }
        continue;
      }
      if (!h.isOk(i)) {
        continue;
      }
      List<?> txn = Txns.txn(h, i);
      if (!Txns.isRead(txn)) {
        continue;
      }
      readCount++;
      // The keys read, sorted, each with the value seen; a key read twice keeps its last value, as in Jepsen.
      int m = txn.size();
      Object[] keys = new Object[m];
      Object[] values = new Object[m];
      int distinct = 0;
      for (Object mop : txn) {
        Object key = Txns.key(mop);
        Object v = Txns.value(mop);
        int at = distinct;
        while (at > 0 && EdnOrder.INSTANCE.compare(keys[at - 1], key) > 0) {
          at--;
        }
        if (at > 0 && EdnOrder.INSTANCE.compare(keys[at - 1], key) == 0) {
          values[at - 1] = v;
          continue;
        }
        System.arraycopy(keys, at, keys, at + 1, distinct - at);
        System.arraycopy(values, at, values, at + 1, distinct - at);
        keys[at] = key;
        values[at] = v;
        distinct++;
      }
      boolean anyValue = false;
      boolean allValues = true;
      for (int k = 0; k < distinct; k++) {
        anyValue |= values[k] != null;
        allValues &= values[k] != null;
      }
      earlyReads += anyValue ? 0 : 1;
      lateReads += allValues ? 1 : 0;
      EdnVector sortedKeys = EdnVector.of(Arrays.copyOf(keys, distinct));
      if (distinct != options.groupSize()) {
        throw h.errorAt(i, "expected a read of " + options.groupSize() + " distinct keys (the group size), found "
            + distinct + ": " + EdnParser.describe(sortedKeys));
      }
      Group g = groups.get(sortedKeys);
      if (g == null) {
        g = new Group(sortedKeys);
        groups.put(sortedKeys, g);
      }
      g.add(i, values);
    }
    if (multipleWrites != null) {
      return new LongForkResult(Verdict.UNKNOWN, readCount, earlyReads, lateReads, List.of(), multipleWrites,
          null, h);
    }
    List<LongForkResult.Fork> forks = new ArrayList<>();
    for (Group g : groups.values()) {
      if (g.conflict != null) {
        return new LongForkResult(Verdict.UNKNOWN, readCount, earlyReads, lateReads, List.of(), null, g.conflict,
            h);
      }
      g.forks(forks);
    }
    forks.sort((a, b) -> a.first() != b.first() ? Integer.compare(a.first(), b.first())
        : Integer.compare(a.second(), b.second()));
    Verdict v = forks.isEmpty() ? Verdict.VALID : Verdict.INVALID;
    return new LongForkResult(v, readCount, earlyReads, lateReads, List.copyOf(forks), null, null, h);
  }

  /**
   * The reads of one key group. Since each key is written once, a read is the set of keys it saw a value for: a
   * bit mask over the group's keys. Reads with equal masks are interchangeable, so forks are found between
   * distinct masks, then expanded to the reads that have them.
   */
  private static final class Group {
    final EdnVector keys;
    final Object[] value;
    final int[] valueAt;
    final LinkedHashMap<MaskKey, IntArrayList> readsByMask = new LinkedHashMap<>();
    LongForkResult.Conflict conflict;

    Group(EdnVector keys) {
      this.keys = keys;
      value = new Object[keys.size()];
      valueAt = new int[keys.size()];
    }

    /** Adds read {@code i}, whose {@code values} are in the order of this group's sorted keys. */
    void add(int i, Object[] values) {
      long[] mask = new long[(keys.size() + 63) >>> 6];
      for (int k = 0; k < keys.size(); k++) {
        Object v = values[k];
        if (v == null) {
          continue;
        }
        if (value[k] == null) {
          value[k] = v;
          valueAt[k] = i;
        } else if (!value[k].equals(v) && conflict == null) {
          conflict = new LongForkResult.Conflict(keys.get(k), value[k], valueAt[k], v, i);
        }
        mask[k >>> 6] |= 1L << k;
      }
      readsByMask.computeIfAbsent(new MaskKey(mask), m -> new IntArrayList()).add(i);
    }

    void forks(List<LongForkResult.Fork> out) {
      List<Map.Entry<MaskKey, IntArrayList>> masks = new ArrayList<>(readsByMask.entrySet());
      for (int a = 0; a < masks.size(); a++) {
        long[] ma = masks.get(a).getKey().words;
        for (int b = a + 1; b < masks.size(); b++) {
          long[] mb = masks.get(b).getKey().words;
          if (incomparable(ma, mb)) {
            for (int x : masks.get(a).getValue()) {
              for (int y : masks.get(b).getValue()) {
                out.add(new LongForkResult.Fork(Math.min(x, y), Math.max(x, y)));
              }
            }
          }
        }
      }
    }

    /** True when each mask has a bit the other lacks. */
    private static boolean incomparable(long[] a, long[] b) {
      boolean aOnly = false;
      boolean bOnly = false;
      for (int w = 0; w < a.length; w++) {
        aOnly |= (a[w] & ~b[w]) != 0;
        bOnly |= (b[w] & ~a[w]) != 0;
      }
      return aOnly && bOnly;
    }
  }

  /** A bit mask as a hash key. */
  private record MaskKey(long[] words) {
    @Override
    public boolean equals(Object o) {
      return o instanceof MaskKey m && Arrays.equals(words, m.words);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(words);
    }

    @Override
    public String toString() {
      return Arrays.toString(words);
    }
  }
}
