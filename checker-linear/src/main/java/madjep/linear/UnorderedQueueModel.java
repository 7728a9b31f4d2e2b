package madjep.linear;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import madjep.history.edn.Edn;
import madjep.history.edn.EdnParser;
import madjep.history.edn.Keyword;

/**
 * Knossos's {@code unordered-queue}: a multiset; {@code :enqueue v} adds {@code v}, {@code :dequeue v} is legal
 * when {@code v} is present and removes one. A dequeue of {@code nil} says nothing about which element left, so it
 * is treated as having no effect; since extra elements never make a later op illegal here, that can hide a
 * violation but never invent one.
 */
final class UnorderedQueueModel implements Model {
  private final Map<Object, Long> initial;

  UnorderedQueueModel(Collection<?> initial) {
    Map<Object, Long> m = Map.of();
    for (Object e : initial) {
      m = add(m, Values.canonical(e), 1);
    }
    this.initial = m;
  }

  /** State: element -> count (absent when zero), so that equal multisets are equal maps. */
  private static Map<Object, Long> add(Map<Object, Long> m, Object e, long delta) {
    LinkedHashMap<Object, Long> next = new LinkedHashMap<>(m);
    long c = next.getOrDefault(e, 0L) + delta;
    if (c == 0) {
      next.remove(e);
    } else {
      next.put(e, EdnParser.box(c));
    }
    return Collections.unmodifiableMap(next);
  }

  @Override
  public String name() {
    return "unordered-queue";
  }

  @Override
  public Object initialState() {
    return initial;
  }

  @Override
  public Object step(Object state, Keyword f, Object value) {
    @SuppressWarnings("unchecked")
    Map<Object, Long> m = (Map<Object, Long>) state;
    if (f == FifoQueueModel.ENQUEUE) {
      return add(m, value, 1);
    }
    if (value == null) {
      return state;
    }
    return m.containsKey(value) ? add(m, value, -1) : INCONSISTENT;
  }

  @Override
  public String checkOp(Keyword f, Object value) {
    return f == FifoQueueModel.ENQUEUE || f == FifoQueueModel.DEQUEUE
        ? null
        : Values.unknownFunction(f, ":enqueue or :dequeue");
  }

  @Override
  public String describeOp(Keyword f, Object value) {
    return (f == FifoQueueModel.ENQUEUE ? "enqueued " : "dequeued ") + Edn.print(value);
  }

  @Override
  public String describeStates(Collection<?> states) {
    return "the queue (element -> count) at " + Model.orList(states);
  }
}
