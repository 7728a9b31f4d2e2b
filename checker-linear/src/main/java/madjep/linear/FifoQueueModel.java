package madjep.linear;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import madjep.history.edn.Edn;
import madjep.history.edn.EdnVector;
import madjep.history.edn.Keyword;

/**
 * Knossos's {@code fifo-queue}: {@code :enqueue v} appends; {@code :dequeue v} is legal when {@code v} is at the
 * head, and removes it. A dequeue of {@code nil} is an unknown dequeue: it removes the head, if there is one.
 */
final class FifoQueueModel implements Model {
  static final Keyword ENQUEUE = Keyword.of("enqueue");
  static final Keyword DEQUEUE = Keyword.of("dequeue");

  private final List<Object> initial;

  FifoQueueModel(List<?> initial) {
    List<Object> q = new ArrayList<>();
    for (Object e : initial) {
      q.add(Values.canonical(e));
    }
    this.initial = EdnVector.copyOf(q);
  }

  @Override
  public String name() {
    return "fifo-queue";
  }

  @Override
  public Object initialState() {
    return initial;
  }

  @Override
  public Object step(Object state, Keyword f, Object value) {
    List<?> q = (List<?>) state;
    if (f == ENQUEUE) {
      List<Object> next = new ArrayList<>(q.size() + 1);
      next.addAll(q);
      next.add(value);
      return EdnVector.copyOf(next);
    }
    if (q.isEmpty()) {
      return value == null ? state : INCONSISTENT;
    }
    if (value != null && !value.equals(q.get(0))) {
      return INCONSISTENT;
    }
    return EdnVector.copyOf(q.subList(1, q.size()));
  }

  @Override
  public String checkOp(Keyword f, Object value) {
    return f == ENQUEUE || f == DEQUEUE ? null : Values.unknownFunction(f, ":enqueue or :dequeue");
  }

  @Override
  public String describeOp(Keyword f, Object value) {
    return (f == ENQUEUE ? "enqueued " : "dequeued ") + Edn.print(value);
  }

  @Override
  public String describeStates(Collection<?> states) {
    return "the queue at " + Model.orList(states);
  }
}
