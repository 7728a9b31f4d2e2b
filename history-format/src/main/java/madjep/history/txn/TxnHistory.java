package madjep.history.txn;

import java.util.LinkedHashMap;
import java.util.Map;
import madjep.history.DataError;
import madjep.history.History;
import madjep.history.Op;
import madjep.history.OpType;
import madjep.history.edn.EdnParser;
import madjep.history.edn.EdnVector;
import madjep.history.edn.Keyword;

/**
 * A transactional history as columns: transactions (one per client completion: :ok, :fail or :info, in file order)
 * and their micro-ops {@code [f k v]}. Keys are interned to ints ({@link #key(int)} gives the value back). Values are
 * longs: the integer itself, or, when the history has a value that is not an integer, an id into a value table
 * ({@link #valueObject(long)} gives the value back either way). {@link #NIL} stands for {@code nil}. A read's list
 * ({@code [:r k [1 2]]}) lives in one shared pool of values: {@link #listStart(int)}, {@link #listLength(int)}.
 *
 * <p>Immutable once built; safe to share between threads.
 */
public final class TxnHistory {
  /** The value {@code nil}. */
  public static final long NIL = Long.MIN_VALUE;
  /** Micro-op functions. */
  public static final byte READ = 0;
  public static final byte APPEND = 1;
  public static final byte WRITE = 2;
  /** A micro-op function other than :r, :append and :w. */
  public static final byte OTHER = 3;

  static final Keyword K_R = Keyword.of("r");
  static final Keyword K_APPEND = Keyword.of("append");
  static final Keyword K_W = Keyword.of("w");
  static final Keyword K_INDEX = Keyword.of("index");
  static final Keyword K_TIME = Keyword.of("time");
  static final Keyword K_TYPE = Keyword.of("type");
  static final Keyword K_PROCESS = Keyword.of("process");
  static final Keyword K_F = Keyword.of("f");
  static final Keyword K_VALUE = Keyword.of("value");
  static final Keyword K_ERROR = Keyword.of("error");

  final String source;
  final int size;
  final byte[] type;
  final int[] process;
  final long[] index;
  final long[] invokeIndex;
  final long[] time;
  final long[] invokeTime;
  final Keyword[] f;
  final int[] line;
  final int[] mopStart;
  final byte[] mopF;
  final int[] mopKey;
  final long[] mopValue;
  final int[] listStart;
  final int[] listLength;
  final long[] pool;
  final Object[] keys;
  final Object[] values;
  final Keyword[] otherF;
  final int[] events;
  final int eventCount;
  final History history;
  final int[] position;
  final int[] invokePosition;

  /** Takes the builder's arrays as they are (they may be longer than needed): no copy of a large history. */
  TxnHistory(TxnHistoryBuilder b) {
    this.source = b.source;
    this.size = b.size;
    this.type = b.type;
    this.process = b.process;
    this.index = b.index;
    this.invokeIndex = b.invokeIndex;
    this.time = b.time;
    this.invokeTime = b.invokeTime;
    this.f = b.f;
    this.line = b.line;
    this.mopStart = b.mopStart;
    this.mopF = b.mopF;
    this.mopKey = b.mopKey;
    this.mopValue = b.mopValue;
    this.listStart = b.listStart;
    this.listLength = b.listLength;
    this.pool = b.pool;
    this.keys = b.keyTable.toArray();
    this.values = b.valueTable == null ? null : b.valueTable.toArray();
    this.otherF = b.otherF;
    this.events = b.events;
    this.eventCount = b.eventCount;
    this.history = b.history;
    this.position = b.history == null ? null : b.position;
    this.invokePosition = b.history == null ? null : b.invokePosition;
  }

  /** The file or label the history came from. */
  public String source() {
    return source;
  }

  /** The number of transactions (client completions). */
  public int size() {
    return size;
  }

  public OpType type(int t) {
    return OpType.values()[type[t]];
  }

  public boolean isOk(int t) {
    return type[t] == 1;
  }

  public boolean isFail(int t) {
    return type[t] == 2;
  }

  public boolean isInfo(int t) {
    return type[t] == 3;
  }

  /** The client process, or {@link History#NO_PROCESS}. */
  public int process(int t) {
    return process[t];
  }

  /** The completion's {@code :index}. */
  public long index(int t) {
    return index[t];
  }

  /** The invocation's {@code :index}, or -1 when the completion has no invocation. */
  public long invokeIndex(int t) {
    return invokeIndex[t];
  }

  /** The completion's {@code :time}, or -1. */
  public long time(int t) {
    return time[t];
  }

  /** The invocation's {@code :time}, or -1. */
  public long invokeTime(int t) {
    return invokeTime[t];
  }

  /** The transaction's {@code :f}, or null. */
  public Keyword f(int t) {
    return f[t];
  }

  /** The 1-based line of the completion, or 0 when unknown. */
  public int line(int t) {
    return line[t];
  }

  /** The first micro-op of transaction t; its micro-ops are {@code mopStart(t) .. mopStart(t + 1) - 1}. */
  public int mopStart(int t) {
    return mopStart[t];
  }

  /** The total number of micro-ops. */
  public int mopCount() {
    return mopStart[size];
  }

  /** {@link #READ}, {@link #APPEND}, {@link #WRITE} or {@link #OTHER}. */
  public byte mopF(int m) {
    return mopF[m];
  }

  /** The interned key of micro-op m. */
  public int mopKey(int m) {
    return mopKey[m];
  }

  /** The value of micro-op m (a read's value when it is not a list), or {@link #NIL}. */
  public long mopValue(int m) {
    return mopValue[m];
  }

  /** The start of micro-op m's list in {@link #pool(int)}, or -1 when its value is not a list. */
  public int listStart(int m) {
    return listStart[m];
  }

  /** The length of micro-op m's list (0 when its value is not a list). */
  public int listLength(int m) {
    return listLength[m];
  }

  /** Element i of the shared list pool. */
  public long pool(int i) {
    return pool[i];
  }

  /** The number of distinct keys. */
  public int keyCount() {
    return keys.length;
  }

  /** The key with id k, as the history wrote it. */
  public Object key(int k) {
    return keys[k];
  }

  /** True when values are ids into a table rather than the integers themselves. */
  public boolean valuesInterned() {
    return values != null;
  }

  /** A value as the history wrote it. */
  public Object valueObject(long v) {
    if (v == NIL) {
      return null;
    }
    return values == null ? EdnParser.box(v) : values[(int) v];
  }

  /** The function keyword of an {@link #OTHER} micro-op. */
  public Keyword otherF(int m) {
    return otherF == null ? null : otherF[m];
  }

  /** The number of events: invocations and completions of transactions, in file order. */
  public int eventCount() {
    return eventCount;
  }

  /** Event e: {@code t * 2 + 1} for the invocation of transaction t, {@code t * 2} for its completion. */
  public int event(int e) {
    return events[e];
  }

  /** A data error located at transaction t's completion. */
  public DataError errorAt(int t, String detail) {
    if (history != null) {
      return history.errorAt(position[t], detail);
    }
    return new DataError(source, line[t], 0, index[t], detail);
  }

  /** Micro-op m as EDN: {@code [:append k v]}, {@code [:r k [1 2]]}. */
  public EdnVector mopData(int m) {
    Keyword fn = switch (mopF[m]) {
      case READ -> K_R;
      case APPEND -> K_APPEND;
      case WRITE -> K_W;
      default -> otherF(m);
    };
    return EdnVector.of(fn, keys[mopKey[m]], mopValueData(m));
  }

  /** Micro-op m's value as EDN: a vector for a list read, else the value. */
  public Object mopValueData(int m) {
    if (listStart[m] >= 0) {
      Object[] items = new Object[listLength[m]];
      for (int i = 0; i < items.length; i++) {
        items[i] = valueObject(pool[listStart[m] + i]);
      }
      return EdnVector.of(items);
    }
    return valueObject(mopValue[m]);
  }

  /** The completion of transaction t as an op map, Jepsen style: every field of the original op. */
  public Map<Keyword, Object> opData(int t) {
    if (history != null) {
      return opMap(history.op(position[t]));
    }
    LinkedHashMap<Keyword, Object> m = new LinkedHashMap<>();
    m.put(K_INDEX, EdnParser.box(index[t]));
    m.put(K_TIME, EdnParser.box(time[t]));
    m.put(K_TYPE, type(t).keyword());
    m.put(K_PROCESS, process[t] >= 0 ? EdnParser.box(process[t]) : null);
    m.put(K_F, f[t]);
    m.put(K_VALUE, valueData(t));
    return m;
  }

  /** The invocation of transaction t as an op map, or null when it has none. */
  public Map<Keyword, Object> invokeData(int t) {
    if (invokeIndex[t] < 0) {
      return null;
    }
    if (history != null) {
      return opMap(history.op(invokePosition[t]));
    }
    LinkedHashMap<Keyword, Object> m = new LinkedHashMap<>();
    m.put(K_INDEX, EdnParser.box(invokeIndex[t]));
    m.put(K_TIME, EdnParser.box(invokeTime[t]));
    m.put(K_TYPE, OpType.INVOKE.keyword());
    m.put(K_PROCESS, process[t] >= 0 ? EdnParser.box(process[t]) : null);
    m.put(K_F, f[t]);
    Object[] mops = new Object[mopStart[t + 1] - mopStart[t]];
    for (int m2 = mopStart[t], i = 0; m2 < mopStart[t + 1]; m2++, i++) {
      Object v = mopF[m2] == READ ? null : valueObject(mopValue[m2]);
      mops[i] = EdnVector.of(mopData(m2).get(0), keys[mopKey[m2]], v);
    }
    m.put(K_VALUE, EdnVector.of(mops));
    return m;
  }

  private EdnVector valueData(int t) {
    Object[] mops = new Object[mopStart[t + 1] - mopStart[t]];
    for (int m = mopStart[t], i = 0; m < mopStart[t + 1]; m++, i++) {
      mops[i] = mopData(m);
    }
    return EdnVector.of(mops);
  }

  private static Map<Keyword, Object> opMap(Op op) {
    LinkedHashMap<Keyword, Object> m = new LinkedHashMap<>();
    m.put(K_INDEX, EdnParser.box(op.index()));
    m.put(K_TIME, EdnParser.box(op.time()));
    m.put(K_TYPE, op.type().keyword());
    m.put(K_PROCESS, op.process());
    m.put(K_F, op.f());
    m.put(K_VALUE, op.value());
    if (op.error() != null) {
      m.put(K_ERROR, op.error());
    }
    m.putAll(op.extras());
    return m;
  }

  @Override
  public String toString() {
    return "TxnHistory[" + source + ", " + size + " txns]";
  }
}
