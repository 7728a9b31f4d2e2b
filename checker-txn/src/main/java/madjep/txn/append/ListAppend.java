package madjep.txn.append;

import it.unimi.dsi.fastutil.longs.LongOpenHashSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import madjep.history.edn.EdnParser;
import madjep.history.edn.EdnVector;
import madjep.history.edn.Keyword;
import madjep.history.edn.Symbol;
import madjep.history.txn.TxnHistory;
import madjep.txn.Analysis;
import madjep.txn.Anomaly;
import madjep.txn.CaseAnomaly;
import madjep.txn.Result;
import madjep.txn.Step;
import madjep.txn.Validity;
import madjep.txn.Workload;
import madjep.txn.graph.KeyValueMap;
import madjep.txn.graph.Rels;

/**
 * Analyzes a list-append history as Elle's {@code elle.list-append} does. Only :ok and :info transactions take part
 * in the dependency graph; :fail ones are evidence of aborted reads and dirty updates.
 */
public final class ListAppend {
  /** The version before a key's first append (Elle's {@code :elle.list-append/init}). */
  static final long INIT = Long.MIN_VALUE + 1;

  static final Keyword OP = Keyword.of("op");
  static final Keyword MOP = Keyword.of("mop");
  static final Keyword WRITER = Keyword.of("writer");
  static final Keyword ELEMENT = Keyword.of("element");
  static final Keyword EXPECTED = Keyword.of("expected");
  static final Keyword KEY = Keyword.of("key");
  static final Keyword VALUE = Keyword.of("value");
  static final Keyword VALUES = Keyword.of("values");
  static final Keyword TXNS = Keyword.of("txns");
  static final Keyword DUPLICATES = Keyword.of("duplicates");
  static final Keyword TYPE = Keyword.of("type");
  static final Keyword MESSAGE = Keyword.of("message");
  static final Keyword EXAMPLES = Keyword.of("examples");
  static final Symbol ELLIPSIS = new Symbol("...");

  private final TxnHistory h;
  private final int n;
  private final int keyCount;
  private final int[] mopTxn;
  private final boolean[] possible;
  /** (k, v) -> the mop of an :ok/:info transaction that appended v to k. */
  private KeyValueMap writer;
  /** (k, v) -> the mop of a :fail transaction that appended v to k. */
  private KeyValueMap failed;
  /** (k, v) -> the mop of a transaction whose append of v to k was not its last append to k. */
  private KeyValueMap intermediate;
  /** Per key: the mop of the longest read by an :ok/:info transaction, or -1. */
  private int[] longest;
  /** Per key: the version order, distinct elements of the longest read, as a range of {@link #order}. */
  private int[] orderStart;
  private int[] orderLength;
  private long[] order;
  private boolean[] longestHasDuplicates;
  /** (k, v) -> position of v in k's version order. */
  private KeyValueMap position;
  /** (k, last element or INIT) -> first reader; readers chain through readerNext. */
  private KeyValueMap readers;
  private int[] readerNext;
  private int[] readerMop;

  private ListAppend(TxnHistory h) {
    this.h = h;
    this.n = h.size();
    this.keyCount = h.keyCount();
    this.mopTxn = new int[h.mopCount()];
    this.possible = new boolean[n];
    for (int t = 0; t < n; t++) {
      possible[t] = h.isOk(t) || h.isInfo(t);
      for (int m = h.mopStart(t); m < h.mopStart(t + 1); m++) {
        mopTxn[m] = t;
      }
    }
  }

  /** The analysis of a list-append history. */
  public static Analysis analyze(TxnHistory h) {
    ListAppend la = new ListAppend(h);
    Analysis a = new Analysis(h.size());
    Result early = la.validate();
    if (early != null) {
      a.early = early;
      return a;
    }
    la.index();
    la.versionOrders();
    la.edges(a);
    a.add("G1a", la.g1a());
    a.add("G1b", la.g1b());
    la.internal(a);
    a.add("dirty-update", la.dirtyUpdates());
    la.readChecks(a);
    a.add("garbage-read", la.garbageReads());
    a.add("lost-update", la.lostUpdates());
    a.explainer = la::explain;
    return a;
  }

  // ---------------------------------------------------------------- validation and indices

  private Result validate() {
    List<Object> bad = new ArrayList<>();
    for (int t = 0; t < n && bad.size() < 8; t++) {
      for (int m = h.mopStart(t); m < h.mopStart(t + 1); m++) {
        byte f = h.mopF(m);
        if (f != TxnHistory.READ && f != TxnHistory.APPEND) {
          bad.add(h.opData(t));
          break;
        }
      }
    }
    if (!bad.isEmpty()) {
      return unknown("unexpected-txn-micro-op-types", "history contained operations other than appends or reads",
          Map.of(EXAMPLES, EdnVector.copyOf(bad)));
    }
    KeyValueMap all = new KeyValueMap(h.mopCount());
    for (int t = 0; t < n; t++) {
      for (int m = h.mopStart(t); m < h.mopStart(t + 1); m++) {
        if (h.mopF(m) == TxnHistory.APPEND && all.put(h.mopKey(m), h.mopValue(m), m) >= 0) {
          Object k = h.key(h.mopKey(m));
          Object v = h.valueObject(h.mopValue(m));
          LinkedHashMap<Keyword, Object> data = new LinkedHashMap<>();
          data.put(OP, h.opData(t));
          data.put(KEY, k);
          data.put(VALUE, v);
          return unknown("duplicate-appends", "value " + madjep.history.edn.Edn.print(v) + " appended to key "
              + madjep.history.edn.Edn.print(k) + " multiple times!", data);
        }
      }
    }
    return null;
  }

  private static Result unknown(String type, String message, Map<Keyword, Object> data) {
    LinkedHashMap<Keyword, Object> m = new LinkedHashMap<>(data);
    m.put(TYPE, Keyword.of(type));
    m.put(MESSAGE, message);
    Map<String, List<Anomaly>> as = new LinkedHashMap<>();
    as.put(type, List.of(new CaseAnomaly(type, m)));
    return new Result(Validity.UNKNOWN, List.of(type), as, java.util.Set.of(), java.util.Set.of());
  }

  private void index() {
    int mops = h.mopCount();
    writer = new KeyValueMap(mops / 2 + 16);
    failed = new KeyValueMap(16);
    intermediate = new KeyValueMap(16);
    int[] lastAppend = new int[keyCount];
    Arrays.fill(lastAppend, -1);
    for (int t = 0; t < n; t++) {
      int start = h.mopStart(t);
      int end = h.mopStart(t + 1);
      for (int m = start; m < end; m++) {
        if (h.mopF(m) != TxnHistory.APPEND) {
          continue;
        }
        int k = h.mopKey(m);
        long v = h.mopValue(m);
        if (possible[t]) {
          writer.put(k, v, m);
        } else {
          failed.put(k, v, m);
        }
        int prev = lastAppend[k];
        if (prev >= start) {
          intermediate.put(k, h.mopValue(prev), prev);
        }
        lastAppend[k] = m;
      }
    }
  }

  private void versionOrders() {
    longest = new int[keyCount];
    Arrays.fill(longest, -1);
    for (int t = 0; t < n; t++) {
      if (!possible[t]) {
        continue;
      }
      for (int m = h.mopStart(t); m < h.mopStart(t + 1); m++) {
        if (h.mopF(m) == TxnHistory.READ && h.listLength(m) > 0) {
          int k = h.mopKey(m);
          if (longest[k] < 0 || h.listLength(m) > h.listLength(longest[k])) {
            longest[k] = m;
          }
        }
      }
    }
    orderStart = new int[keyCount];
    orderLength = new int[keyCount];
    longestHasDuplicates = new boolean[keyCount];
    int total = 0;
    for (int k = 0; k < keyCount; k++) {
      total += longest[k] < 0 ? 0 : h.listLength(longest[k]);
    }
    order = new long[total];
    position = new KeyValueMap(total + 16);
    int w = 0;
    for (int k = 0; k < keyCount; k++) {
      orderStart[k] = w;
      int m = longest[k];
      if (m < 0) {
        continue;
      }
      int s = h.listStart(m);
      for (int i = 0; i < h.listLength(m); i++) {
        long e = h.pool(s + i);
        if (position.get(k, e) >= 0) {
          longestHasDuplicates[k] = true;
          continue;
        }
        position.put(k, e, w - orderStart[k]);
        order[w++] = e;
      }
      orderLength[k] = w - orderStart[k];
    }
    // Readers of each version: the last element of a read, or INIT for an empty read (or an :ok read of nil).
    readers = new KeyValueMap(h.mopCount() / 2 + 16);
    readerNext = new int[h.mopCount()];
    readerMop = new int[h.mopCount()];
    int r = 0;
    for (int t = n - 1; t >= 0; t--) {
      if (!possible[t]) {
        continue;
      }
      for (int m = h.mopStart(t + 1) - 1; m >= h.mopStart(t); m--) {
        if (h.mopF(m) != TxnHistory.READ) {
          continue;
        }
        int len = h.listLength(m);
        if (h.listStart(m) < 0 && h.isInfo(t)) {
          continue; // an :info read of nil observed nothing
        }
        long last = len > 0 ? h.pool(h.listStart(m) + len - 1) : INIT;
        int k = h.mopKey(m);
        readerMop[r] = m;
        readerNext[r] = readers.put(k, last, r);
        r++;
      }
    }
  }

  /** The element appended to k just before v, INIT when v is first, or the last observed one when v is unread. */
  private long previous(int k, long v) {
    int p = position.get(k, v);
    if (p > 0) {
      return order[orderStart[k] + p - 1];
    }
    if (p == 0 || orderLength[k] == 0) {
      return INIT;
    }
    return order[orderStart[k] + orderLength[k] - 1];
  }

  private void edges(Analysis a) {
    for (int t = 0; t < n; t++) {
      if (!possible[t]) {
        continue;
      }
      for (int m = h.mopStart(t); m < h.mopStart(t + 1); m++) {
        int k = h.mopKey(m);
        if (h.mopF(m) == TxnHistory.APPEND) {
          long prev = previous(k, h.mopValue(m));
          if (prev != INIT) {
            int w = writer.get(k, prev);
            if (w >= 0) {
              a.edges.add(mopTxn[w], t, Rels.WW);
            }
          }
          for (int r = readers.get(k, prev); r >= 0; r = readerNext[r]) {
            a.edges.add(mopTxn[readerMop[r]], t, Rels.RW);
          }
        } else {
          int len = h.listLength(m);
          if (len > 0) {
            int w = writer.get(k, h.pool(h.listStart(m) + len - 1));
            if (w >= 0) {
              a.edges.add(mopTxn[w], t, Rels.WR);
            }
          }
        }
      }
    }
  }

  // ---------------------------------------------------------------- explanations

  private Step explain(int a, int b, int label) {
    for (int m = h.mopStart(b); m < h.mopStart(b + 1); m++) {
      int k = h.mopKey(m);
      if (label == Rels.WR) {
        int len = h.listLength(m);
        if (h.mopF(m) != TxnHistory.READ || len == 0) {
          continue;
        }
        long e = h.pool(h.listStart(m) + len - 1);
        int w = writer.get(k, e);
        if (w >= 0 && mopTxn[w] == a) {
          return step("wr", k, e, TxnHistory.NIL, w - h.mopStart(a), m - h.mopStart(b));
        }
        continue;
      }
      if (h.mopF(m) != TxnHistory.APPEND) {
        continue;
      }
      long v = h.mopValue(m);
      long prev = previous(k, v);
      if (label == Rels.WW) {
        int w = prev == INIT ? -1 : writer.get(k, prev);
        if (w >= 0 && mopTxn[w] == a) {
          return step("ww", k, prev, v, w - h.mopStart(a), m - h.mopStart(b));
        }
      } else if (label == Rels.RW) {
        for (int r = readers.get(k, prev); r >= 0; r = readerNext[r]) {
          int rm = readerMop[r];
          if (mopTxn[rm] == a) {
            return step("rw", k, prev, v, firstReadOf(a, k, prev), m - h.mopStart(b));
          }
        }
      }
    }
    throw new IllegalStateException("no explanation for " + Rels.name(label) + " edge " + a + " -> " + b);
  }

  private int firstReadOf(int a, int k, long prev) {
    for (int m = h.mopStart(a); m < h.mopStart(a + 1); m++) {
      if (h.mopF(m) != TxnHistory.READ || h.mopKey(m) != k) {
        continue;
      }
      int len = h.listLength(m);
      if (prev == INIT ? len == 0 : len > 0 && h.pool(h.listStart(m) + len - 1) == prev) {
        return m - h.mopStart(a);
      }
    }
    return -1;
  }

  private Step step(String type, int k, long v, long v2, int aMop, int bMop) {
    return new Step(type, Workload.LIST_APPEND, h.key(k), v == INIT ? Step.INIT : h.valueObject(v),
        type.equals("wr") ? null : h.valueObject(v2), aMop, bMop, null, null, null);
  }

  // ---------------------------------------------------------------- non-cycle anomalies

  private Map<Keyword, Object> readCase(int t, int m, int writerMop, long element, boolean withElement) {
    LinkedHashMap<Keyword, Object> c = new LinkedHashMap<>();
    c.put(OP, h.opData(t));
    c.put(MOP, h.mopData(m));
    c.put(WRITER, h.opData(mopTxn[writerMop]));
    if (withElement) {
      c.put(ELEMENT, h.valueObject(element));
    }
    return c;
  }

  /** Aborted reads: an :ok read containing an element a :fail transaction appended. */
  private List<Anomaly> g1a() {
    List<Anomaly> out = new ArrayList<>();
    if (failed.size() == 0) {
      return out;
    }
    for (int t = 0; t < n; t++) {
      if (!h.isOk(t)) {
        continue;
      }
      for (int m = h.mopStart(t); m < h.mopStart(t + 1); m++) {
        if (h.mopF(m) != TxnHistory.READ) {
          continue;
        }
        int k = h.mopKey(m);
        for (int i = 0; i < h.listLength(m); i++) {
          long e = h.pool(h.listStart(m) + i);
          int w = failed.get(k, e);
          if (w >= 0) {
            out.add(new CaseAnomaly("G1a", readCase(t, m, w, e, true)));
          }
        }
      }
    }
    return out;
  }

  /** Intermediate reads: an :ok read ending in another transaction's non-final append. */
  private List<Anomaly> g1b() {
    List<Anomaly> out = new ArrayList<>();
    if (intermediate.size() == 0) {
      return out;
    }
    for (int t = 0; t < n; t++) {
      if (!h.isOk(t)) {
        continue;
      }
      for (int m = h.mopStart(t); m < h.mopStart(t + 1); m++) {
        int len = h.listLength(m);
        if (h.mopF(m) != TxnHistory.READ || len == 0) {
          continue;
        }
        long e = h.pool(h.listStart(m) + len - 1);
        int w = intermediate.get(h.mopKey(m), e);
        if (w >= 0 && mopTxn[w] != t) {
          out.add(new CaseAnomaly("G1b", readCase(t, m, w, e, true)));
        }
      }
    }
    return out;
  }

  /** Internal inconsistencies and future reads, at most one of each per :ok transaction. */
  private void internal(Analysis a) {
    List<Anomaly> internal = new ArrayList<>();
    List<Anomaly> future = new ArrayList<>();
    int[] seenAt = new int[keyCount];
    Arrays.fill(seenAt, -1);
    for (int t = 0; t < n; t++) {
      if (!h.isOk(t)) {
        continue;
      }
      boolean repeated = false;
      for (int m = h.mopStart(t); m < h.mopStart(t + 1); m++) {
        int k = h.mopKey(m);
        if (seenAt[k] == t) {
          repeated = true;
        }
        seenAt[k] = t;
      }
      if (!repeated) {
        continue;
      }
      Anomaly c = internalCase(t);
      if (c != null) {
        internal.add(c);
      }
      c = futureRead(t);
      if (c != null) {
        future.add(c);
      }
    }
    a.add("internal", internal);
    a.add("future-read", future);
  }

  private Anomaly internalCase(int t) {
    // Expected state per key: a list, with `unknownPrefix` when only its tail (our own appends) is known.
    Map<Integer, long[]> state = new java.util.HashMap<>();
    Map<Integer, Boolean> unknownPrefix = new java.util.HashMap<>();
    for (int m = h.mopStart(t); m < h.mopStart(t + 1); m++) {
      int k = h.mopKey(m);
      long[] s = state.get(k);
      if (h.mopF(m) == TxnHistory.APPEND) {
        if (s == null) {
          state.put(k, new long[] {h.mopValue(m)});
          unknownPrefix.put(k, true);
        } else {
          long[] s2 = Arrays.copyOf(s, s.length + 1);
          s2[s.length] = h.mopValue(m);
          state.put(k, s2);
        }
        continue;
      }
      long[] v = readList(m);
      if (s != null) {
        boolean bad;
        if (unknownPrefix.get(k)) {
          int vl = v == null ? 0 : v.length;
          int i = vl - s.length;
          bad = i < 0 || !Arrays.equals(s, 0, s.length, v, i, vl);
        } else {
          bad = !Arrays.equals(s, v == null ? new long[0] : v) || v == null;
        }
        if (bad) {
          LinkedHashMap<Keyword, Object> c = new LinkedHashMap<>();
          c.put(OP, h.opData(t));
          c.put(MOP, h.mopData(m));
          c.put(EXPECTED, expected(s, unknownPrefix.get(k)));
          return new CaseAnomaly("internal", c);
        }
      }
      if (v == null) {
        state.remove(k);
        unknownPrefix.remove(k);
      } else {
        state.put(k, v);
        unknownPrefix.put(k, false);
      }
    }
    return null;
  }

  private Object expected(long[] s, boolean unknownPrefix) {
    List<Object> items = new ArrayList<>();
    if (unknownPrefix) {
      items.add(ELLIPSIS);
    }
    for (long e : s) {
      items.add(h.valueObject(e));
    }
    return EdnVector.copyOf(items);
  }

  private long[] readList(int m) {
    if (h.listStart(m) < 0) {
      return null;
    }
    long[] v = new long[h.listLength(m)];
    for (int i = 0; i < v.length; i++) {
      v[i] = h.pool(h.listStart(m) + i);
    }
    return v;
  }

  private Anomaly futureRead(int t) {
    // key -> element -> first read mop of that element
    Map<Integer, Map<Long, Integer>> reads = new java.util.HashMap<>();
    for (int m = h.mopStart(t); m < h.mopStart(t + 1); m++) {
      int k = h.mopKey(m);
      if (h.mopF(m) == TxnHistory.APPEND) {
        Map<Long, Integer> r = reads.get(k);
        Integer readMop = r == null ? null : r.get(h.mopValue(m));
        if (readMop != null) {
          LinkedHashMap<Keyword, Object> c = new LinkedHashMap<>();
          c.put(OP, h.opData(t));
          c.put(MOP, h.mopData(readMop));
          c.put(ELEMENT, h.valueObject(h.mopValue(m)));
          return new CaseAnomaly("future-read", c);
        }
      } else {
        Map<Long, Integer> r = reads.computeIfAbsent(k, x -> new java.util.HashMap<>());
        for (int i = 0; i < h.listLength(m); i++) {
          r.putIfAbsent(h.pool(h.listStart(m) + i), m);
        }
      }
    }
    return null;
  }

  /**
   * Dirty updates: in a key's version order, a committed append right after (possibly via :info appends) an append
   * of a :fail transaction. Only keys with failed appends can have one.
   */
  private List<Anomaly> dirtyUpdates() {
    List<Anomaly> out = new ArrayList<>();
    if (failed.size() == 0) {
      return out;
    }
    // Elle orders versions here by the longest read of any transaction, failed ones included.
    int[] longestAll = Arrays.copyOf(longest, keyCount);
    for (int t = 0; t < n; t++) {
      if (possible[t]) {
        continue;
      }
      for (int m = h.mopStart(t); m < h.mopStart(t + 1); m++) {
        if (h.mopF(m) == TxnHistory.READ && h.listLength(m) > 0) {
          int k = h.mopKey(m);
          if (longestAll[k] < 0 || h.listLength(m) > h.listLength(longestAll[k])) {
            longestAll[k] = m;
          }
        }
      }
    }
    boolean[] hasFailed = new boolean[keyCount];
    for (int t = 0; t < n; t++) {
      if (h.isFail(t)) {
        for (int m = h.mopStart(t); m < h.mopStart(t + 1); m++) {
          if (h.mopF(m) == TxnHistory.APPEND) {
            hasFailed[h.mopKey(m)] = true;
          }
        }
      }
    }
    for (int k = 0; k < keyCount; k++) {
      int lm = longestAll[k];
      if (!hasFailed[k] || lm < 0) {
        continue;
      }
      // 1 ok, 2 fail, 3 info; the initial state counts as committed.
      int t1 = -1;
      int t1Type = 1;
      List<Object> vs = new ArrayList<>();
      LongOpenHashSet distinct = new LongOpenHashSet();
      for (int i = 0; i < h.listLength(lm); i++) {
        long v = h.pool(h.listStart(lm) + i);
        if (!distinct.add(v)) {
          continue;
        }
        int wm = writer.get(k, v);
        if (wm < 0) {
          wm = failed.get(k, v);
        }
        int t2 = wm < 0 ? -1 : mopTxn[wm];
        int t2Type = t2 < 0 ? 3 : h.isOk(t2) ? 1 : h.isFail(t2) ? 2 : 3;
        if (t2Type == 1) {
          if (t1Type == 2) {
            vs.add(h.valueObject(v));
            LinkedHashMap<Keyword, Object> c = new LinkedHashMap<>();
            c.put(KEY, h.key(k));
            c.put(VALUES, EdnVector.copyOf(vs));
            c.put(TXNS, EdnVector.of(h.opData(t1), ELLIPSIS, h.opData(t2)));
            out.add(new CaseAnomaly("dirty-update", c));
          }
          t1 = t2;
          t1Type = 1;
          vs = new ArrayList<>(List.of(h.valueObject(v)));
        } else if (t2Type == 3) {
          vs.add(h.valueObject(v));
        } else if (t1Type != 2) {
          t1 = t2;
          t1Type = 2;
          vs = new ArrayList<>(List.of(h.valueObject(v)));
        } else {
          vs.add(h.valueObject(v));
        }
      }
    }
    return out;
  }

  /**
   * Reads that cannot come from one order of appends (incompatible-order), and reads listing an element twice
   * (duplicate-elements). A read that is a prefix of its key's longest read is compatible, and duplicate-free unless
   * the longest read has duplicates.
   */
  private void readChecks(Analysis a) {
    boolean[] incompatible = new boolean[keyCount];
    List<Anomaly> dups = new ArrayList<>();
    LongOpenHashSet scratch = new LongOpenHashSet();
    for (int t = 0; t < n; t++) {
      if (!possible[t]) {
        continue;
      }
      for (int m = h.mopStart(t); m < h.mopStart(t + 1); m++) {
        int len = h.listLength(m);
        if (h.mopF(m) != TxnHistory.READ || len == 0) {
          continue;
        }
        int k = h.mopKey(m);
        int lm = longest[k];
        boolean prefix = lm == m || samePrefix(m, lm, len);
        if (!prefix) {
          incompatible[k] = true;
        }
        if (!prefix || longestHasDuplicates[k]) {
          scratch.clear();
          TreeMap<Long, Integer> counts = null;
          for (int i = 0; i < len; i++) {
            long e = h.pool(h.listStart(m) + i);
            if (!scratch.add(e)) {
              if (counts == null) {
                counts = new TreeMap<>();
              }
              counts.merge(e, 2, (x, y) -> x + 1);
            }
          }
          if (counts != null) {
            LinkedHashMap<Object, Object> d = new LinkedHashMap<>();
            for (Map.Entry<Long, Integer> e : counts.entrySet()) {
              d.put(h.valueObject(e.getKey()), EdnParser.box(e.getValue()));
            }
            LinkedHashMap<Keyword, Object> c = new LinkedHashMap<>();
            c.put(OP, h.opData(t));
            c.put(MOP, h.mopData(m));
            c.put(DUPLICATES, java.util.Collections.unmodifiableMap(d));
            dups.add(new CaseAnomaly("duplicate-elements", c));
          }
        }
      }
    }
    a.add("duplicate-elements", dups);
    List<Anomaly> orders = ownOrders();
    for (int k = 0; k < keyCount; k++) {
      if (incompatible[k]) {
        Anomaly c = incompatibleOrder(k);
        if (c != null) {
          orders.add(c);
        }
      }
    }
    a.add("incompatible-order", orders);
  }

  /**
   * Reads of elements that no transaction appended (Elle has no check for this and fails an assertion instead). A
   * read that is a prefix of its key's longest read holds only elements of that read, so only the longest reads and
   * the incompatible ones need looking at.
   */
  private List<Anomaly> garbageReads() {
    List<Anomaly> out = new ArrayList<>();
    KeyValueMap reported = new KeyValueMap(16);
    for (int t = 0; t < n; t++) {
      if (!h.isOk(t)) {
        continue;
      }
      for (int m = h.mopStart(t); m < h.mopStart(t + 1); m++) {
        int len = h.listLength(m);
        if (h.mopF(m) != TxnHistory.READ || len == 0) {
          continue;
        }
        int k = h.mopKey(m);
        if (m != longest[k] && longest[k] >= 0 && samePrefix(m, longest[k], len)) {
          continue;
        }
        for (int i = 0; i < len; i++) {
          long e = h.pool(h.listStart(m) + i);
          if (writer.get(k, e) < 0 && failed.get(k, e) < 0 && reported.put(k, e, 0) < 0) {
            LinkedHashMap<Keyword, Object> c = new LinkedHashMap<>();
            c.put(OP, h.opData(t));
            c.put(MOP, h.mopData(m));
            c.put(ELEMENT, h.valueObject(e));
            out.add(new CaseAnomaly("garbage-read", c));
          }
        }
      }
    }
    return out;
  }

  private boolean samePrefix(int m, int lm, int len) {
    int a = h.listStart(m);
    int b = h.listStart(lm);
    for (int i = 0; i < len; i++) {
      if (h.pool(a + i) != h.pool(b + i)) {
        return false;
      }
    }
    return true;
  }

  /**
   * A transaction's appends to a key appear in the version order out of the order it made them, e.g. a read [3 1 2]
   * of one transaction's appends 1, 2, 3: no order of whole transactions produces that. Elle leaves this unreported
   * (its edges between a transaction's own appends are self-edges); reported here as an incompatible order of the
   * read against the appends.
   */
  private List<Anomaly> ownOrders() {
    List<Anomaly> out = new ArrayList<>();
    int[] lastPos = new int[keyCount];
    int[] at = new int[keyCount];
    boolean[] bad = new boolean[keyCount];
    Arrays.fill(at, -1);
    for (int t = 0; t < n; t++) {
      if (!possible[t]) {
        continue;
      }
      int start = h.mopStart(t);
      for (int m = start; m < h.mopStart(t + 1); m++) {
        if (h.mopF(m) != TxnHistory.APPEND) {
          continue;
        }
        int k = h.mopKey(m);
        int p = position.get(k, h.mopValue(m));
        if (at[k] != t) {
          at[k] = t;
          lastPos[k] = -1;
          bad[k] = false;
        }
        if (p < 0) {
          continue;
        }
        if (p < lastPos[k] && !bad[k]) {
          bad[k] = true;
          out.add(ownOrderCase(t, k));
        }
        lastPos[k] = p;
      }
    }
    return out;
  }

  private Anomaly ownOrderCase(int t, int k) {
    List<Long> appended = new ArrayList<>();
    for (int m = h.mopStart(t); m < h.mopStart(t + 1); m++) {
      if (h.mopF(m) == TxnHistory.APPEND && h.mopKey(m) == k) {
        appended.add(h.mopValue(m));
      }
    }
    List<Long> observed = new ArrayList<>();
    for (int i = 0; i < orderLength[k]; i++) {
      long e = order[orderStart[k] + i];
      if (appended.contains(e)) {
        observed.add(e);
      }
    }
    LinkedHashMap<Keyword, Object> c = new LinkedHashMap<>();
    c.put(KEY, h.key(k));
    c.put(VALUES, EdnVector.of(vector(toArray(observed)), vector(toArray(appended))));
    c.put(OP, h.opData(t));
    return new CaseAnomaly("incompatible-order", c);
  }

  private static long[] toArray(List<Long> xs) {
    long[] a = new long[xs.size()];
    for (int i = 0; i < a.length; i++) {
      a[i] = xs.get(i);
    }
    return a;
  }

  /** Elle's report for a key: distinct reads sorted by length, the first pair where one is not a prefix of the next. */
  private Anomaly incompatibleOrder(int k) {
    List<long[]> reads = new ArrayList<>();
    for (int t = 0; t < n; t++) {
      if (!possible[t]) {
        continue;
      }
      for (int m = h.mopStart(t); m < h.mopStart(t + 1); m++) {
        if (h.mopF(m) == TxnHistory.READ && h.mopKey(m) == k && h.listLength(m) > 0) {
          long[] v = readList(m);
          boolean dup = false;
          for (long[] r : reads) {
            if (Arrays.equals(r, v)) {
              dup = true;
              break;
            }
          }
          if (!dup) {
            reads.add(v);
          }
        }
      }
    }
    reads.sort((x, y) -> Integer.compare(x.length, y.length));
    for (int i = 0; i + 1 < reads.size(); i++) {
      long[] x = reads.get(i);
      long[] y = reads.get(i + 1);
      if (!Arrays.equals(x, 0, x.length, y, 0, x.length)) {
        LinkedHashMap<Keyword, Object> c = new LinkedHashMap<>();
        c.put(KEY, h.key(k));
        c.put(VALUES, EdnVector.of(vector(x), vector(y)));
        return new CaseAnomaly("incompatible-order", c);
      }
    }
    return null;
  }

  private EdnVector vector(long[] v) {
    Object[] items = new Object[v.length];
    for (int i = 0; i < v.length; i++) {
      items[i] = h.valueObject(v[i]);
    }
    return EdnVector.of(items);
  }

  /** Lost updates: two :ok transactions read the same version of a key first, then both appended to it. */
  private List<Anomaly> lostUpdates() {
    return LostUpdates.find(h, TxnHistory.APPEND);
  }
}
