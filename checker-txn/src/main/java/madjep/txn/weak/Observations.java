package madjep.txn.weak;

import it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import madjep.history.Verdict;
import madjep.history.edn.Edn;
import madjep.history.edn.EdnVector;
import madjep.history.edn.Keyword;
import madjep.history.txn.TxnHistory;
import madjep.txn.Analysis;
import madjep.txn.Anomaly;
import madjep.txn.CaseAnomaly;
import madjep.txn.Result;
import madjep.txn.graph.KeyValueMap;

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
  static final Keyword TYPE = Keyword.of("type");
  static final Keyword MESSAGE = Keyword.of("message");
  static final Keyword EXAMPLES = Keyword.of("examples");
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

  /** (k, v) -> the mop that wrote or appended v to k: :ok writers first, then :info, then :fail. */
  private KeyValueMap writeOf;

  // Well-formed external reads of :ok transactions, in history and program order.
  int reads;
  /** Per transaction t: its reads are {@code readStart[t] .. readStart[t + 1] - 1}. */
  int[] readStart;
  int[] readMop;
  int[] readKey;
  /** rw-register: the transaction the read observed, or -1 for the initial state (nil). */
  int[] readWriter;
  /** list-append: the distinct writers of the external elements, in list order, as runs in {@link #runTxn}. */
  int[] runStart;
  int[] runCount;
  int[] runTxn = new int[64];
  /** list-append: the first element of each run, and how many elements it has. */
  long[] runElement = new long[64];
  int[] runLength = new int[64];
  private int runs;
  /** Scratch: the read that last saw each mop / transaction. */
  private int[] mopStamp;
  private int[] txnStamp;
  private int readStamp;

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
    o.sessions();
    o.reads();
    return o;
  }

  // ---------------------------------------------------------------- validation and writers

  private Result validate() {
    List<Object> bad = new ArrayList<>();
    for (int t = 0; t < n && bad.size() < 8; t++) {
      for (int m = h.mopStart(t); m < h.mopStart(t + 1); m++) {
        byte f = h.mopF(m);
        boolean known = lists ? f == TxnHistory.READ || f == TxnHistory.APPEND
            : (f == TxnHistory.READ || f == TxnHistory.WRITE) && h.listStart(m) < 0;
        if (!known) {
          bad.add(h.opData(t));
          break;
        }
      }
    }
    if (!bad.isEmpty()) {
      return unknown("unexpected-txn-micro-op-types", lists
          ? "history contained operations other than appends or reads"
          : "history contained operations other than register writes and reads of single values",
          Map.of(EXAMPLES, EdnVector.copyOf(bad)));
    }
    writeOf = new KeyValueMap(h.mopCount() / 2 + 16);
    int[] lastWrite = new int[h.keyCount()];
    int[] touched = new int[h.keyCount()];
    Arrays.fill(touched, -1);
    for (int t = 0; t < n; t++) {
      for (int m = h.mopStart(t); m < h.mopStart(t + 1); m++) {
        byte f = h.mopF(m);
        int k = h.mopKey(m);
        if (f == TxnHistory.APPEND) {
          writes[m] = true;
          int prev = writeOf.put(k, h.mopValue(m), m);
          if (prev >= 0) {
            LinkedHashMap<Keyword, Object> d = new LinkedHashMap<>();
            d.put(OP, h.opData(t));
            d.put(KEY, h.key(k));
            d.put(VALUE, h.valueObject(h.mopValue(m)));
            return unknown("duplicate-appends", "value " + Edn.print(h.valueObject(h.mopValue(m)))
                + " appended to key " + Edn.print(h.key(k)) + " multiple times!", d);
          }
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
        int prev = writeOf.get(k, v);
        if (prev < 0) {
          writeOf.put(k, v, m);
          continue;
        }
        int pt = mopTxn[prev];
        int t = mopTxn[m];
        if (pt != t && h.isOk(pt) && h.isOk(t) && writes[prev] && writes[m]) {
          throw h.errorAt(t, "expected each value to be written to a key at most once, found "
              + Edn.print(h.valueObject(v)) + " written to " + Edn.print(h.key(k)) + " by more than one transaction");
        }
        if (rank(t) < rank(pt)) {
          writeOf.put(k, v, m);
        }
      }
    }
    return null;
  }

  private int rank(int t) {
    return h.isOk(t) ? 0 : h.isInfo(t) ? 1 : 2;
  }

  private static Result unknown(String type, String message, Map<Keyword, Object> data) {
    LinkedHashMap<Keyword, Object> m = new LinkedHashMap<>(data);
    m.put(TYPE, Keyword.of(type));
    m.put(MESSAGE, message);
    Map<String, List<Anomaly>> as = new LinkedHashMap<>();
    as.put(type, List.of(new CaseAnomaly(type, m)));
    return new Result(Verdict.UNKNOWN, List.of(type), as, java.util.Set.of(), java.util.Set.of());
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
    if (lists) {
      mopStamp = new int[h.mopCount()];
      txnStamp = new int[n];
    }
    int cap = 16;
    readMop = new int[cap];
    readKey = new int[cap];
    readWriter = new int[cap];
    runStart = new int[cap];
    runCount = new int[cap];
    for (int t = 0; t < n; t++) {
      committed[t] = h.isOk(t);
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
          runStart = Arrays.copyOf(runStart, cap);
          runCount = Arrays.copyOf(runCount, cap);
        }
        boolean good = lists ? listRead(t, m) : registerRead(t, m);
        if (good) {
          readMop[reads] = m;
          readKey[reads] = h.mopKey(m);
          reads++;
        }
      }
    }
    readStart[n] = reads;
  }

  /** The writer mop of (k, v), or -1. */
  int writerMop(int k, long v) {
    return writeOf.get(k, v);
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
    int w = writeOf.get(k, v);
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
    for (int i = 0; i < len; i++) {
      long e = h.pool(st + i);
      int w = writeOf.get(k, e);
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
        ownOk = mopTxn[writeOf.get(k, h.pool(st + i))] != t;
      }
    }
    if (!ownOk) {
      add(WeakIsolation.OWN_WRITE_MISSED, t, m, -1, TxnHistory.NIL, null);
      return false;
    }
    // Runs of writers among the external elements: each a whole transaction's appends, each writer once.
    runStart[reads] = runs;
    int i = 0;
    while (i < ext) {
      long e = h.pool(st + i);
      int w = writeOf.get(k, e);
      int wt = mopTxn[w];
      int j = h.mopStart(wt);
      while (!(h.mopF(j) == TxnHistory.APPEND && h.mopKey(j) == k)) {
        j++;
      }
      int first = i;
      for (; j < h.mopStart(wt + 1); j++) {
        if (h.mopF(j) != TxnHistory.APPEND || h.mopKey(j) != k) {
          continue;
        }
        if (i >= ext || h.pool(st + i) != h.mopValue(j)) {
          add(WeakIsolation.INTERMEDIATE_READ, t, m, w, e, null);
          runs = runStart[reads];
          return false;
        }
        i++;
      }
      if (txnStamp[wt] == stamp) {
        add(WeakIsolation.INTERMEDIATE_READ, t, m, w, e, null);
        runs = runStart[reads];
        return false;
      }
      txnStamp[wt] = stamp;
      if (runs == runTxn.length) {
        runTxn = Arrays.copyOf(runTxn, runs * 2);
        runElement = Arrays.copyOf(runElement, runs * 2);
        runLength = Arrays.copyOf(runLength, runs * 2);
      }
      runTxn[runs] = wt;
      runElement[runs] = h.pool(st + first);
      runLength[runs] = i - first;
      runs++;
    }
    runCount[reads] = runs - runStart[reads];
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
