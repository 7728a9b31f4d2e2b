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
 * invocation's event slot, then {@link #read}, {@link #append}, {@link #write} or the list calls for each micro-op.
 */
public final class TxnHistoryBuilder {
  final String source;
  int size;
  byte[] type = new byte[1024];
  int[] process = new int[1024];
  long[] index = new long[1024];
  long[] invokeIndex = new long[1024];
  long[] time = new long[1024];
  long[] invokeTime = new long[1024];
  Keyword[] f = new Keyword[1024];
  int[] line = new int[1024];
  int[] position = new int[1024];
  int[] invokePosition = new int[1024];
  int[] mopStart = new int[1025];
  int mopCount;
  byte[] mopF = new byte[4096];
  int[] mopKey = new int[4096];
  long[] mopValue = new long[4096];
  int[] listStart = new int[4096];
  int[] listLength = new int[4096];
  Keyword[] otherF;
  long[] pool = new long[4096];
  int poolSize;
  int[] events = new int[2048];
  int eventCount;
  History history;

  final List<Object> keyTable = new ArrayList<>();
  private final Object2IntOpenHashMap<Object> keyIds = new Object2IntOpenHashMap<>();
  private final Long2IntOpenHashMap longKeyIds = new Long2IntOpenHashMap();
  List<Object> valueTable;
  private Object2IntOpenHashMap<Object> valueIds;
  private int openList = -1;

  public TxnHistoryBuilder(String source) {
    this.source = source;
    keyIds.defaultReturnValue(-1);
    longKeyIds.defaultReturnValue(-1);
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
