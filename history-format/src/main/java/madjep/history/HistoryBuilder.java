package madjep.history;

import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import madjep.history.edn.Keyword;

/**
 * Appends ops to a new {@link History}: readers call {@link #add(long, long, OpType, int, Keyword, Object, Object,
 * Object[], int, int)} for each op they parse; code that makes ops calls {@link #add(Op)}.
 *
 * <p>Indices: either every op has an {@code :index} (strictly ascending) or none has, and then they are dense from
 * 0. A mix, or indices out of order, is a {@link DataError} at the op that breaks the rule.
 */
public final class HistoryBuilder {
  /** Pairing keeps at most this many problems; it still counts the rest. */
  public static final int MAX_PROBLEMS = 1000;

  private static final int INITIAL = 1024;

  private final String source;
  private int size;
  /**
   * The ops' indexes, or null while each one is its position (a history without {@code :index}, or one whose indexes
   * are dense from 0, as every simulated one is): a column of positions is 58 MB for a simulated hour, and nothing
   * reads it.
   */
  private long[] index;
  private boolean indexed;
  private long[] time;
  private byte[] type;
  private int[] process;
  private Keyword[] f;
  private Object[] value;
  private Object[] error;
  private Object[][] extras;
  private int[] line;
  private int[] column;
  private final Object2IntOpenHashMap<Keyword> processCodes = new Object2IntOpenHashMap<>();
  private final List<Keyword> processNames = new ArrayList<>();
  /**
   * How the reader read the input where it was not plain (a dialect, conversions, skipped lines), in order, without
   * repeats: each with its count and the unit counted ("op", "line").
   */
  private final java.util.LinkedHashMap<String, int[]> readingNotes = new java.util.LinkedHashMap<>();
  private final java.util.Map<String, String> noteUnits = new java.util.HashMap<>();

  /** A builder for a history read from {@code source} (a file name, or a label such as {@code "<sim>"}). */
  public HistoryBuilder(String source) {
    this(source, INITIAL);
  }

  /**
   * A builder with room for {@code expectedOps} ops before its columns grow. A producer that knows about how many ops
   * it will add (a simulation: its rate times its duration) saves the copies of doubling: on a simulated hour the
   * last doubling alone moved 260 MB of columns through the young generation, in a second of collector pauses.
   */
  public HistoryBuilder(String source, int expectedOps) {
    if (expectedOps < 0) {
      throw new IllegalArgumentException("expected a non-negative number of ops, found " + expectedOps);
    }
    this.source = source;
    processCodes.defaultReturnValue(Integer.MIN_VALUE);
    int room = Math.max(INITIAL, expectedOps);
    type = new byte[room];
    process = new int[room];
    f = new Keyword[room];
    value = new Object[room];
  }

  /**
   * Records how the input was read where it was not the plain format: a dialect such as colon-prefixed keys, or a
   * conversion such as a string {@code :f} taken as a keyword. Call it once per op it applies to: each note is kept
   * once, with the number of ops.
   */
  public void note(String what) {
    note(what, "op");
  }

  /** Like {@link #note(String)}, counting another unit: {@code note("lines of other loggers skipped", "line")}. */
  public void note(String what, String unit) {
    readingNotes.computeIfAbsent(what, k -> new int[1])[0]++;
    noteUnits.putIfAbsent(what, unit);
  }

  /** The process code of a client number. */
  public int clientProcess(long p, int atLine, int atColumn) {
    if (p < 0 || p > Integer.MAX_VALUE) {
      throw new DataError(DataError.Kind.FIELD, source, atLine, atColumn, -1,
          "expected a process: a number from 0 to " + Integer.MAX_VALUE + " or a keyword, found " + p);
    }
    return (int) p;
  }

  /** The process code of a named process such as {@code :nemesis}. */
  public int namedProcess(Keyword name) {
    int code = processCodes.getInt(name);
    if (code == Integer.MIN_VALUE) {
      code = -2 - processNames.size();
      processNames.add(name);
      processCodes.put(name, code);
    }
    return code;
  }

  /** The number of ops added so far. */
  public int size() {
    return size;
  }

  /** Appends an op value (its index, when -1, is assigned). */
  public HistoryBuilder add(Op op) {
    return add(op, 0, 0);
  }

  /** Appends an op value read at the given line and column. */
  public HistoryBuilder add(Op op, int atLine, int atColumn) {
    int p;
    if (op.process() == null) {
      p = History.NO_PROCESS;
    } else if (op.process() instanceof Long n) {
      p = clientProcess(n, atLine, atColumn);
    } else {
      p = namedProcess((Keyword) op.process());
    }
    Object[] kv = null;
    Map<Keyword, Object> x = op.extras();
    if (!x.isEmpty()) {
      kv = new Object[x.size() * 2];
      int k = 0;
      for (Map.Entry<Keyword, Object> e : x.entrySet()) {
        kv[k++] = e.getKey();
        kv[k++] = e.getValue();
      }
    }
    add(op.index() < 0 ? Long.MIN_VALUE : op.index(), op.time(), op.type(), p, op.f(), op.value(), op.error(), kv,
        atLine, atColumn);
    return this;
  }

  /**
   * Appends one op's fields.
   *
   * @param idx the {@code :index}, or {@link Long#MIN_VALUE} when absent
   * @param t the {@code :time}, or -1 when absent
   * @param extraKeysAndValues null, or other keys and their values alternating, in input order
   * @param atLine the op's line, or 0 when it was not read from text
   */
  public void add(
      long idx,
      long t,
      OpType opType,
      int processCode,
      Keyword fn,
      Object val,
      Object err,
      Object[] extraKeysAndValues,
      int atLine,
      int atColumn) {
    if (opType == null) {
      throw new DataError(DataError.Kind.OP_TYPE, source, atLine, atColumn, -1, "expected :type :invoke, :ok, :fail or :info, found none");
    }
    if (size == type.length) {
      grow();
    }
    int i = size;
    recordIndex(i, idx, atLine, atColumn);
    if (t != -1) {
      if (time == null) {
        time = new long[type.length];
        Arrays.fill(time, 0, i, -1);
      }
      time[i] = t;
    } else if (time != null) {
      time[i] = -1;
    }
    type[i] = (byte) opType.ordinal();
    process[i] = processCode;
    f[i] = fn;
    value[i] = val;
    if (err != null) {
      if (error == null) {
        error = new Object[type.length];
      }
      error[i] = err;
    }
    if (extraKeysAndValues != null && extraKeysAndValues.length > 0) {
      if (extras == null) {
        extras = new Object[type.length][];
      }
      extras[i] = extraKeysAndValues;
    }
    if (atLine > 0) {
      if (line == null) {
        line = new int[type.length];
        column = new int[type.length];
      }
      line[i] = atLine;
      column[i] = atColumn;
    }
    size++;
  }

  private void recordIndex(int i, long idx, int atLine, int atColumn) {
    boolean has = idx != Long.MIN_VALUE;
    if (i == 0) {
      indexed = has;
    } else if (has != indexed) {
      throw new DataError(DataError.Kind.FIELD, source, atLine, atColumn, -1, indexed
          ? "expected an :index on every op, as on the ops before it, found none"
          : "expected no :index, as the ops before it have none, found :index " + idx);
    }
    if (!has) {
      return;
    }
    if (idx < 0) {
      throw new DataError(DataError.Kind.FIELD, source, atLine, atColumn, idx, "expected a non-negative :index, found " + idx);
    }
    if (i > 0 && idx <= indexAt(i - 1)) {
      throw new DataError(DataError.Kind.FIELD, source, atLine, atColumn, idx,
          "expected an :index above the previous op's " + indexAt(i - 1) + ", found " + idx);
    }
    if (index == null) {
      if (idx == i) {
        return;
      }
      index = new long[type.length];
      for (int j = 0; j < i; j++) {
        index[j] = j;
      }
    }
    index[i] = idx;
  }

  /** Op {@code i}'s index. */
  private long indexAt(int i) {
    return index == null ? i : index[i];
  }

  private void grow() {
    int n = type.length * 2;
    if (index != null) {
      index = Arrays.copyOf(index, n);
    }
    type = Arrays.copyOf(type, n);
    process = Arrays.copyOf(process, n);
    f = Arrays.copyOf(f, n);
    value = Arrays.copyOf(value, n);
    if (time != null) {
      time = Arrays.copyOf(time, n);
    }
    if (error != null) {
      error = Arrays.copyOf(error, n);
    }
    if (extras != null) {
      extras = Arrays.copyOf(extras, n);
    }
    if (line != null) {
      line = Arrays.copyOf(line, n);
      column = Arrays.copyOf(column, n);
    }
  }

  /**
   * The ops added so far, for writing them out while more are added (a simulation's store is written as the run
   * goes). It shares this builder's arrays, whose first {@link #size()} entries never change once added, so another
   * thread may read it while this one adds; it has no pairs ({@link History#pair} throws) and no problems: those come
   * with {@link #build()}.
   */
  public History prefix() {
    int n = size;
    return new History(source, n, index, time, type, process, processNames.toArray(new Keyword[0]), f,
        value, error, extras, line, column, null, List.of(), 0, List.of());
  }

  /** Pairs invocations with completions, collects problems, and returns the history. The builder is spent. */
  public History build() {
    int n = size;
    int[] pair = new int[n];
    Arrays.fill(pair, -1);
    List<HistoryProblem> problems = new ArrayList<>();
    int problemCount = 0;
    IntByProcess open = new IntByProcess(); // each process's open invocation
    for (int i = 0; i < n; i++) {
      int p = process[i];
      if (p == History.NO_PROCESS) {
        continue;
      }
      int o = open.get(p);
      if (type[i] == 0) {
        if (o >= 0) {
          problemCount++;
          if (problems.size() < MAX_PROBLEMS) {
            problems.add(problem(HistoryProblem.Kind.INVOKE_ON_BUSY_PROCESS, i,
                "expected process " + describeProcess(p) + " to complete its op " + describeOp(o)
                    + " before invoking another, found a second :invoke"));
          }
        }
        open.put(p, i);
      } else if (o >= 0) {
        pair[o] = i;
        pair[i] = o;
        open.remove(p);
        if (p >= 0 && f[o] != f[i]) {
          problemCount++;
          if (problems.size() < MAX_PROBLEMS) {
            problems.add(problem(HistoryProblem.Kind.COMPLETION_OF_ANOTHER_FUNCTION, i,
                "expected the completion of process " + p + "'s " + f[o] + " " + describeOp(o) + " to have :f "
                    + f[o] + ", found " + f[i]));
          }
        }
      } else if (p <= -2 && type[i] == 3) {
        // Jepsen's nemesis logs :info for both ends of an op: an :info with nothing open begins one.
        open.put(p, i);
      } else {
        problemCount++;
        if (problems.size() < MAX_PROBLEMS) {
          problems.add(problem(HistoryProblem.Kind.COMPLETION_WITHOUT_INVOKE, i,
              "expected an :invoke from process " + describeProcess(p) + " before this :"
                  + OpType.ofOrdinal(type[i]).keyword().name() + ", found none open"));
        }
      }
    }
    // The arrays as they are, not copies cut to size: a history reads only its first n entries, and a copy of each
    // column costs a simulated hour 200 MB and a tenth of a second just as it ends.
    History h = new History(
        source,
        n,
        index,
        time,
        type,
        process,
        processNames.toArray(new Keyword[0]),
        f,
        value,
        error,
        extras,
        line,
        column,
        pair,
        List.copyOf(problems),
        problemCount,
        notes());
    index = null;
    type = null;
    return h;
  }

  private List<String> notes() {
    List<String> out = new ArrayList<>();
    readingNotes.forEach((what, n) -> {
      String unit = noteUnits.get(what);
      out.add(what + " (" + n[0] + " " + unit + (n[0] == 1 ? ")" : "s)"));
    });
    return List.copyOf(out);
  }

  private HistoryProblem problem(HistoryProblem.Kind kind, int i, String detail) {
    return new HistoryProblem(kind, i, indexAt(i), line == null ? 0 : line[i], line == null ? 0 : column[i], detail);
  }

  private String describeProcess(int p) {
    return p >= 0 ? Integer.toString(p) : processNames.get(-2 - p).toString();
  }

  private String describeOp(int o) {
    if (line != null && line[o] > 0) {
      return "at line " + line[o];
    }
    return "with :index " + indexAt(o);
  }
}
