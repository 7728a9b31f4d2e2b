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
import madjep.txn.TxnResult;
import madjep.txn.Step;
import madjep.txn.Workload;
import madjep.txn.graph.Rels;
import madjep.txn.graph.ValueSlots;

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
  static final Symbol ELLIPSIS = new Symbol("...");

  private final TxnHistory h;
  private final int n;
  private final int keyCount;
  private final int[] mopTxn;
  private final boolean[] possible;
  /** Distinct (key, value) pairs, numbered; the arrays below are indexed by slot. */
  private ValueSlots slots;
  private int[] appendMop = new int[0];
  private int[] position = new int[0];
  private int[] readersHead = new int[0];
  private boolean[] intermediate = new boolean[0];
  private boolean anyFailedAppend;
  /** Per key: the mop of the longest read by an :ok/:info transaction, or -1. */
  private int[] longest;
  /** Per key: the version order, distinct elements of the longest read, as a range of {@link #order}. */
  private int[] orderStart;
  private int[] orderLength;
  private long[] order;
  private int[] orderSlot;
  private boolean[] longestHasDuplicates;
  /** Per read mop: its list is a prefix of its key's longest read. */
  private boolean[] compatible;
  /** Per key: the first reader of the initial (empty) state; readers chain through readerNext. */
  private int[] initReaders;
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
    Analysis a = new Analysis(h.size(), h.mopCount() * 2);
    TxnResult early = la.validate();
    if (early != null) {
      a.early = early;
      return a;
    }
    la.index();
    la.versionOrders();
    la.edges(a);
    a.deferred = () -> {
      a.add("G1a", la.g1a());
      a.add("G1b", la.g1b());
      la.internal(a);
      a.add("dirty-update", la.dirtyUpdates());
      la.readChecks(a);
      a.add("garbage-read", la.garbageReads());
      a.add("lost-update", la.lostUpdates());
    };
    a.explainer = la::explain;
    return a;
  }

  // ---------------------------------------------------------------- validation and indices

  private TxnResult validate() {
    TxnResult bad = Analysis.unexpectedMicroOps(h, true);
    if (bad != null) {
      return bad;
    }
    slots = new ValueSlots(h);
    ensureSlots(slots.appends() + 16);
    boolean[] isNew = new boolean[1];
    for (int t = 0; t < n; t++) {
      for (int m = h.mopStart(t); m < h.mopStart(t + 1); m++) {
        if (h.mopF(m) != TxnHistory.APPEND) {
          continue;
        }
        int sl = slots.add(h.mopKey(m), h.mopValue(m), isNew);
        if (!isNew[0]) {
          Object k = h.key(h.mopKey(m));
          Object v = h.valueObject(h.mopValue(m));
          LinkedHashMap<Keyword, Object> data = new LinkedHashMap<>();
          data.put(OP, h.opData(t));
          data.put(KEY, k);
          data.put(VALUE, v);
          return Analysis.unknown("duplicate-appends", "value " + madjep.history.edn.Edn.print(v) + " appended to key "
              + madjep.history.edn.Edn.print(k) + " multiple times!", data);
        }
        ensureSlots(sl + 1);
        appendMop[sl] = m;
      }
    }
    return null;
  }

  private void ensureSlots(int count) {
    if (count <= appendMop.length) {
      return;
    }
    int old = appendMop.length;
    int c = Math.max(Math.max(count, old * 2), 16);
    appendMop = Arrays.copyOf(appendMop, c);
    position = Arrays.copyOf(position, c);
    readersHead = Arrays.copyOf(readersHead, c);
    intermediate = Arrays.copyOf(intermediate, c);
    Arrays.fill(appendMop, old, c, -1);
    Arrays.fill(position, old, c, -1);
    Arrays.fill(readersHead, old, c, -1);
  }

  private void index() {
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
        anyFailedAppend |= !possible[t];
        int prev = lastAppend[k];
        if (prev >= start) {
          intermediate[slots.get(k, h.mopValue(prev))] = true;
        }
        lastAppend[k] = m;
      }
    }
  }

  /** The transaction that appended the version in slot s, if it may have committed (:ok or :info), else -1. */
  private int writerTxn(int s) {
    if (s < 0 || appendMop[s] < 0) {
      return -1;
    }
    int t = mopTxn[appendMop[s]];
    return possible[t] ? t : -1;
  }

  /** The transaction that appended the version in slot s if it failed, else -1. */
  private int failedTxn(int s) {
    if (s < 0 || appendMop[s] < 0) {
      return -1;
    }
    int t = mopTxn[appendMop[s]];
    return possible[t] ? -1 : t;
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
    orderSlot = new int[total];
    boolean[] isNew = new boolean[1];
    int w = 0;
    for (int k = 0; k < keyCount; k++) {
      orderStart[k] = w;
      int m = longest[k];
      if (m < 0) {
        continue;
      }
      int st = h.listStart(m);
      for (int i = 0; i < h.listLength(m); i++) {
        long e = h.pool(st + i);
        int sl = slots.add(k, e, isNew);
        ensureSlots(sl + 1);
        if (position[sl] >= 0) {
          longestHasDuplicates[k] = true;
          continue;
        }
        position[sl] = w - orderStart[k];
        orderSlot[w] = sl;
        order[w++] = e;
      }
      orderLength[k] = w - orderStart[k];
    }
    // Readers of each version: the last element of a read, or the initial state for an empty read (or :ok nil).
    compatible = new boolean[h.mopCount()];
    initReaders = new int[keyCount];
    Arrays.fill(initReaders, -1);
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
        int k = h.mopKey(m);
        if (len > 0) {
          compatible[m] = m == longest[k] || samePrefix(m, longest[k], len);
          int sl = slots.get(k, h.pool(h.listStart(m) + len - 1));
          if (sl < 0) {
            continue;
          }
          readerMop[r] = m;
          readerNext[r] = readersHead[sl];
          readersHead[sl] = r;
        } else {
          readerMop[r] = m;
          readerNext[r] = initReaders[k];
          initReaders[k] = r;
        }
        r++;
      }
    }
  }

  /** The slot of the version just before the append mop m, or -1 for the initial state. */
  private int previousSlot(int m) {
    int k = h.mopKey(m);
    int p = position[slots.get(k, h.mopValue(m))];
    if (p > 0) {
      return orderSlot[orderStart[k] + p - 1];
    }
    if (p == 0 || orderLength[k] == 0) {
      return -1;
    }
    return orderSlot[orderStart[k] + orderLength[k] - 1];
  }

  private long slotValue(int k, int s) {
    return s < 0 ? INIT : order[orderStart[k] + position[s]];
  }

  private void edges(Analysis a) {
    for (int t = 0; t < n; t++) {
      if (!possible[t]) {
        continue;
      }
      for (int m = h.mopStart(t); m < h.mopStart(t + 1); m++) {
        int k = h.mopKey(m);
        if (h.mopF(m) == TxnHistory.APPEND) {
          int prev = previousSlot(m);
          int w = writerTxn(prev);
          if (w >= 0) {
            a.edges.add(w, t, Rels.WW);
          }
          for (int r = prev < 0 ? initReaders[k] : readersHead[prev]; r >= 0; r = readerNext[r]) {
            a.edges.add(mopTxn[readerMop[r]], t, Rels.RW);
          }
        } else {
          int len = h.listLength(m);
          if (len > 0) {
            int w = writerTxn(slots.get(k, h.pool(h.listStart(m) + len - 1)));
            if (w >= 0) {
              a.edges.add(w, t, Rels.WR);
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
        int sl = slots.get(k, e);
        if (writerTxn(sl) == a) {
          return step("wr", k, e, TxnHistory.NIL, appendMop[sl] - h.mopStart(a), m - h.mopStart(b));
        }
        continue;
      }
      if (h.mopF(m) != TxnHistory.APPEND) {
        continue;
      }
      long v = h.mopValue(m);
      int prev = previousSlot(m);
      long pv = slotValue(k, prev);
      if (label == Rels.WW) {
        if (writerTxn(prev) == a) {
          return step("ww", k, pv, v, appendMop[prev] - h.mopStart(a), m - h.mopStart(b));
        }
      } else if (label == Rels.RW) {
        for (int r = prev < 0 ? initReaders[k] : readersHead[prev]; r >= 0; r = readerNext[r]) {
          if (mopTxn[readerMop[r]] == a) {
            return step("rw", k, pv, v, firstReadOf(a, k, pv), m - h.mopStart(b));
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

  /**
   * Aborted reads: an :ok read containing an element a :fail transaction appended. A read that is a prefix of its
   * key's longest read can hold such an element only at or past the first failed position of that read.
   */
  private List<Anomaly> g1a() {
    List<Anomaly> out = new ArrayList<>();
    if (!anyFailedAppend) {
      return out;
    }
    int[] firstFailed = new int[keyCount];
    Arrays.fill(firstFailed, Integer.MAX_VALUE);
    for (int k = 0; k < keyCount; k++) {
      for (int i = 0; i < orderLength[k]; i++) {
        if (failedTxn(orderSlot[orderStart[k] + i]) >= 0) {
          firstFailed[k] = Math.min(firstFailed[k], i);
          break;
        }
      }
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
        int k = h.mopKey(m);
        if (compatible[m] && !longestHasDuplicates[k] && len <= firstFailed[k]) {
          continue;
        }
        for (int i = 0; i < len; i++) {
          long e = h.pool(h.listStart(m) + i);
          int sl = slots.get(k, e);
          if (failedTxn(sl) >= 0) {
            out.add(new CaseAnomaly("G1a", readCase(t, m, appendMop[sl], e, true)));
          }
        }
      }
    }
    return out;
  }

  /** Intermediate reads: an :ok read ending in another transaction's non-final append. */
  private List<Anomaly> g1b() {
    List<Anomaly> out = new ArrayList<>();
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
        int sl = slots.get(h.mopKey(m), e);
        if (sl >= 0 && intermediate[sl] && mopTxn[appendMop[sl]] != t) {
          out.add(new CaseAnomaly("G1b", readCase(t, m, appendMop[sl], e, true)));
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

  /**
   * The first read of t that disagrees with what t itself last read of the key plus what it appended since, or, with
   * no earlier read, with its own appends as the tail ("unknown prefix").
   */
  private Anomaly internalCase(int t) {
    int start = h.mopStart(t);
    for (int m = start; m < h.mopStart(t + 1); m++) {
      if (h.mopF(m) != TxnHistory.READ) {
        continue;
      }
      int k = h.mopKey(m);
      int base = -1;
      int appends = 0;
      for (int j = m - 1; j >= start; j--) {
        if (h.mopKey(j) != k) {
          continue;
        }
        if (h.mopF(j) == TxnHistory.READ) {
          base = j;
          break;
        }
        appends++;
      }
      // As in Elle: after a read of nil the state is empty but, until t appends, unchecked.
      boolean knownBase = base >= 0;
      boolean nilBase = knownBase && h.listStart(base) < 0;
      if (appends == 0 && (!knownBase || nilBase)) {
        continue;
      }
      long[] expected = new long[(knownBase ? h.listLength(base) : 0) + appends];
      int w = 0;
      if (knownBase && !nilBase) {
        for (int i = 0; i < h.listLength(base); i++) {
          expected[w++] = h.pool(h.listStart(base) + i);
        }
      }
      for (int j = base < 0 ? start : base + 1; j < m; j++) {
        if (h.mopKey(j) == k && h.mopF(j) == TxnHistory.APPEND) {
          expected[w++] = h.mopValue(j);
        }
      }
      long[] v = readList(m);
      boolean bad;
      if (!knownBase) {
        int vl = v == null ? 0 : v.length;
        int i = vl - expected.length;
        bad = i < 0 || !Arrays.equals(expected, 0, expected.length, v, i, vl);
      } else {
        bad = v == null || !Arrays.equals(expected, v);
      }
      if (bad) {
        LinkedHashMap<Keyword, Object> c = new LinkedHashMap<>();
        c.put(OP, h.opData(t));
        c.put(MOP, h.mopData(m));
        c.put(EXPECTED, expected(expected, !knownBase));
        return new CaseAnomaly("internal", c);
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

  /** A read of an element that the same transaction appends only later. */
  private Anomaly futureRead(int t) {
    int start = h.mopStart(t);
    for (int m = start; m < h.mopStart(t + 1); m++) {
      if (h.mopF(m) != TxnHistory.APPEND) {
        continue;
      }
      int k = h.mopKey(m);
      long v = h.mopValue(m);
      for (int j = start; j < m; j++) {
        if (h.mopF(j) != TxnHistory.READ || h.mopKey(j) != k) {
          continue;
        }
        for (int i = 0; i < h.listLength(j); i++) {
          if (h.pool(h.listStart(j) + i) == v) {
            LinkedHashMap<Keyword, Object> c = new LinkedHashMap<>();
            c.put(OP, h.opData(t));
            c.put(MOP, h.mopData(j));
            c.put(ELEMENT, h.valueObject(v));
            return new CaseAnomaly("future-read", c);
          }
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
    if (!anyFailedAppend) {
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
        int sl = slots.get(k, v);
        int t2 = sl < 0 || appendMop[sl] < 0 ? -1 : mopTxn[appendMop[sl]];
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
        boolean prefix = compatible[m];
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
   * the incompatible ones need looking at (and the prefixes of a longest read by an :info transaction).
   */
  private List<Anomaly> garbageReads() {
    List<Anomaly> out = new ArrayList<>();
    boolean[] reported = new boolean[slots.count()];
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
        // A prefix of the longest read holds only its elements, which are checked there, unless that read is an
        // :info transaction's (whose reads this check skips).
        if (m != longest[k] && compatible[m] && h.isOk(mopTxn[longest[k]])) {
          continue;
        }
        for (int i = 0; i < len; i++) {
          long e = h.pool(h.listStart(m) + i);
          int sl = slots.get(k, e);
          if (sl < 0 || (appendMop[sl] < 0 && !reported[sl])) {
            if (sl >= 0) {
              reported[sl] = true;
            }
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
        int p = position[slots.get(k, h.mopValue(m))];
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
