package madjep.txn.weak;

import it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import madjep.history.edn.Edn;
import madjep.history.edn.Keyword;
import madjep.history.txn.TxnHistory;
import madjep.txn.Analysis;
import madjep.txn.Anomaly;
import madjep.txn.CaseAnomaly;
import madjep.txn.TxnResult;
import madjep.txn.graph.ValueSlots;

/**
 * What each read of a history observed: for every :ok transaction, its well-formed external reads (in program order)
 * with the transactions they observed, the sessions, and the committed transactions. A read that no execution could
 * return, whatever the isolation level (a value nobody wrote, an aborted write, part of another transaction's
 * appends, the reader's own later write, its own earlier write missing), is reported here and takes no further part.
 */
final class Observations {
  static final Keyword OP = Keyword.of("op");
  static final Keyword MOP = Keyword.of("mop");
  static final Keyword WRITER = Keyword.of("writer");
  static final Keyword ELEMENT = Keyword.of("element");
  static final Keyword EXPECTED = Keyword.of("expected");
  static final Keyword KEY = Keyword.of("key");
  static final Keyword VALUE = Keyword.of("value");

  final TxnHistory h;
  final boolean lists;
  final int n;
  final int[] mopTxn;
  /** Per mop: it writes its key (list-append: every append; rw-register: the transaction's last write of the key). */
  final boolean[] writes;
  /** :ok transactions, and :info ones whose write some :ok read observed. */
  final boolean[] committed;
  /** Per transaction: its session (:ok transactions of a client process), or -1. */
  final int[] session;
  /** Per transaction: the session's previous :ok transaction, or -1; and its position in the session. */
  final int[] soPrev;
  final int[] soSeq;
  int sessions;

  /** list-append, per append mop: its position among its transaction's appends to the key, and their number. */
  private int[] appendIndex;
  private int[] appendCount;
  /** Per transaction: the distinct keys it writes, {@code writeKeys[writeKeyStart[t] ..]}, in first-write order. */
  int[] writeKeyStart;
  int[] writeKeys;
  /** (k, v) -> a slot, and per slot the mop that wrote or appended v to k: :ok writers first, then :info, :fail. */
  private ValueSlots slots;
  private int[] slotMop;

  // Well-formed external reads of :ok transactions, in history and program order.
  int reads;
  /** Per transaction t: its reads are {@code readStart[t] .. readStart[t + 1] - 1}. */
  int[] readStart;
  int[] readMop;
  int[] readKey;
  /** rw-register: the transaction the read observed, or -1 for the initial state (nil); and its write mop. */
  int[] readWriter;
  int[] readWriterMop;
  /** list-append: the distinct writers of the external elements, in list order, as runs in {@link #runTxn}. */
  int[] runStart;
  int[] runCount;
  int[] runTxn = new int[64];
  /** list-append: the first element of each run, and how many elements it has. */
  long[] runElement = new long[64];
  int[] runLength = new int[64];
  /** list-append: the mop of each run's first element, and the list length up to the run's end. */
  int[] runMop = new int[64];
  int[] runEnd = new int[64];
  /**
   * list-append: per read, whether its runs are a prefix of its key's reference runs (the key's longest :ok read,
   * verified once): such a read holds exactly the elements at positions below its length in the reference.
   */
  boolean[] shared;
  /** list-append: per read, its length (external elements). */
  int[] readLength;
  /** list-append, per key: the reference read (-1 when none or not well-formed) and its runs. */
  private int[] refMop;
  int[] refRunStart;
  int[] refRunCount;
  /** list-append, per append mop: its position in its key's reference read, or -1. */
  int[] posInRef;
  private int runs;
  /** Scratch: the read that last saw each mop / transaction. */
  private int[] mopStamp;
  private int[] txnStamp;
  private int readStamp;
  private int[] elemMop = new int[16];
  private int lastRunStart;
  private int lastRunCount;
  private int lastLength;

  final Map<String, List<Anomaly>> anomalies = new LinkedHashMap<>();

  private Observations(TxnHistory h, boolean lists) {
    this.h = h;
    this.lists = lists;
    this.n = h.size();
    this.mopTxn = new int[h.mopCount()];
    this.writes = new boolean[h.mopCount()];
    this.committed = new boolean[n];
    this.session = new int[n];
    this.soPrev = new int[n];
    this.soSeq = new int[n];
    for (int t = 0; t < n; t++) {
      for (int m = h.mopStart(t); m < h.mopStart(t + 1); m++) {
        mopTxn[m] = t;
      }
    }
  }

  /** The observations of a history, or null after setting {@code out.early} for input the levels cannot judge. */
  static Observations of(TxnHistory h, boolean lists, Analysis out) {
    Observations o = new Observations(h, lists);
    out.early = o.validate();
    if (out.early != null) {
      return null;
    }
    o.writeKeys();
    o.sessions();
    o.reads();
    return o;
  }

  // ---------------------------------------------------------------- validation and writers

  private TxnResult validate() {
    TxnResult bad = Analysis.unexpectedMicroOps(h, lists);
    if (bad != null) {
      return bad;
    }
    slots = new ValueSlots(h, lists ? TxnHistory.APPEND : TxnHistory.WRITE);
    slotMop = new int[slots.appends() + 1];
    boolean[] isNew = new boolean[1];
    int[] lastWrite = new int[h.keyCount()];
    int[] touched = new int[h.keyCount()];
    Arrays.fill(touched, -1);
    for (int t = 0; t < n; t++) {
      for (int m = h.mopStart(t); m < h.mopStart(t + 1); m++) {
        byte f = h.mopF(m);
        int k = h.mopKey(m);
        if (f == TxnHistory.APPEND) {
          writes[m] = true;
          int s = slots.add(k, h.mopValue(m), isNew);
          if (!isNew[0]) {
            LinkedHashMap<Keyword, Object> d = new LinkedHashMap<>();
            d.put(OP, h.opData(t));
            d.put(KEY, h.key(k));
            d.put(VALUE, h.valueObject(h.mopValue(m)));
            return Analysis.unknown("duplicate-appends", "value " + Edn.print(h.valueObject(h.mopValue(m)))
                + " appended to key " + Edn.print(h.key(k)) + " multiple times!", d);
          }
          slotMop[s] = m;
        } else if (f == TxnHistory.WRITE) {
          if (touched[k] == t) {
            writes[lastWrite[k]] = false;
          }
          touched[k] = t;
          lastWrite[k] = m;
          writes[m] = true;
        }
      }
    }
    if (!lists) {
      for (int m = 0; m < h.mopCount(); m++) {
        if (h.mopF(m) != TxnHistory.WRITE) {
          continue;
        }
        int k = h.mopKey(m);
        long v = h.mopValue(m);
        int s = slots.add(k, v, isNew);
        if (isNew[0]) {
          slotMop[s] = m;
          continue;
        }
        int prev = slotMop[s];
        int pt = mopTxn[prev];
        int t = mopTxn[m];
        if (pt != t && h.isOk(pt) && h.isOk(t) && writes[prev] && writes[m]) {
          throw h.errorAt(t, "expected each value to be written to a key at most once, found "
              + Edn.print(h.valueObject(v)) + " written to " + Edn.print(h.key(k)) + " by more than one transaction");
        }
        if (rank(t) < rank(pt)) {
          slotMop[s] = m;
        }
      }
    }
    return null;
  }

  private void writeKeys() {
    writeKeyStart = new int[n + 1];
    it.unimi.dsi.fastutil.ints.IntArrayList ks = new it.unimi.dsi.fastutil.ints.IntArrayList(h.mopCount());
    int[] seen = new int[h.keyCount()];
    int[] first = new int[h.keyCount()];
    Arrays.fill(seen, -1);
    if (lists) {
      appendIndex = new int[h.mopCount()];
      appendCount = new int[h.mopCount()];
    }
    for (int t = 0; t < n; t++) {
      writeKeyStart[t] = ks.size();
      for (int m = h.mopStart(t); m < h.mopStart(t + 1); m++) {
        if (!writes[m]) {
          continue;
        }
        int k = h.mopKey(m);
        if (seen[k] != t) {
          seen[k] = t;
          first[k] = m;
          ks.add(k);
        }
        if (lists) {
          appendIndex[m] = appendCount[first[k]]++;
        }
      }
      if (lists) {
        for (int m = h.mopStart(t); m < h.mopStart(t + 1); m++) {
          if (writes[m]) {
            appendCount[m] = appendCount[first[h.mopKey(m)]];
          }
        }
      }
    }
    writeKeyStart[n] = ks.size();
    writeKeys = ks.toIntArray();
  }

  private int rank(int t) {
    return h.isOk(t) ? 0 : h.isInfo(t) ? 1 : 2;
  }

  private void sessions() {
    Int2IntOpenHashMap ids = new Int2IntOpenHashMap();
    ids.defaultReturnValue(-1);
    Int2IntOpenHashMap last = new Int2IntOpenHashMap();
    last.defaultReturnValue(-1);
    Arrays.fill(session, -1);
    Arrays.fill(soPrev, -1);
    for (int t = 0; t < n; t++) {
      int p = h.process(t);
      if (!h.isOk(t) || p < 0) {
        continue;
      }
      int s = ids.get(p);
      if (s < 0) {
        s = sessions++;
        ids.put(p, s);
      }
      session[t] = s;
      int prev = last.put(s, t);
      soPrev[t] = prev;
      soSeq[t] = prev < 0 ? 0 : soSeq[prev] + 1;
    }
  }

  // ---------------------------------------------------------------- reads

  private void reads() {
    readStart = new int[n + 1];
    int cap = 16;
    readMop = new int[cap];
    readKey = new int[cap];
    readWriter = new int[cap];
    readWriterMop = new int[cap];
    runStart = new int[cap];
    runCount = new int[cap];
    shared = new boolean[cap];
    readLength = new int[cap];
    for (int t = 0; t < n; t++) {
      committed[t] = h.isOk(t);
    }
    boolean[] refGood = null;
    if (lists) {
      mopStamp = new int[h.mopCount()];
      txnStamp = new int[n];
      refGood = references();
    }
    for (int t = 0; t < n; t++) {
      readStart[t] = reads;
      if (!h.isOk(t)) {
        continue;
      }
      for (int m = h.mopStart(t); m < h.mopStart(t + 1); m++) {
        if (h.mopF(m) != TxnHistory.READ) {
          continue;
        }
        if (reads == readMop.length) {
          cap = reads * 2;
          readMop = Arrays.copyOf(readMop, cap);
          readKey = Arrays.copyOf(readKey, cap);
          readWriter = Arrays.copyOf(readWriter, cap);
          readWriterMop = Arrays.copyOf(readWriterMop, cap);
          runStart = Arrays.copyOf(runStart, cap);
          runCount = Arrays.copyOf(runCount, cap);
          shared = Arrays.copyOf(shared, cap);
          readLength = Arrays.copyOf(readLength, cap);
        }
        boolean good;
        if (!lists) {
          good = registerRead(t, m);
        } else {
          int k = h.mopKey(m);
          shared[reads] = false;
          if (m == refMop[k]) {
            good = refGood[k];
            lastRunStart = refRunStart[k];
            lastRunCount = refRunCount[k];
            lastLength = h.listLength(m);
          } else {
            good = prefixOfReference(t, m) || listRead(t, m);
          }
          runStart[reads] = lastRunStart;
          runCount[reads] = lastRunCount;
          readLength[reads] = lastLength;
        }
        if (good) {
          readMop[reads] = m;
          readKey[reads] = h.mopKey(m);
          reads++;
        }
      }
    }
    readStart[n] = reads;
  }

  /**
   * Verifies each key's longest :ok read first: most reads are prefixes of it, and a prefix that ends at a run
   * boundary of a well-formed read is well-formed, with the reference's runs up to there.
   */
  private boolean[] references() {
    refMop = new int[h.keyCount()];
    Arrays.fill(refMop, -1);
    for (int t = 0; t < n; t++) {
      if (!h.isOk(t)) {
        continue;
      }
      for (int m = h.mopStart(t); m < h.mopStart(t + 1); m++) {
        if (h.mopF(m) == TxnHistory.READ) {
          int k = h.mopKey(m);
          if (refMop[k] < 0 || h.listLength(m) > h.listLength(refMop[k])) {
            refMop[k] = m;
          }
        }
      }
    }
    boolean[] good = new boolean[h.keyCount()];
    refRunStart = new int[h.keyCount()];
    refRunCount = new int[h.keyCount()];
    posInRef = new int[h.mopCount()];
    Arrays.fill(posInRef, -1);
    for (int k = 0; k < h.keyCount(); k++) {
      int m = refMop[k];
      if (m < 0) {
        continue;
      }
      good[k] = listRead(mopTxn[m], m);
      refRunStart[k] = lastRunStart;
      refRunCount[k] = lastRunCount;
      if (good[k]) {
        for (int i = 0; i < lastLength; i++) {
          posInRef[elemMop[i]] = i;
        }
      }
    }
    this.refGood = good;
    return good;
  }

  private boolean[] refGood;

  /** A read that is a prefix of its key's well-formed reference, cut at a run boundary, by a non-appender of the key. */
  private boolean prefixOfReference(int t, int m) {
    int k = h.mopKey(m);
    int ref = refMop[k];
    int len = h.listLength(m);
    if (ref < 0 || !refGood[k] || len > h.listLength(ref)) {
      return false;
    }
    for (int j = h.mopStart(t); j < h.mopStart(t + 1); j++) {
      if (h.mopF(j) == TxnHistory.APPEND && h.mopKey(j) == k) {
        return false;
      }
    }
    int a = h.listStart(m);
    int b = h.listStart(ref);
    for (int i = 0; i < len; i++) {
      if (h.pool(a + i) != h.pool(b + i)) {
        return false;
      }
    }
    // The number of reference runs that end at or before len; len must be one of their ends.
    int lo = 0;
    int hi = refRunCount[k];
    int base = refRunStart[k];
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (runEnd[base + mid] <= len) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    if (lo > 0 ? runEnd[base + lo - 1] != len : len != 0) {
      return false;
    }
    shared[reads] = true;
    lastRunStart = base;
    lastRunCount = lo;
    lastLength = len;
    return true;
  }

  /** The writer mop of (k, v), or -1. */
  int writerMop(int k, long v) {
    int s = slots.get(k, v);
    return s < 0 ? -1 : slotMop[s];
  }

  /** An :ok register read: external (no own write of the key before it) reads become observations. */
  private boolean registerRead(int t, int m) {
    int k = h.mopKey(m);
    long v = h.mopValue(m);
    int own = -1;
    for (int j = h.mopStart(t); j < m; j++) {
      if (h.mopF(j) == TxnHistory.WRITE && h.mopKey(j) == k) {
        own = j;
      }
    }
    if (own >= 0) {
      if (h.mopValue(own) != v) {
        add(WeakIsolation.OWN_WRITE_MISSED, t, m, -1, v, h.valueObject(h.mopValue(own)));
      }
      return false;
    }
    if (v == TxnHistory.NIL) {
      readWriter[reads] = -1;
      return true;
    }
    int w = writerMop(k, v);
    if (w < 0) {
      add(WeakIsolation.THIN_AIR_READ, t, m, -1, v, null);
      return false;
    }
    int wt = mopTxn[w];
    if (wt == t) {
      add(WeakIsolation.OWN_FUTURE_READ, t, m, -1, v, null);
      return false;
    }
    if (h.isFail(wt)) {
      add(WeakIsolation.ABORTED_READ, t, m, w, v, null);
      return false;
    }
    committed[wt] = true;
    if (!writes[w]) {
      add(WeakIsolation.INTERMEDIATE_READ, t, m, w, v, null);
      return false;
    }
    readWriter[reads] = wt;
    readWriterMop[reads] = w;
    return true;
  }

  /**
   * An :ok list read: its elements must be whole runs of other committed transactions' appends (each transaction's
   * appends to the key, in order, once), followed by exactly the reader's own earlier appends to the key.
   */
  private boolean listRead(int t, int m) {
    int k = h.mopKey(m);
    int len = h.listLength(m);
    int st = h.listStart(m);
    // The reader's own appends to k before m, which must end the list.
    int ownBefore = 0;
    for (int j = h.mopStart(t); j < m; j++) {
      if (h.mopF(j) == TxnHistory.APPEND && h.mopKey(j) == k) {
        ownBefore++;
      }
    }
    int stamp = ++readStamp;
    if (elemMop.length < len) {
      elemMop = new int[Math.max(len, elemMop.length * 2)];
    }
    for (int i = 0; i < len; i++) {
      long e = h.pool(st + i);
      int w = writerMop(k, e);
      elemMop[i] = w;
      if (w < 0) {
        add(WeakIsolation.THIN_AIR_READ, t, m, -1, e, null);
        return false;
      }
      if (mopStamp[w] == stamp) {
        add(WeakIsolation.DUPLICATE_READ, t, m, -1, e, null);
        return false;
      }
      mopStamp[w] = stamp;
      int wt = mopTxn[w];
      if (wt == t) {
        if (w > m) {
          add(WeakIsolation.OWN_FUTURE_READ, t, m, -1, e, null);
          return false;
        }
        continue;
      }
      if (h.isFail(wt)) {
        add(WeakIsolation.ABORTED_READ, t, m, w, e, null);
        return false;
      }
      committed[wt] = true;
    }
    // Own appends: exactly the last ownBefore elements, in order.
    int ext = len - ownBefore;
    boolean ownOk = ext >= 0;
    if (ownOk) {
      int i = ext;
      for (int j = h.mopStart(t); j < m && ownOk; j++) {
        if (h.mopF(j) == TxnHistory.APPEND && h.mopKey(j) == k) {
          ownOk = h.pool(st + i++) == h.mopValue(j);
        }
      }
    }
    if (ownOk) {
      for (int i = 0; i < ext && ownOk; i++) {
        ownOk = mopTxn[elemMop[i]] != t;
      }
    }
    if (!ownOk) {
      add(WeakIsolation.OWN_WRITE_MISSED, t, m, -1, TxnHistory.NIL, null);
      return false;
    }
    // Runs of writers among the external elements: each a whole transaction's appends, each writer once.
    int start = runs;
    int i = 0;
    while (i < ext) {
      long e = h.pool(st + i);
      int w = elemMop[i];
      int wt = mopTxn[w];
      // The run must be all of wt's appends to k, in order.
      int first = i;
      int count = appendCount[w];
      if (appendIndex[w] != 0 || i + count > ext) {
        add(WeakIsolation.INTERMEDIATE_READ, t, m, w, e, null);
        runs = start;
        return false;
      }
      for (int j = 1; j < count; j++) {
        int wj = elemMop[i + j];
        if (mopTxn[wj] != wt || appendIndex[wj] != j) {
          add(WeakIsolation.INTERMEDIATE_READ, t, m, w, e, null);
          runs = start;
          return false;
        }
      }
      i += count;
      if (txnStamp[wt] == stamp) {
        add(WeakIsolation.INTERMEDIATE_READ, t, m, w, e, null);
        runs = start;
        return false;
      }
      txnStamp[wt] = stamp;
      if (runs == runTxn.length) {
        runTxn = Arrays.copyOf(runTxn, runs * 2);
        runElement = Arrays.copyOf(runElement, runs * 2);
        runLength = Arrays.copyOf(runLength, runs * 2);
        runMop = Arrays.copyOf(runMop, runs * 2);
        runEnd = Arrays.copyOf(runEnd, runs * 2);
      }
      runTxn[runs] = wt;
      runElement[runs] = h.pool(st + first);
      runLength[runs] = i - first;
      runMop[runs] = elemMop[first];
      runEnd[runs] = i;
      runs++;
    }
    lastRunStart = start;
    lastRunCount = runs - start;
    lastLength = ext;
    return true;
  }

  private void add(String type, int t, int m, int writerMop, long element, Object expected) {
    LinkedHashMap<Keyword, Object> c = new LinkedHashMap<>();
    c.put(OP, h.opData(t));
    c.put(MOP, h.mopData(m));
    if (writerMop >= 0) {
      c.put(WRITER, h.opData(mopTxn[writerMop]));
    }
    if (element != TxnHistory.NIL) {
      c.put(ELEMENT, h.valueObject(element));
    }
    if (expected != null) {
      c.put(EXPECTED, expected);
    }
    anomalies.computeIfAbsent(type, x -> new ArrayList<>()).add(new CaseAnomaly(type, c));
  }

  // ---------------------------------------------------------------- accessors

  /** The transactions read r observed (list-append: its runs; rw-register: its writer, if any). */
  int observedCount(int r) {
    return lists ? runCount[r] : readWriter[r] < 0 ? 0 : 1;
  }

  int observed(int r, int i) {
    return lists ? runTxn[runStart[r] + i] : readWriter[r];
  }

  /** The transaction of read r. */
  int readTxn(int r) {
    return mopTxn[readMop[r]];
  }

  /** The first mop of t that writes k, or -1. */
  int firstWriteOf(int t, int k) {
    for (int m = h.mopStart(t); m < h.mopStart(t + 1); m++) {
      if (writes[m] && h.mopKey(m) == k) {
        return m;
      }
    }
    return -1;
  }

  /** True when read r observed transaction w. */
  boolean observes(int r, int w) {
    for (int i = 0; i < observedCount(r); i++) {
      if (observed(r, i) == w) {
        return true;
      }
    }
    return false;
  }
}
