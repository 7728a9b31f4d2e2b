package madjep.txn.register;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import madjep.history.edn.EdnVector;
import madjep.history.edn.Keyword;
import madjep.history.txn.TxnHistory;
import madjep.txn.Analysis;
import madjep.txn.Anomaly;
import madjep.txn.CaseAnomaly;
import madjep.txn.TxnOptions;
import madjep.txn.TxnResult;
import madjep.txn.Step;
import madjep.txn.Workload;
import madjep.txn.append.LostUpdates;
import madjep.txn.graph.Digraph;
import madjep.txn.graph.KeyValueMap;
import madjep.txn.graph.Rels;
import madjep.txn.graph.Scc;

/**
 * Analyzes an rw-register history as Elle's {@code elle.rw-register} does, and reports what Elle misses. A
 * transaction's external read of k is its first micro-op on k when that is a read; its external write is its last
 * write of k. Reads of :ok transactions are indexed; writes of :ok transactions, and of :info transactions that some
 * :ok read observed (they must have committed), take part in dependencies. An :info transaction nobody observed may
 * never have committed and takes part in nothing but the initial-state version order.
 *
 * <p>Beyond Elle: a read of a value no transaction wrote ({@code garbage-read}); a read of a value the transaction
 * itself writes only later ({@code future-read}); a read that differs from the transaction's own earlier read of
 * {@code nil} ({@code internal}: Elle ignores an earlier {@code nil}).
 */
public final class RwRegister {
  private static final Keyword OP = Keyword.of("op");
  private static final Keyword MOP = Keyword.of("mop");
  private static final Keyword WRITER = Keyword.of("writer");
  private static final Keyword EXPECTED = Keyword.of("expected");
  private static final Keyword KEY = Keyword.of("key");
  private static final Keyword SCC = Keyword.of("scc");
  private static final Keyword SOURCES = Keyword.of("sources");
  private static final Keyword ELEMENT = Keyword.of("element");

  /**
   * No order of a key's versions avoids a dependency cycle (found by trying each: {@link VersionInference}); implies
   * G2, and its -process and -realtime variants imply G2-process and G2-realtime.
   */
  public static final String UNORDERABLE = "unorderable-versions";

  private final TxnHistory h;
  private final int n;
  private final int[] mopTxn;
  /** Per mop: true when it is its transaction's external read / external write of its key. */
  private final boolean[] extRead;
  private final boolean[] extWrite;
  /** (k, v) -> the external-write mop of the :ok transaction that wrote v to k. */
  private KeyValueMap writer;
  /** Per transaction: :ok, or :info with a write some :ok read observed. */
  private boolean[] committed;
  /** (k, v) -> first external-read mop of an :ok transaction that read v; chained through readerNext. */
  private KeyValueMap readers;
  private int[] readerNext;
  /** Per key: version edges v1 -> v2. */
  private final Map<Integer, VersionGraph> versions = new HashMap<>();

  private RwRegister(TxnHistory h) {
    this.h = h;
    this.n = h.size();
    this.mopTxn = new int[h.mopCount()];
    this.extRead = new boolean[h.mopCount()];
    this.extWrite = new boolean[h.mopCount()];
    int[] touched = new int[h.keyCount()];
    int[] lastWrite = new int[h.keyCount()];
    Arrays.fill(touched, -1);
    for (int t = 0; t < n; t++) {
      for (int m = h.mopStart(t); m < h.mopStart(t + 1); m++) {
        mopTxn[m] = t;
        int k = h.mopKey(m);
        if (touched[k] != t) {
          touched[k] = t;
          lastWrite[k] = -1;
          extRead[m] = h.mopF(m) == TxnHistory.READ;
        }
        if (h.mopF(m) == TxnHistory.WRITE) {
          if (lastWrite[k] >= 0) {
            extWrite[lastWrite[k]] = false;
          }
          lastWrite[k] = m;
          extWrite[m] = true;
        }
      }
    }
  }

  /** The analysis of an rw-register history under the options' version-order assumptions. */
  public static Analysis analyze(TxnHistory h, TxnOptions o) {
    RwRegister rr = new RwRegister(h);
    Analysis a = new Analysis(h.size());
    a.early = rr.validate();
    if (a.early != null) {
      return a;
    }
    rr.index();
    rr.wrEdges(a);
    rr.versionGraphs(a, o);
    rr.versionEdges(a);
    a.add("G1a", rr.g1a());
    a.add("G1b", rr.g1b());
    a.add("internal", rr.internal());
    rr.unwrittenReads(a);
    a.add("lost-update", LostUpdates.find(h, TxnHistory.WRITE));
    a.explainer = rr::explain;
    a.refiner = (g, mask, deadline, into) -> VersionInference.run(rr, g, mask, deadline, into);
    return a;
  }

  private TxnResult validate() {
    return Analysis.unexpectedMicroOps(h, false);
  }

  private void index() {
    writer = new KeyValueMap(h.mopCount() / 2 + 16);
    readers = new KeyValueMap(h.mopCount() / 2 + 16);
    readerNext = new int[h.mopCount()];
    Arrays.fill(readerNext, -1);
    for (int t = n - 1; t >= 0; t--) {
      if (h.isFail(t)) {
        continue;
      }
      boolean ok = h.isOk(t);
      for (int m = h.mopStart(t + 1) - 1; m >= h.mopStart(t); m--) {
        int k = h.mopKey(m);
        long v = h.mopValue(m);
        if (extWrite[m]) {
          int prev = writer.get(k, v);
          if (prev >= 0 && mopTxn[prev] != t && ok && h.isOk(mopTxn[prev])) {
            throw h.errorAt(t, "expected each value to be written to a key at most once, found "
                + madjep.history.edn.Edn.print(h.valueObject(v)) + " written to "
                + madjep.history.edn.Edn.print(h.key(k)) + " by more than one transaction");
          }
          // An :ok writer wins over an :info one that wrote the same value: the :info one may not have committed.
          if (prev < 0 || !h.isOk(mopTxn[prev])) {
            writer.put(k, v, m);
          }
        } else if (extRead[m] && ok) {
          readerNext[m] = readers.put(k, v, m);
        }
      }
    }
    committed = new boolean[n];
    for (int t = 0; t < n; t++) {
      committed[t] = h.isOk(t);
    }
    for (int t = 0; t < n; t++) {
      if (!h.isOk(t)) {
        continue;
      }
      for (int m = h.mopStart(t); m < h.mopStart(t + 1); m++) {
        if (extRead[m] && h.mopValue(m) != TxnHistory.NIL) {
          int w = writer.get(h.mopKey(m), h.mopValue(m));
          if (w >= 0) {
            committed[mopTxn[w]] = true;
          }
        }
      }
    }
  }

  /** The external-write mop of a committed transaction that wrote v to k, or -1. */
  private int committedWriter(int k, long v) {
    int w = writer.get(k, v);
    return w >= 0 && committed[mopTxn[w]] ? w : -1;
  }

  private void wrEdges(Analysis a) {
    for (int t = 0; t < n; t++) {
      if (!h.isOk(t)) {
        continue;
      }
      for (int m = h.mopStart(t); m < h.mopStart(t + 1); m++) {
        if (extRead[m] && h.mopValue(m) != TxnHistory.NIL) {
          int w = committedWriter(h.mopKey(m), h.mopValue(m));
          if (w >= 0) {
            a.edges.add(mopTxn[w], t, Rels.WR);
          }
        }
      }
    }
  }

  // ---------------------------------------------------------------- version graphs

  /** Version edges of one key, over values, in insertion order. */
  static final class VersionGraph {
    final LongArrayList from = new LongArrayList();
    final LongArrayList to = new LongArrayList();
    private final it.unimi.dsi.fastutil.longs.Long2ObjectOpenHashMap<LongArrayList> out =
        new it.unimi.dsi.fastutil.longs.Long2ObjectOpenHashMap<>();

    boolean contains(long a, long b) {
      LongArrayList o = out.get(a);
      return o != null && o.contains(b);
    }

    void add(long a, long b) {
      if (a == b) {
        return;
      }
      LongArrayList o = out.get(a);
      if (o == null) {
        o = new LongArrayList(2);
        out.put(a, o);
      } else if (o.contains(b)) {
        return;
      }
      o.add(b);
      from.add(a);
      to.add(b);
    }

    VersionGraph copy() {
      VersionGraph g = new VersionGraph();
      for (int i = 0; i < from.size(); i++) {
        g.add(from.getLong(i), to.getLong(i));
      }
      return g;
    }
  }

  private void versionGraphs(Analysis a, TxnOptions o) {
    List<String> sources = new ArrayList<>();
    List<Anomaly> cyclic = new ArrayList<>();
    apply("initial-state", initialState(), sources, cyclic);
    if (!o.transactionOrder().isEmpty()) {
      apply("transaction-order", transactionOrder(o.transactionOrder()), sources, cyclic);
    }
    if (o.wfrKeys()) {
      apply("wfr-keys", wfr(), sources, cyclic);
    }
    if (o.sequentialKeys()) {
      apply("sequential-keys", sequential(), sources, cyclic);
    }
    if (o.linearizableKeys()) {
      apply("linearizable-keys", linearizable(), sources, cyclic);
    }
    a.add("cyclic-versions", cyclic);
  }

  /** Merges a source's version edges if the combined graphs stay acyclic; else records the cycles and skips it. */
  private void apply(String name, Map<Integer, VersionGraph> source, List<String> sources, List<Anomaly> cyclic) {
    Map<Integer, VersionGraph> merged = new HashMap<>();
    for (Map.Entry<Integer, VersionGraph> e : versions.entrySet()) {
      merged.put(e.getKey(), e.getValue());
    }
    for (Map.Entry<Integer, VersionGraph> e : source.entrySet()) {
      VersionGraph base = versions.get(e.getKey());
      VersionGraph g = base == null ? new VersionGraph() : base.copy();
      VersionGraph s = e.getValue();
      for (int i = 0; i < s.from.size(); i++) {
        g.add(s.from.getLong(i), s.to.getLong(i));
      }
      merged.put(e.getKey(), g);
    }
    List<String> with = new ArrayList<>(sources);
    with.add(name);
    List<Anomaly> found = new ArrayList<>();
    for (Integer k : new java.util.TreeSet<>(merged.keySet())) {
      found.addAll(cycles(k, merged.get(k), with));
    }
    if (found.isEmpty()) {
      versions.clear();
      versions.putAll(merged);
      sources.add(name);
    } else {
      cyclic.addAll(found);
    }
  }

  private List<Anomaly> cycles(int k, VersionGraph g, List<String> sources) {
    Long2IntOpenHashMap ids = new Long2IntOpenHashMap();
    ids.defaultReturnValue(-1);
    LongArrayList vals = new LongArrayList();
    int m = g.from.size();
    int[] src = new int[m];
    int[] dst = new int[m];
    for (int i = 0; i < m; i++) {
      src[i] = id(ids, vals, g.from.getLong(i));
      dst[i] = id(ids, vals, g.to.getLong(i));
    }
    Digraph.Builder b = new Digraph.Builder(vals.size());
    for (int i = 0; i < m; i++) {
      b.add(src[i], dst[i], 1);
    }
    Scc s = Scc.of(b.build(), 1);
    TreeMap<Long, List<Long>> bySmallest = new TreeMap<>();
    Map<Integer, List<Long>> members = new HashMap<>();
    for (int v = 0; v < vals.size(); v++) {
      if (s.sizes[s.component[v]] > 1) {
        members.computeIfAbsent(s.component[v], c -> new ArrayList<>()).add(vals.getLong(v));
      }
    }
    for (List<Long> vs : members.values()) {
      long min = Long.MAX_VALUE;
      for (long v : vs) {
        min = Math.min(min, v);
      }
      bySmallest.put(min, vs);
    }
    List<Anomaly> out = new ArrayList<>();
    for (List<Long> vs : bySmallest.values()) {
      vs.sort(null);
      LinkedHashSet<Object> scc = new LinkedHashSet<>();
      for (long v : vs) {
        scc.add(h.valueObject(v));
      }
      List<Object> srcs = new ArrayList<>();
      for (String name : sources) {
        srcs.add(Keyword.of(name));
      }
      LinkedHashMap<Keyword, Object> c = new LinkedHashMap<>();
      c.put(KEY, h.key(k));
      c.put(SCC, java.util.Collections.unmodifiableSet(scc));
      c.put(SOURCES, EdnVector.copyOf(srcs));
      out.add(new CaseAnomaly("cyclic-versions", c));
    }
    return out;
  }

  private static int id(Long2IntOpenHashMap ids, LongArrayList vals, long v) {
    int i = ids.get(v);
    if (i < 0) {
      i = vals.size();
      vals.add(v);
      ids.put(v, i);
    }
    return i;
  }

  /** nil precedes every value read by an :ok transaction or written by an :ok or :info one. */
  private Map<Integer, VersionGraph> initialState() {
    Map<Integer, VersionGraph> out = new HashMap<>();
    for (int t = 0; t < n; t++) {
      if (h.isFail(t)) {
        continue;
      }
      for (int m = h.mopStart(t); m < h.mopStart(t + 1); m++) {
        long v = h.mopValue(m);
        boolean counts = extWrite[m] || (extRead[m] && h.isOk(t));
        if (counts && v != TxnHistory.NIL) {
          out.computeIfAbsent(h.mopKey(m), x -> new VersionGraph()).add(TxnHistory.NIL, v);
        }
      }
    }
    return out;
  }

  /**
   * A known commit order (completion {@code :index} to position): along it, each transaction's last value of a key
   * precedes the first value of that key in the next committed transaction touching the key. A later read of nil is
   * left to the initial state (nil precedes every version): ordering a version before nil would claim a cycle of
   * versions where there is only an anti-dependency.
   */
  private Map<Integer, VersionGraph> transactionOrder(Map<Long, Long> order) {
    List<long[]> placed = new ArrayList<>();
    for (int t = 0; t < n; t++) {
      Long p = order.get(h.index(t));
      if (p != null && (h.isOk(t) || committed[t])) {
        placed.add(new long[] {p, t});
      }
    }
    placed.sort((x, y) -> Long.compare(x[0], y[0]));
    Map<Integer, VersionGraph> out = new HashMap<>();
    Map<Integer, Integer> last = new HashMap<>();
    boolean[] has = new boolean[1];
    for (long[] pt : placed) {
      int b = (int) pt[1];
      for (int k : extKeys(b)) {
        Integer a = last.put(k, b);
        if (a == null) {
          continue;
        }
        long v1 = lastValue(a, k, has);
        if (!has[0]) {
          continue;
        }
        long v2 = firstValue(b, k, has);
        if (has[0] && v2 != TxnHistory.NIL) {
          out.computeIfAbsent(k, x -> new VersionGraph()).add(v1, v2);
        }
      }
    }
    return out;
  }

  /** Writes follow reads: an :ok transaction's external read of v then external write of v' puts v before v'. */
  private Map<Integer, VersionGraph> wfr() {
    Map<Integer, VersionGraph> out = new HashMap<>();
    for (int t = 0; t < n; t++) {
      if (!h.isOk(t)) {
        continue;
      }
      for (int m = h.mopStart(t); m < h.mopStart(t + 1); m++) {
        if (!extRead[m] || h.mopValue(m) == TxnHistory.NIL) {
          continue;
        }
        int w = extWriteOf(t, h.mopKey(m));
        if (w >= 0) {
          out.computeIfAbsent(h.mopKey(m), x -> new VersionGraph()).add(h.mopValue(m), h.mopValue(w));
        }
      }
    }
    return out;
  }

  private int extWriteOf(int t, int k) {
    for (int m = h.mopStart(t); m < h.mopStart(t + 1); m++) {
      if (extWrite[m] && h.mopKey(m) == k) {
        return m;
      }
    }
    return -1;
  }

  private int extReadOf(int t, int k) {
    for (int m = h.mopStart(t); m < h.mopStart(t + 1); m++) {
      if (extRead[m] && h.mopKey(m) == k) {
        return m;
      }
    }
    return -1;
  }

  /** The last external value of k in t (write, else read), or -2 when t has none (:info reads count for nothing). */
  private long lastValue(int t, int k, boolean[] has) {
    int w = extWriteOf(t, k);
    if (w >= 0) {
      has[0] = true;
      return h.mopValue(w);
    }
    int r = h.isOk(t) ? extReadOf(t, k) : -1;
    has[0] = r >= 0;
    return r >= 0 ? h.mopValue(r) : 0;
  }

  private long firstValue(int t, int k, boolean[] has) {
    int r = h.isOk(t) ? extReadOf(t, k) : -1;
    if (r >= 0) {
      has[0] = true;
      return h.mopValue(r);
    }
    int w = extWriteOf(t, k);
    has[0] = w >= 0;
    return w >= 0 ? h.mopValue(w) : 0;
  }

  /** Keys t interacts with externally (:info transactions: writes only). */
  private IntArrayList extKeys(int t) {
    IntArrayList ks = new IntArrayList();
    for (int m = h.mopStart(t); m < h.mopStart(t + 1); m++) {
      if ((extWrite[m] || (extRead[m] && h.isOk(t))) && !ks.contains(h.mopKey(m))) {
        ks.add(h.mopKey(m));
      }
    }
    return ks;
  }

  /**
   * Per-key sequential consistency: within each process's :ok transactions, the last value of a key in one
   * transaction precedes the first value of that key in the process's next transaction touching it (Elle derives the
   * same from the process order).
   */
  private Map<Integer, VersionGraph> sequential() {
    Map<Integer, VersionGraph> out = new HashMap<>();
    it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap last = new it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap();
    last.defaultReturnValue(-1);
    boolean[] has = new boolean[1];
    for (int b = 0; b < n; b++) {
      if (!h.isOk(b) || h.process(b) < 0) {
        continue;
      }
      for (int k : extKeys(b)) {
        long pk = ((long) h.process(b) << 32) | k;
        int a = last.put(pk, b);
        if (a < 0) {
          continue;
        }
        long v1 = lastValue(a, k, has);
        if (!has[0]) {
          continue;
        }
        long v2 = firstValue(b, k, has);
        if (has[0]) {
          out.computeIfAbsent(k, x -> new VersionGraph()).add(v1, v2);
        }
      }
    }
    return out;
  }

  /**
   * Per-key linearizability: a transaction's last value of a key precedes the first value of that key in each
   * transaction that began after it completed. Per key, only a transitive reduction of that real-time order is kept,
   * built as the checker builds real-time edges: a buffer of completed :ok transactions touching the key.
   */
  private Map<Integer, VersionGraph> linearizable() {
    Map<Integer, VersionGraph> out = new HashMap<>();
    Map<Integer, IntArrayList> buffer = new HashMap<>();
    Map<Integer, LongArrayList> joined = new HashMap<>();
    long[] invokedAt = new long[n];
    long clock = 0;
    boolean[] has = new boolean[1];
    for (int e = 0; e < h.eventCount(); e++) {
      int ev = h.event(e);
      int b = ev >> 1;
      if (h.isFail(b)) {
        continue;
      }
      if ((ev & 1) != 0) {
        invokedAt[b] = clock;
        for (int k : extKeys(b)) {
          IntArrayList buf = buffer.get(k);
          if (buf == null) {
            continue;
          }
          long v2 = firstValue(b, k, has);
          if (!has[0]) {
            continue;
          }
          for (int i = 0; i < buf.size(); i++) {
            long v1 = lastValue(buf.getInt(i), k, has);
            if (has[0]) {
              out.computeIfAbsent(k, x -> new VersionGraph()).add(v1, v2);
            }
          }
        }
        continue;
      }
      if (!h.isOk(b)) {
        continue;
      }
      for (int k : extKeys(b)) {
        IntArrayList buf = buffer.computeIfAbsent(k, x -> new IntArrayList());
        LongArrayList j = joined.computeIfAbsent(k, x -> new LongArrayList());
        if (h.invokeIndex(b) >= 0) {
          int w = 0;
          for (int i = 0; i < buf.size(); i++) {
            if (j.getLong(i) >= invokedAt[b]) {
              buf.set(w, buf.getInt(i));
              j.set(w, j.getLong(i));
              w++;
            }
          }
          buf.size(w);
          j.size(w);
        }
        buf.add(b);
        j.add(clock);
      }
      clock++;
    }
    return out;
  }

  private void versionEdges(Analysis a) {
    for (Map.Entry<Integer, VersionGraph> e : new TreeMap<>(versions).entrySet()) {
      int k = e.getKey();
      VersionGraph g = e.getValue();
      for (int i = 0; i < g.from.size(); i++) {
        long v1 = g.from.getLong(i);
        long v2 = g.to.getLong(i);
        int w2 = committedWriter(k, v2);
        if (w2 < 0) {
          continue;
        }
        int t2 = mopTxn[w2];
        int w1 = committedWriter(k, v1);
        if (w1 >= 0) {
          a.edges.add(mopTxn[w1], t2, Rels.WW);
        }
        for (int r = readers.get(k, v1); r >= 0; r = readerNext[r]) {
          a.edges.add(mopTxn[r], t2, Rels.RW);
        }
      }
    }
  }

  // ---------------------------------------------------------------- for VersionInference

  TxnHistory history() {
    return h;
  }

  boolean isCommitted(int t) {
    return committed[t];
  }

  boolean isExtWrite(int m) {
    return extWrite[m];
  }

  int committedWriterOf(int k, long v) {
    return committedWriter(k, v);
  }

  /** The :ok transactions whose external read of k returned v (nil included). */
  IntArrayList readersOf(int k, long v) {
    IntArrayList out = new IntArrayList(2);
    for (int r = readers.get(k, v); r >= 0; r = readerNext[r]) {
      out.add(mopTxn[r]);
    }
    return out;
  }

  /** Per value of {@code vs}: the bitmask of the others the known version graph of k puts before it. */
  long[] knownOrder(int k, long[] vs) {
    long[] before = new long[vs.length];
    VersionGraph g = versions.get(k);
    if (g == null) {
      return before;
    }
    it.unimi.dsi.fastutil.longs.Long2ObjectOpenHashMap<LongArrayList> out =
        new it.unimi.dsi.fastutil.longs.Long2ObjectOpenHashMap<>();
    for (int i = 0; i < g.from.size(); i++) {
      out.computeIfAbsent(g.from.getLong(i), x -> new LongArrayList()).add(g.to.getLong(i));
    }
    for (int i = 0; i < vs.length; i++) {
      it.unimi.dsi.fastutil.longs.LongOpenHashSet reached = new it.unimi.dsi.fastutil.longs.LongOpenHashSet();
      java.util.ArrayDeque<Long> todo = new java.util.ArrayDeque<>();
      todo.add(vs[i]);
      while (!todo.isEmpty()) {
        LongArrayList next = out.get((long) todo.poll());
        if (next == null) {
          continue;
        }
        for (int j = 0; j < next.size(); j++) {
          if (reached.add(next.getLong(j))) {
            todo.add(next.getLong(j));
          }
        }
      }
      for (int j = 0; j < vs.length; j++) {
        if (j != i && reached.contains(vs[j])) {
          before[j] |= 1L << i;
        }
      }
    }
    return before;
  }

  Step explainEdge(int a, int b, int label) {
    return explain(a, b, label);
  }

  /** A ww or rw step between versions v1 and v2 of key k that the version graph does not hold (inferred, or tried). */
  Step versionStep(int a, int b, int k, long v1, long v2, int rel, boolean tried) {
    boolean ww = rel == Rels.WW;
    return step(ww ? "ww" : "rw", k, v1, v2, first(a, ww ? TxnHistory.WRITE : TxnHistory.READ, k, v1),
        first(b, TxnHistory.WRITE, k, v2));
  }

  // ---------------------------------------------------------------- explanations

  private Step explain(int a, int b, int label) {
    for (int m = h.mopStart(a); m < h.mopStart(a + 1); m++) {
      int k = h.mopKey(m);
      long v = h.mopValue(m);
      if (label == Rels.WR) {
        if (!extWrite[m]) {
          continue;
        }
        int r = extReadOf(b, k);
        if (r >= 0 && h.mopValue(r) == v) {
          return step("wr", k, v, v, first(a, TxnHistory.WRITE, k, v), first(b, TxnHistory.READ, k, v));
        }
        continue;
      }
      boolean fromWrite = label == Rels.WW;
      if (fromWrite ? !extWrite[m] : !extRead[m]) {
        continue;
      }
      VersionGraph g = versions.get(k);
      int w = extWriteOf(b, k);
      if (g != null && w >= 0 && g.contains(v, h.mopValue(w))) {
        return step(fromWrite ? "ww" : "rw", k, v, h.mopValue(w),
            first(a, fromWrite ? TxnHistory.WRITE : TxnHistory.READ, k, v),
            first(b, TxnHistory.WRITE, k, h.mopValue(w)));
      }
    }
    throw new IllegalStateException("no explanation for " + Rels.name(label) + " edge " + a + " -> " + b);
  }

  private int first(int t, byte f, int k, long v) {
    for (int m = h.mopStart(t); m < h.mopStart(t + 1); m++) {
      if (h.mopF(m) == f && h.mopKey(m) == k && h.mopValue(m) == v) {
        return m - h.mopStart(t);
      }
    }
    return -1;
  }

  private Step step(String type, int k, long v, long v2, int aMop, int bMop) {
    return new Step(type, Workload.RW_REGISTER, h.key(k), h.valueObject(v),
        type.equals("wr") ? null : h.valueObject(v2), aMop, bMop, null, null, null);
  }

  // ---------------------------------------------------------------- non-cycle anomalies

  private List<Anomaly> g1a() {
    KeyValueMap failed = new KeyValueMap(16);
    for (int t = 0; t < n; t++) {
      if (h.isFail(t)) {
        for (int m = h.mopStart(t); m < h.mopStart(t + 1); m++) {
          if (h.mopF(m) == TxnHistory.WRITE) {
            failed.put(h.mopKey(m), h.mopValue(m), m);
          }
        }
      }
    }
    return readsOf(failed, "G1a");
  }

  private List<Anomaly> g1b() {
    KeyValueMap im = new KeyValueMap(16);
    int[] last = new int[h.keyCount()];
    Arrays.fill(last, -1);
    for (int t = 0; t < n; t++) {
      int start = h.mopStart(t);
      for (int m = start; m < h.mopStart(t + 1); m++) {
        if (h.mopF(m) == TxnHistory.WRITE) {
          int k = h.mopKey(m);
          if (last[k] >= start) {
            im.put(k, h.mopValue(last[k]), last[k]);
          }
          last[k] = m;
        }
      }
    }
    return readsOf(im, "G1b");
  }

  private List<Anomaly> readsOf(KeyValueMap writes, String type) {
    List<Anomaly> out = new ArrayList<>();
    if (writes.size() == 0) {
      return out;
    }
    for (int t = 0; t < n; t++) {
      if (!h.isOk(t)) {
        continue;
      }
      for (int m = h.mopStart(t); m < h.mopStart(t + 1); m++) {
        if (h.mopF(m) != TxnHistory.READ || h.mopValue(m) == TxnHistory.NIL) {
          continue;
        }
        int w = writes.get(h.mopKey(m), h.mopValue(m));
        if (w >= 0 && mopTxn[w] != t) {
          LinkedHashMap<Keyword, Object> c = new LinkedHashMap<>();
          c.put(OP, h.opData(t));
          c.put(MOP, h.mopData(m));
          c.put(WRITER, h.opData(mopTxn[w]));
          out.add(new CaseAnomaly(type, c));
        }
      }
    }
    return out;
  }

  /**
   * Reads by :ok transactions of values that no transaction wrote before them: {@code garbage-read} when no
   * transaction (of any type) ever wrote the value to the key, {@code future-read} when only the reading transaction
   * itself writes it, after the read (writes are unique per key, so nobody else could have). One future read per
   * transaction, as list-append reports it.
   */
  private void unwrittenReads(Analysis a) {
    KeyValueMap written = new KeyValueMap(h.mopCount() / 2 + 16);
    for (int m = 0; m < h.mopCount(); m++) {
      if (h.mopF(m) == TxnHistory.WRITE && written.get(h.mopKey(m), h.mopValue(m)) < 0) {
        written.put(h.mopKey(m), h.mopValue(m), m);
      }
    }
    List<Anomaly> garbage = new ArrayList<>();
    List<Anomaly> future = new ArrayList<>();
    for (int t = 0; t < n; t++) {
      if (!h.isOk(t)) {
        continue;
      }
      boolean futureFound = false;
      for (int m = h.mopStart(t); m < h.mopStart(t + 1); m++) {
        long v = h.mopValue(m);
        if (h.mopF(m) != TxnHistory.READ || v == TxnHistory.NIL) {
          continue;
        }
        int w = written.get(h.mopKey(m), v);
        if (w < 0) {
          garbage.add(new CaseAnomaly("garbage-read", readCase(t, m, v)));
        } else if (!futureFound && mopTxn[w] == t && w > m) {
          futureFound = true;
          future.add(new CaseAnomaly("future-read", readCase(t, m, v)));
        }
      }
    }
    a.add("garbage-read", garbage);
    a.add("future-read", future);
  }

  private Map<Keyword, Object> readCase(int t, int m, long v) {
    LinkedHashMap<Keyword, Object> c = new LinkedHashMap<>();
    c.put(OP, h.opData(t));
    c.put(MOP, h.mopData(m));
    c.put(ELEMENT, h.valueObject(v));
    return c;
  }

  /**
   * A read that disagrees with the transaction's own earlier write or read of the key; one per transaction. An
   * earlier read of {@code nil} counts (Elle skips it): a later read of a value, with no write of the transaction's
   * own in between, is a non-repeatable read.
   */
  private List<Anomaly> internal() {
    List<Anomaly> out = new ArrayList<>();
    long[] state = new long[h.keyCount()];
    int[] at = new int[h.keyCount()];
    Arrays.fill(at, -1);
    for (int t = 0; t < n; t++) {
      if (!h.isOk(t)) {
        continue;
      }
      for (int m = h.mopStart(t); m < h.mopStart(t + 1); m++) {
        int k = h.mopKey(m);
        long v = h.mopValue(m);
        if (h.mopF(m) == TxnHistory.WRITE) {
          state[k] = v;
          at[k] = t;
          continue;
        }
        if (at[k] == t && state[k] != v) {
          LinkedHashMap<Keyword, Object> c = new LinkedHashMap<>();
          c.put(OP, h.opData(t));
          c.put(MOP, h.mopData(m));
          c.put(EXPECTED, h.valueObject(state[k]));
          out.add(new CaseAnomaly("internal", c));
          break;
        }
        state[k] = v;
        at[k] = t;
      }
    }
    return out;
  }
}
