package madjep.history.txn;

import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import madjep.history.History;
import madjep.history.OpType;
import madjep.history.edn.Keyword;

/**
 * Appends transactions to a new {@link TxnHistory}. A reader calls {@link #invokeEvent()} when it meets an invocation
 * (it learns the transaction's number only at the completion), then for each completion {@link #beginTxn} with the
 * invocation's event slot, then {@link #mop}, {@link #otherMop} or the list calls ({@link #beginListRead}, {@link #listElement}) for each
 * micro-op.
 */
public final class TxnHistoryBuilder {
  final String source;
  int size;
  byte[] type;
  int[] process;
  long[] index;
  long[] invokeIndex;
  long[] time;
  long[] invokeTime;
  Keyword[] f;
  int[] line;
  int[] position;
  int[] invokePosition;
  int[] mopStart;
  int mopCount;
  byte[] mopF;
  int[] mopKey;
  long[] mopValue;
  int[] listStart;
  int[] listLength;
  Keyword[] otherF;
  long[] pool;
  int poolSize;
  int[] events;
  int eventCount;
  History history;

  final List<Object> keyTable = new ArrayList<>();
  private final Object2IntOpenHashMap<Object> keyIds = new Object2IntOpenHashMap<>();
  private final Long2IntOpenHashMap longKeyIds = new Long2IntOpenHashMap();
  /** Ids of integer keys 0..65535, the common case, without hashing. */
  private final int[] smallKeyIds = newFilled(1 << 16);
  List<Object> valueTable;
  private Object2IntOpenHashMap<Object> valueIds;
  private int openList = -1;

  public TxnHistoryBuilder(String source) {
    this(source, 1024, 4096, 4096);
  }

  /** A builder with room for about this many transactions, micro-ops and list elements before it grows. */
  public TxnHistoryBuilder(String source, int txns, int mops, int elements) {
    this.source = source;
    txns = Math.max(txns, 16);
    mops = Math.max(mops, 16);
    type = new byte[txns];
    process = new int[txns];
    index = new long[txns];
    invokeIndex = new long[txns];
    time = new long[txns];
    invokeTime = new long[txns];
    f = new Keyword[txns];
    line = new int[txns];
    position = new int[txns];
    invokePosition = new int[txns];
    mopStart = new int[txns + 1];
    mopF = new byte[mops];
    mopKey = new int[mops];
    mopValue = new long[mops];
    listStart = new int[mops];
    listLength = new int[mops];
    pool = new long[Math.max(elements, 16)];
    events = new int[2 * txns];
    keyIds.defaultReturnValue(-1);
    longKeyIds.defaultReturnValue(-1);
  }

  private static int[] newFilled(int n) {
    int[] a = new int[n];
    Arrays.fill(a, -1);
    return a;
  }

  /** Remembers the History whose ops the transactions are, so that results can show them whole. */
  public void history(History h) {
    this.history = h;
  }

  /** Reserves the event slot of an invocation, in file order; returns the slot to pass to {@link #beginTxn}. */
  public int invokeEvent() {
    if (eventCount == events.length) {
      events = Arrays.copyOf(events, eventCount * 2);
    }
    events[eventCount] = -1;
    return eventCount++;
  }

  /**
   * Begins a transaction for a completion.
   *
   * @param invokeSlot the invocation's event slot, or -1 when the completion has none
   * @return the transaction's number
   */
  public int beginTxn(OpType opType, int proc, long idx, long t, int invokeSlot, long invIdx, long invTime,
      Keyword fn, int atLine) {
    closeList();
    if (size == type.length) {
      growTxns();
    }
    int x = size++;
    type[x] = (byte) opType.ordinal();
    process[x] = proc;
    index[x] = idx;
    time[x] = t;
    invokeIndex[x] = invokeSlot >= 0 ? invIdx : -1;
    invokeTime[x] = invokeSlot >= 0 ? invTime : -1;
    f[x] = fn;
    line[x] = atLine;
    mopStart[x] = mopCount;
    mopStart[x + 1] = mopCount;
    if (invokeSlot >= 0) {
      events[invokeSlot] = x * 2 + 1;
    }
    if (eventCount == events.length) {
      events = Arrays.copyOf(events, eventCount * 2);
    }
    events[eventCount++] = x * 2;
    return x;
  }

  /** Where the transaction's ops sit in the History given to {@link #history(History)}. */
  public void positions(int txn, int completion, int invocation) {
    position[txn] = completion;
    invokePosition[txn] = invocation;
  }

  /** The id of a key. */
  public int key(Object k) {
    if (k instanceof Long l) {
      return longKey(l);
    }
    int id = keyIds.getInt(k);
    if (id < 0) {
      id = keyTable.size();
      keyTable.add(k);
      keyIds.put(k, id);
    }
    return id;
  }

  /** The id of an integer key. */
  public int longKey(long k) {
    if (k >= 0 && k < smallKeyIds.length) {
      int id = smallKeyIds[(int) k];
      if (id >= 0) {
        return id;
      }
      id = keyTable.size();
      keyTable.add(madjep.history.edn.EdnParser.box(k));
      smallKeyIds[(int) k] = id;
      return id;
    }
    int id = longKeyIds.get(k);
    if (id < 0) {
      id = keyTable.size();
      keyTable.add(madjep.history.edn.EdnParser.box(k));
      longKeyIds.put(k, id);
    }
    return id;
  }

  /** The encoding of a value: the integer itself while every value is one, else an id into the value table. */
  public long value(Object v) {
    if (v == null) {
      return TxnHistory.NIL;
    }
    if (valueTable == null) {
      if (v instanceof Long l && l > TxnHistory.NIL + 1) {
        return l;
      }
      internValues();
    }
    return valueId(v);
  }

  /** The encoding of an integer value. */
  public long longValue(long v) {
    if (valueTable == null && v > TxnHistory.NIL + 1) {
      return v;
    }
    if (valueTable == null) {
      internValues();
    }
    return valueId(madjep.history.edn.EdnParser.box(v));
  }

  private long valueId(Object v) {
    int id = valueIds.getInt(v);
    if (id < 0) {
      id = valueTable.size();
      valueTable.add(v);
      valueIds.put(v, id);
    }
    return id;
  }

  /** Switches to interned values, re-encoding every value stored so far. */
  private void internValues() {
    valueTable = new ArrayList<>();
    valueIds = new Object2IntOpenHashMap<>();
    valueIds.defaultReturnValue(-1);
    for (int m = 0; m < mopCount; m++) {
      if (mopValue[m] != TxnHistory.NIL) {
        mopValue[m] = valueId(madjep.history.edn.EdnParser.box(mopValue[m]));
      }
    }
    for (int i = 0; i < poolSize; i++) {
      if (pool[i] != TxnHistory.NIL) {
        pool[i] = valueId(madjep.history.edn.EdnParser.box(pool[i]));
      }
    }
  }

  /** Adds a micro-op with a scalar value (already encoded by {@link #value} or {@link #longValue}). */
  public void mop(byte fn, int k, long v) {
    closeList();
    int m = newMop();
    mopF[m] = fn;
    mopKey[m] = k;
    mopValue[m] = v;
    listStart[m] = -1;
    listLength[m] = 0;
  }

  /** Adds a micro-op whose function is not :r, :append or :w. */
  public void otherMop(Keyword fn, int k, long v) {
    mop(TxnHistory.OTHER, k, v);
    if (otherF == null) {
      otherF = new Keyword[mopF.length];
    }
    otherF[mopCount - 1] = fn;
  }

  /** Begins a read whose value is a list; add its elements with {@link #listElement}. */
  public void beginListRead(int k) {
    closeList();
    int m = newMop();
    mopF[m] = TxnHistory.READ;
    mopKey[m] = k;
    mopValue[m] = TxnHistory.NIL;
    listStart[m] = poolSize;
    listLength[m] = 0;
    openList = m;
  }

  /** Adds an element (encoded) to the open list read. */
  public void listElement(long v) {
    if (poolSize == pool.length) {
      pool = Arrays.copyOf(pool, poolSize * 2);
    }
    pool[poolSize++] = v;
    listLength[openList]++;
  }

  private void closeList() {
    openList = -1;
  }

  private int newMop() {
    if (mopCount == mopF.length) {
      int n = mopCount * 2;
      mopF = Arrays.copyOf(mopF, n);
      mopKey = Arrays.copyOf(mopKey, n);
      mopValue = Arrays.copyOf(mopValue, n);
      listStart = Arrays.copyOf(listStart, n);
      listLength = Arrays.copyOf(listLength, n);
      if (otherF != null) {
        otherF = Arrays.copyOf(otherF, n);
      }
    }
    int m = mopCount++;
    mopStart[size] = mopCount;
    return m;
  }

  private void growTxns() {
    int n = type.length * 2;
    type = Arrays.copyOf(type, n);
    process = Arrays.copyOf(process, n);
    index = Arrays.copyOf(index, n);
    invokeIndex = Arrays.copyOf(invokeIndex, n);
    time = Arrays.copyOf(time, n);
    invokeTime = Arrays.copyOf(invokeTime, n);
    f = Arrays.copyOf(f, n);
    line = Arrays.copyOf(line, n);
    position = Arrays.copyOf(position, n);
    invokePosition = Arrays.copyOf(invokePosition, n);
    mopStart = Arrays.copyOf(mopStart, n + 1);
  }

  /** The history; invocations that never completed are dropped. The builder is spent. */
  public TxnHistory build() {
    closeList();
    int w = 0;
    for (int e = 0; e < eventCount; e++) {
      if (events[e] >= 0) {
        events[w++] = events[e];
      }
    }
    eventCount = w;
    mopStart[size] = mopCount;
    return new TxnHistory(this);
  }
}
