package madjep.history;

import java.util.AbstractList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import madjep.history.edn.EdnParser;
import madjep.history.edn.Keyword;

/**
 * A Jepsen history: ops in order, held as columns of primitives so that ten million ops fit in a few hundred MB.
 * Op {@code i} is the op at position {@code i} (0-based, file order); its {@link #index(int)} is Jepsen's
 * {@code :index}, dense from 0 when the input had none.
 *
 * <p>Invocations are paired with their completions per process once, when the history is built: {@link
 * #pair(int)}. Problems found while pairing are kept in {@link #problems()}; {@link #requireWellFormed()} turns the
 * first into a {@link DataError}.
 *
 * <p>Processes are ints: a client's number (0 and up), {@link #NO_PROCESS} when the op names none, or a negative
 * code for a named process such as {@code :nemesis} ({@link #processName(int)}).
 *
 * <p>Immutable and safe to share between threads.
 */
public final class History {
  /** The process code of an op without {@code :process}. */
  public static final int NO_PROCESS = -1;

  final String source;
  final int size;
  /** Null when indices are dense: index(i) == i. */
  final long[] index;
  /** Null when no op has a time. */
  final long[] time;
  final byte[] type;
  final int[] process;
  final Keyword[] processNames;
  final Keyword[] f;
  final Object[] value;
  /** Null when no op has an error. */
  final Object[] error;
  /** Null when no op has other keys; else per op null or alternating keys and values. */
  final Object[][] extras;
  /** Null when the history was not read from text. */
  final int[] line;
  final int[] column;
  final int[] pair;
  final List<HistoryProblem> problems;
  final int problemCount;
  final List<String> readingNotes;

  History(
      String source,
      int size,
      long[] index,
      long[] time,
      byte[] type,
      int[] process,
      Keyword[] processNames,
      Keyword[] f,
      Object[] value,
      Object[] error,
      Object[][] extras,
      int[] line,
      int[] column,
      int[] pair,
      List<HistoryProblem> problems,
      int problemCount,
      List<String> readingNotes) {
    this.source = source;
    this.size = size;
    this.index = index;
    this.time = time;
    this.type = type;
    this.process = process;
    this.processNames = processNames;
    this.f = f;
    this.value = value;
    this.error = error;
    this.extras = extras;
    this.line = line;
    this.column = column;
    this.pair = pair;
    this.problems = problems;
    this.problemCount = problemCount;
    this.readingNotes = readingNotes;
  }

  /** A history of the given ops, in order; ops without an index get dense ones. */
  public static History of(String source, List<Op> ops) {
    HistoryBuilder b = new HistoryBuilder(source);
    for (Op op : ops) {
      b.add(op);
    }
    return b.build();
  }

  /** A history of the given ops, named {@code "<ops>"}. */
  public static History of(Op... ops) {
    return of("<ops>", List.of(ops));
  }

  /** A builder that appends ops one at a time. */
  public static HistoryBuilder builder(String source) {
    return new HistoryBuilder(source);
  }

  /** The file (or other label) this history was read from. */
  public String source() {
    return source;
  }

  /**
   * How the reader read this history where the input was not the plain format (a producer's dialect, such as
   * jepsen-rs's colon-prefixed JSON keys, or a conversion, such as a string {@code :f} taken as a keyword); empty
   * for plain input. {@code madjep history stats} prints these.
   */
  public List<String> readingNotes() {
    return readingNotes;
  }

  /** The number of ops. */
  public int size() {
    return size;
  }

  /** Jepsen's {@code :index} of op {@code i}. */
  public long index(int i) {
    checkIndex(i);
    return index == null ? i : index[i];
  }

  /** Nanoseconds since the start of the test, or -1 when the op has no {@code :time}. */
  public long time(int i) {
    checkIndex(i);
    return time == null ? -1 : time[i];
  }

  /** True when at least one op has a {@code :time}. */
  public boolean hasTime() {
    return time != null;
  }

  public OpType type(int i) {
    return OpType.ofOrdinal(type[i]);
  }

  public boolean isInvoke(int i) {
    return type[i] == 0;
  }

  public boolean isOk(int i) {
    return type[i] == 1;
  }

  public boolean isFail(int i) {
    return type[i] == 2;
  }

  public boolean isInfo(int i) {
    return type[i] == 3;
  }

  /** The process code: a client number (0 and up), {@link #NO_PROCESS}, or a negative named-process code. */
  public int process(int i) {
    return process[i];
  }

  /** True when op {@code i} comes from a client (a numbered process). */
  public boolean isClient(int i) {
    return process[i] >= 0;
  }

  /** The name of a named-process code such as {@code :nemesis}, or null for client codes and NO_PROCESS. */
  public Keyword processName(int code) {
    return code <= -2 ? processNames[-2 - code] : null;
  }

  /** The process as written: a {@code Long}, a {@link Keyword}, or null. */
  public Object processValue(int i) {
    int p = process[i];
    return p >= 0 ? EdnParser.box(p) : processName(p);
  }

  /** The op's {@code :f}, or null. */
  public Keyword f(int i) {
    return f[i];
  }

  /** The op's {@code :value}: any EDN value. */
  public Object value(int i) {
    return value[i];
  }

  /** The op's {@code :error}, or null. */
  public Object error(int i) {
    checkIndex(i);
    return error == null ? null : error[i];
  }

  /** The value of another key of op {@code i}, or null. */
  public Object extra(int i, Keyword key) {
    checkIndex(i);
    Object[] kv = extras == null ? null : extras[i];
    if (kv != null) {
      for (int k = 0; k < kv.length; k += 2) {
        if (key.equals(kv[k])) {
          return kv[k + 1];
        }
      }
    }
    return null;
  }

  /**
   * How many other keys op {@code i} was given, counted as given: {@link #extras} holds fewer when a key repeats
   * (a later value replaces an earlier one). With {@link #extraKey} and {@link #extraValue}, the allocation-free way
   * for a writer to walk them.
   */
  public int extraCount(int i) {
    checkIndex(i);
    Object[] kv = extras == null ? null : extras[i];
    return kv == null ? 0 : kv.length / 2;
  }

  /** The {@code k}th other key of op {@code i}, as given ({@code k < extraCount(i)}). */
  public Keyword extraKey(int i, int k) {
    return (Keyword) extras[i][2 * k];
  }

  /** The value of the {@code k}th other key of op {@code i}, as given ({@code k < extraCount(i)}). */
  public Object extraValue(int i, int k) {
    return extras[i][2 * k + 1];
  }

  /** True when op {@code i} was given some other key twice (then {@link #extras} keeps the last value). */
  public boolean extraKeyRepeats(int i) {
    int n = extraCount(i);
    for (int k = 1; k < n; k++) {
      for (int j = 0; j < k; j++) {
        if (extras[i][2 * k].equals(extras[i][2 * j])) {
          return true;
        }
      }
    }
    return false;
  }

  /** The op's other keys in input order; empty when none. */
  public Map<Keyword, Object> extras(int i) {
    checkIndex(i);
    Object[] kv = extras == null ? null : extras[i];
    if (kv == null) {
      return Map.of();
    }
    LinkedHashMap<Keyword, Object> m = new LinkedHashMap<>();
    for (int k = 0; k < kv.length; k += 2) {
      m.put((Keyword) kv[k], kv[k + 1]);
    }
    return Collections.unmodifiableMap(m);
  }

  /**
   * The position of the op paired with op {@code i}: an invocation's completion, or a completion's invocation;
   * -1 when there is none (an invocation that never completed, or an op without a process).
   */
  public int pair(int i) {
    if (pair == null) {
      throw new IllegalStateException("a history still being recorded (HistoryBuilder.prefix) has no pairs yet");
    }
    return pair[i];
  }

  /** The 1-based line op {@code i} starts on, or 0 when unknown. */
  public int line(int i) {
    checkIndex(i);
    return line == null ? 0 : line[i];
  }

  /** The 1-based column op {@code i} starts at, or 0 when unknown. */
  public int column(int i) {
    checkIndex(i);
    return column == null ? 0 : column[i];
  }

  /** Problems found while pairing, in op order (at most the first {@value HistoryBuilder#MAX_PROBLEMS}). */
  public List<HistoryProblem> problems() {
    return problems;
  }

  /** How many problems pairing found, including those beyond the ones kept. */
  public int problemCount() {
    return problemCount;
  }

  /** This history, or a {@link DataError} for its first problem. */
  public History requireWellFormed() {
    if (!problems.isEmpty()) {
      throw problems.get(0).toError(source);
    }
    return this;
  }

  /**
   * A data error about the value of op {@code i} ({@link DataError.Kind#VALUE_SHAPE}), located at its line and
   * column, or at its index when those are unknown. {@code detail} says what was expected and what was found.
   */
  public DataError errorAt(int i, String detail) {
    return new DataError(DataError.Kind.VALUE_SHAPE, source, line(i), column(i), index(i), detail);
  }

  /** Op {@code i} as a value. */
  public Op op(int i) {
    return new Op(index(i), time(i), type(i), processValue(i), f[i], value[i], error(i), extras(i));
  }

  /** The ops as a list view, built on demand; for small histories and tests. */
  public List<Op> ops() {
    return new AbstractList<>() {
      @Override
      public Op get(int i) {
        return op(i);
      }

      @Override
      public int size() {
        return size;
      }
    };
  }

  private void checkIndex(int i) {
    if (i < 0 || i >= size) {
      throw new IndexOutOfBoundsException("op " + i + " of " + size);
    }
  }

  @Override
  public String toString() {
    return "History[" + source + ", " + size + " ops]";
  }
}
