package madjep.txn.revision;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import madjep.history.History;
import madjep.history.Verdict;
import madjep.history.edn.Keyword;

/**
 * Checks the etcd revisions of a list-append history: every committed write has one revision (what its completion
 * reported and what reads of the versions it made say agree), no two writes share one, revisions grow along each
 * key's version order (the order of its longest read, as Elle infers it), and, for strict serializability, along real
 * time (a write that began after another ended has a higher revision).
 *
 * <p>What it reads, per transaction {@code :txn} of {@code [:r k list]} and {@code [:append k v]} micro-ops: an
 * {@code :ok} completion's {@code :revision} (the transaction's write revision) and {@code :mod-revisions} (a map from
 * each key the transaction read to the mod-revision of the version it saw), and {@code :node} for explanations. A
 * version is named by its last element, whose writer is the transaction that appended it (values are unique per
 * key). {@code :info} transactions count as writers whose revision reads may reveal; {@code :fail} ones did not
 * happen. A key whose reads are not prefixes of one order is left to Elle, which reports it. Pure: no I/O.
 */
public final class RevisionChecker {
  /** The most anomalies of one type a result lists (the counts are whole). */
  public static final int MAX_PER_TYPE = 20;

  private static final Keyword TXN = Keyword.of("txn");
  private static final Keyword R = Keyword.of("r");
  private static final Keyword APPEND = Keyword.of("append");
  private static final Keyword REVISION = Keyword.of("revision");
  private static final Keyword MOD_REVISIONS = Keyword.of("mod-revisions");
  private static final Keyword NODE = Keyword.of("node");
  private static final String DISAGREE = "revision-disagreement";
  private static final String DUPLICATE = "duplicate-revision";
  private static final String ORDER = "revision-order";
  private static final String REALTIME = "realtime-revision-order";

  private RevisionChecker() {}

  /** A transaction that may have happened. */
  private static final class Txn {
    final int invoke;
    final int complete;
    final boolean ok;
    final List<?> mops;
    final Object node;
    boolean writes;
    boolean known;
    long rev;
    /** Where the agreed revision came from, in words. */
    String source;

    Txn(History h, int invoke, int complete) {
      this.invoke = invoke;
      this.complete = complete;
      this.ok = complete >= 0 && h.isOk(complete);
      Object v = ok ? h.value(complete) : h.value(invoke);
      this.mops = v instanceof List<?> l ? l : List.of();
      this.node = ok ? h.extra(complete, NODE) : null;
    }

    String name(History h) {
      return "op " + h.index(ok ? complete : invoke) + (node == null ? "" : " (node " + node + ")");
    }
  }

  private static final class Findings {
    final List<RevisionResult.Anomaly> anomalies = new ArrayList<>();
    final Map<String, Integer> counts = new LinkedHashMap<>();

    void add(String type, String explanation, long... ops) {
      int n = counts.merge(type, 1, Integer::sum);
      if (n <= MAX_PER_TYPE) {
        List<Long> o = new ArrayList<>();
        for (long x : ops) {
          o.add(x);
        }
        anomalies.add(new RevisionResult.Anomaly(type, explanation, o));
      }
    }

    boolean has(String type) {
      return counts.containsKey(type);
    }
  }

  public static RevisionResult check(History h) {
    List<Txn> txns = new ArrayList<>();
    Map<Object, Map<Object, Txn>> writers = new HashMap<>();
    for (int i = 0; i < h.size(); i++) {
      if (!h.isClient(i) || !h.isInvoke(i) || !TXN.equals(h.f(i))) {
        continue;
      }
      int c = h.pair(i);
      if (c >= 0 && h.isFail(c)) {
        continue;
      }
      Txn t = new Txn(h, i, c);
      txns.add(t);
      for (Object m : t.mops) {
        List<?> mop = (List<?>) m;
        if (APPEND.equals(mop.get(0))) {
          writers.computeIfAbsent(mop.get(1), k -> new HashMap<>()).put(mop.get(2), t);
          t.writes = true;
        }
      }
    }
    Map<Object, List<?>> order = versionOrders(txns);
    Findings f = new Findings();
    boolean any = agreeOnRevisions(h, txns, writers, order, f);
    if (!any) {
      return new RevisionResult(Verdict.UNKNOWN, Verdict.UNKNOWN, okCount(txns), 0, List.of(), Map.of());
    }
    int known = 0;
    Map<Long, Txn> byRev = new HashMap<>();
    for (Txn t : txns) {
      if (!t.known || !t.writes) {
        continue;
      }
      known++;
      Txn other = byRev.putIfAbsent(t.rev, t);
      if (other != null) {
        f.add(DUPLICATE, other.name(h) + " and " + t.name(h) + " are different writes with the same revision "
            + t.rev + " (" + other.source + "; " + t.source + ")", h.index(other.invoke), h.index(t.invoke));
      }
    }
    checkKeyOrders(h, order, writers, f);
    checkRealTime(h, txns, f);
    boolean serializable = !f.has(DISAGREE) && !f.has(DUPLICATE) && !f.has(ORDER);
    Verdict ser = serializable ? Verdict.VALID : Verdict.INVALID;
    Verdict strict = serializable && !f.has(REALTIME) ? Verdict.VALID : Verdict.INVALID;
    return new RevisionResult(strict, ser, okCount(txns), known, f.anomalies, f.counts);
  }

  private static int okCount(List<Txn> txns) {
    int n = 0;
    for (Txn t : txns) {
      n += t.ok ? 1 : 0;
    }
    return n;
  }

  /** Each key's longest read; keys whose reads are not all prefixes of it are left out (Elle reports them). */
  private static Map<Object, List<?>> versionOrders(List<Txn> txns) {
    Map<Object, List<?>> longest = new LinkedHashMap<>();
    List<Object[]> reads = new ArrayList<>();
    for (Txn t : txns) {
      if (!t.ok) {
        continue;
      }
      for (Object m : t.mops) {
        List<?> mop = (List<?>) m;
        if (R.equals(mop.get(0)) && mop.get(2) instanceof List<?> l) {
          reads.add(new Object[] {mop.get(1), l});
          List<?> cur = longest.get(mop.get(1));
          if (cur == null || l.size() > cur.size()) {
            longest.put(mop.get(1), l);
          }
        }
      }
    }
    for (Object[] r : reads) {
      List<?> l = (List<?>) r[1];
      List<?> full = longest.get(r[0]);
      if (full != null && !full.subList(0, l.size()).equals(l)) {
        longest.put(r[0], null);
      }
    }
    longest.values().removeIf(java.util.Objects::isNull);
    return longest;
  }

  /**
   * Gathers every report of each write's revision (its own completion, and every read of a version it made) and
   * flags writes that were given two; sets each write's agreed revision. Returns false when the history holds no
   * revisions at all.
   */
  private static boolean agreeOnRevisions(History h, List<Txn> txns, Map<Object, Map<Object, Txn>> writers,
      Map<Object, List<?>> order, Findings f) {
    boolean any = false;
    for (Txn t : txns) {
      if (t.ok && h.extra(t.complete, REVISION) instanceof Long r && t.writes) {
        any = true;
        t.known = true;
        t.rev = r;
        t.source = "reported " + r + " by its completion";
      }
    }
    for (Txn u : txns) {
      if (!u.ok || !(h.extra(u.complete, MOD_REVISIONS) instanceof Map<?, ?> revs)) {
        continue;
      }
      any = true;
      for (Map.Entry<?, ?> e : revs.entrySet()) {
        Object k = e.getKey();
        long m = ((Number) e.getValue()).longValue();
        List<?> seen = versionSeen(u, k, order.get(k));
        if (seen == null) {
          continue;
        }
        if (seen.isEmpty()) {
          if (m != 0) {
            f.add(DISAGREE, u.name(h) + " saw key " + k + " with no value yet at mod-revision " + m,
                h.index(u.complete));
          }
          continue;
        }
        Object last = seen.get(seen.size() - 1);
        Txn w = writers.getOrDefault(k, Map.of()).get(last);
        if (w == null) {
          continue;
        }
        String source = u.name(h) + " read key " + k + " ending in " + last + " at mod-revision " + m;
        if (!w.known) {
          w.known = true;
          w.rev = m;
          w.source = source;
        } else if (w.rev != m) {
          f.add(DISAGREE, w.name(h) + " appended " + last + " to key " + k + " and was " + w.source + ", but "
              + source + ": two nodes disagree on the revision of one write", h.index(w.ok ? w.complete : w.invoke),
              h.index(u.complete));
        }
      }
    }
    return any;
  }

  /**
   * The version of {@code k} a transaction's range read saw: its read of {@code k} when that comes before its own
   * appends to it, else the prefix of the key's order before its first append; null when unknown.
   */
  private static List<?> versionSeen(Txn u, Object k, List<?> order) {
    for (Object m : u.mops) {
      List<?> mop = (List<?>) m;
      if (!k.equals(mop.get(1))) {
        continue;
      }
      if (R.equals(mop.get(0))) {
        return mop.get(2) instanceof List<?> l ? l : List.of();
      }
      if (order == null) {
        return null;
      }
      int at = order.indexOf(mop.get(2));
      return at < 0 ? null : order.subList(0, at);
    }
    return null;
  }

  private static void checkKeyOrders(History h, Map<Object, List<?>> order, Map<Object, Map<Object, Txn>> writers,
      Findings f) {
    for (Map.Entry<Object, List<?>> e : order.entrySet()) {
      Txn prev = null;
      Object prevElem = null;
      for (Object x : e.getValue()) {
        Txn w = writers.getOrDefault(e.getKey(), Map.of()).get(x);
        if (w == null || !w.known || w == prev) {
          continue;
        }
        if (prev != null && w.rev <= prev.rev) {
          f.add(ORDER, "key " + e.getKey() + ": " + w.name(h) + " appended " + x + " after " + prevElem + " (by "
              + prev.name(h) + ", revision " + prev.rev + ") yet has revision " + w.rev,
              h.index(prev.invoke), h.index(w.invoke));
        }
        prev = w;
        prevElem = x;
      }
    }
  }

  /** A write that began after another committed write ended must have a higher revision. */
  private static void checkRealTime(History h, List<Txn> txns, Findings f) {
    Txn[] started = new Txn[h.size()];
    Txn[] ended = new Txn[h.size()];
    for (Txn t : txns) {
      if (t.known && t.writes) {
        started[t.invoke] = t;
        if (t.ok) {
          ended[t.complete] = t;
        }
      }
    }
    Txn highest = null;
    for (int i = 0; i < h.size(); i++) {
      Txn s = started[i];
      if (s != null && highest != null && highest.rev >= s.rev) {
        f.add(REALTIME, highest.name(h) + " ended (revision " + highest.rev + ") before " + s.name(h)
            + " began, yet the later write has revision " + s.rev + ": revisions do not follow real time",
            h.index(highest.complete), h.index(s.invoke));
      }
      Txn e = ended[i];
      if (e != null && (highest == null || e.rev > highest.rev)) {
        highest = e;
      }
    }
  }
}
