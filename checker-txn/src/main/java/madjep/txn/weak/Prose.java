package madjep.txn.weak;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import madjep.history.edn.Edn;
import madjep.history.edn.EdnParser;
import madjep.history.edn.EdnVector;
import madjep.history.edn.Keyword;
import madjep.history.txn.TxnHistory;
import madjep.txn.ExplainedAnomaly;

/**
 * Builds one explained violation: names the transactions T1, T2, ... in the order they are added (others by their
 * index), and collects the sentences and the evidence steps as EDN data.
 */
final class Prose {
  static final Keyword TYPE = Keyword.of("type");
  static final Keyword KEY = Keyword.of("key");
  static final Keyword VALUE = Keyword.of("value");
  static final Keyword PROCESS = Keyword.of("process");
  static final Keyword MOP = Keyword.of("mop");
  static final Keyword OP = Keyword.of("op");
  static final Keyword WRITER = Keyword.of("writer");
  static final Keyword WRITE = Keyword.of("write");
  static final Keyword BECAUSE = Keyword.of("because");
  static final Keyword CYCLE = Keyword.of("cycle");
  static final Keyword STEPS = Keyword.of("steps");
  static final Keyword READER = Keyword.of("reader");
  static final Keyword READ = Keyword.of("read");
  static final Keyword INDEX = Keyword.of("index");

  private final Observations o;
  private final TxnHistory h;
  private final String type;
  private final List<Integer> named = new ArrayList<>();
  private final List<String> lines = new ArrayList<>();

  Prose(Observations o, String type) {
    this.o = o;
    this.h = o.h;
    this.type = type;
  }

  /** Names t as the next Tn (if not named yet). */
  Prose name(int t) {
    if (!named.contains(t)) {
      named.add(t);
    }
    return this;
  }

  /** T1, T2, ... for named transactions, else "the transaction at index i". */
  String of(int t) {
    int i = named.indexOf(t);
    return i >= 0 ? "T" + (i + 1) : "the transaction at index " + h.index(t);
  }

  Prose line(String s) {
    lines.add(s);
    return this;
  }

  // ---------------------------------------------------------------- sentences

  /** Why a precedes b in session order. */
  String session(int a, int b) {
    return "process " + Edn.print(h.opData(b).get(PROCESS)) + " executed " + of(a) + " before " + of(b);
  }

  /** How read r (of its transaction) observed writer w: "T2 observed T1's append of 3 to :x". */
  String observed(int r, int w) {
    int t = o.readTxn(r);
    int k = o.readKey[r];
    if (o.lists) {
      return of(t) + " observed " + of(w) + "'s append of " + Edn.print(h.valueObject(runElement(r, w))) + " to "
          + Edn.print(h.key(k));
    }
    return of(t) + " read " + Edn.print(h.key(k)) + " = " + Edn.print(h.valueObject(h.mopValue(o.readMop[r])))
        + ", written by " + of(w);
  }

  /** w's write of k: "T1's append of 2 to :x" or "T1's write of :x = 2". */
  String write(int w, int k) {
    int m = o.firstWriteOf(w, k);
    String v = Edn.print(h.valueObject(h.mopValue(m)));
    return o.lists ? of(w) + "'s append of " + v + " to " + Edn.print(h.key(k))
        : of(w) + "'s write of " + Edn.print(h.key(k)) + " = " + v;
  }

  /** "its read of :x, [1 2]" / "its read of :x = nil" for read r. */
  String read(int r) {
    int m = o.readMop[r];
    String v = Edn.print(h.mopValueData(m));
    return of(o.readTxn(r)) + "'s read of " + Edn.print(h.key(h.mopKey(m))) + (o.lists ? ", " + v : " = " + v);
  }

  long runElement(int r, int w) {
    for (int i = o.runStart[r]; i < o.runStart[r] + o.runCount[r]; i++) {
      if (o.runTxn[i] == w) {
        return o.runElement[i];
      }
    }
    return TxnHistory.NIL;
  }

  // ---------------------------------------------------------------- data

  Map<Keyword, Object> processStep(int a, int b) {
    LinkedHashMap<Keyword, Object> m = new LinkedHashMap<>();
    m.put(TYPE, Keyword.of("process"));
    m.put(PROCESS, h.opData(b).get(PROCESS));
    return m;
  }

  Map<Keyword, Object> observedStep(int r, int w) {
    LinkedHashMap<Keyword, Object> m = new LinkedHashMap<>();
    m.put(TYPE, Keyword.of("wr"));
    m.put(KEY, h.key(o.readKey[r]));
    m.put(VALUE, o.lists ? h.valueObject(runElement(r, w)) : h.valueObject(h.mopValue(o.readMop[r])));
    m.put(MOP, h.mopData(o.readMop[r]));
    return m;
  }

  /** The violation, with {@code data} as its evidence map. */
  ExplainedAnomaly build(Map<Keyword, Object> data) {
    List<Map<Keyword, Object>> txns = new ArrayList<>();
    for (int t : named) {
      txns.add(h.opData(t));
    }
    return new ExplainedAnomaly(type, txns, data, lines);
  }

  /** The common evidence of a missed write: the reader, its read, the writer and the write it missed. */
  Map<Keyword, Object> missed(int r, int a, List<Map<Keyword, Object>> because) {
    LinkedHashMap<Keyword, Object> d = new LinkedHashMap<>();
    d.put(OP, h.opData(o.readTxn(r)));
    d.put(MOP, h.mopData(o.readMop[r]));
    d.put(WRITER, h.opData(a));
    d.put(WRITE, h.mopData(o.firstWriteOf(a, o.readKey[r])));
    d.put(BECAUSE, EdnVector.copyOf(new ArrayList<Object>(because)));
    return d;
  }

  static Object index(long i) {
    return EdnParser.box(i);
  }
}
