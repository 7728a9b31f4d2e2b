package madjep.history;

import java.util.Map;
import madjep.history.edn.EdnParser;
import madjep.history.edn.Keyword;

/**
 * One Jepsen op as a value, for code written for the reader (tests, simulators, writers of small histories). Large
 * histories are held as columns in {@link History}; {@link History#op(int)} builds an Op on demand.
 *
 * @param index the op's {@code :index}, or -1 when it has none yet (the builder assigns dense indices)
 * @param time nanoseconds since the test began, or -1 when unknown
 * @param type invoke, ok, fail or info
 * @param process a {@code Long} for a client, a {@link Keyword} for a named process such as {@code :nemesis}, or
 *     null when the op names none
 * @param f the function, such as {@code :read}, or null when the op names none
 * @param value the argument or result, any EDN value
 * @param error the {@code :error}, or null
 * @param extras any other keys, in their input order
 */
public record Op(
    long index,
    long time,
    OpType type,
    Object process,
    Keyword f,
    Object value,
    Object error,
    Map<Keyword, Object> extras) {

  public Op {
    if (type == null) {
      throw new IllegalArgumentException("an op needs a type");
    }
    if (process != null && !(process instanceof Long) && !(process instanceof Keyword)) {
      throw new IllegalArgumentException("a process is a Long or a Keyword, not " + process.getClass().getName());
    }
    extras = extras == null ? Map.of() : extras;
  }

  /** An op without index, time, error or extras. */
  public static Op of(OpType type, long process, String f, Object value) {
    return new Op(-1, -1, type, EdnParser.box(process), Keyword.of(f), value, null, Map.of());
  }

  /** {@code {:type :invoke, :process p, :f :f, :value v}}. */
  public static Op invoke(long process, String f, Object value) {
    return of(OpType.INVOKE, process, f, value);
  }

  /** {@code {:type :ok, :process p, :f :f, :value v}}. */
  public static Op ok(long process, String f, Object value) {
    return of(OpType.OK, process, f, value);
  }

  /** {@code {:type :fail, :process p, :f :f, :value v}}. */
  public static Op fail(long process, String f, Object value) {
    return of(OpType.FAIL, process, f, value);
  }

  /** {@code {:type :info, :process p, :f :f, :value v}}. */
  public static Op info(long process, String f, Object value) {
    return of(OpType.INFO, process, f, value);
  }

  /** This op with another time. */
  public Op withTime(long t) {
    return new Op(index, t, type, process, f, value, error, extras);
  }

  /** This op with another index. */
  public Op withIndex(long i) {
    return new Op(i, time, type, process, f, value, error, extras);
  }

  /** This op with an {@code :error}. */
  public Op withError(Object e) {
    return new Op(index, time, type, process, f, value, e, extras);
  }
}
