package madjep.linear;

import java.util.Collection;
import java.util.Iterator;
import madjep.history.History;
import madjep.history.edn.Edn;
import madjep.history.edn.Keyword;

/**
 * A sequential specification: what one op does to the state of the object under test. The checker asks whether
 * some order of a history's ops, consistent with their real-time order, is legal under the model.
 *
 * <p>Only {@link #initialState()} and {@link #step} are required; README-model-example.md shows a complete model in
 * about 30 lines. States are values: immutable, with {@code equals} and {@code hashCode} that agree. The checker
 * interns them, so a model never needs to make them small or fast; the built-in models also compile themselves to
 * primitive transitions.
 *
 * <p>What {@code step} is given: an {@code :ok} op's completion value (a read's result), or a crashed op's (an
 * {@code :info} op's, or an invoke that never completed) invocation value. {@code :fail} ops never reach the model.
 */
public interface Model {
  /** What {@link #step} returns when the op cannot happen in the state it is given. */
  Object INCONSISTENT = new Object() {
    @Override
    public String toString() {
      return "INCONSISTENT";
    }
  };

  /** The name the CLI knows the model by, such as {@code cas-register}. */
  default String name() {
    return getClass().getSimpleName();
  }

  /** The state before the first op. */
  Object initialState();

  /** The state after op {@code (f, value)} in {@code state}, or {@link #INCONSISTENT}. Must be pure. */
  Object step(Object state, Keyword f, Object value);

  /**
   * Null when the op has a shape this model understands; otherwise {@code "expected ..., found ..."}, which the
   * checker reports as a data error at the op. Called once per op, before the search.
   */
  default String checkOp(Keyword f, Object value) {
    return null;
  }

  /**
   * True when the op never changes the state wherever it is legal (a read). The checker then linearizes it as soon
   * as it is legal without trying the alternatives, which is sound only when this holds; false is always safe.
   */
  default boolean readOnly(Keyword f, Object value) {
    return false;
  }

  /**
   * The keys the op touches, for P-compositional checking: ops that share a key, directly or through other ops, are
   * checked together and apart from the rest. Null (the default) checks the whole history as one object.
   *
   * @param history the history, for keys kept outside the value (Porcupine's kv files carry a {@code :key})
   * @param invoke the position of the op's invocation in {@code history}
   * @param value the value {@link #step} will be given
   */
  default Collection<?> partitionKeys(History history, int invoke, Object value) {
    return null;
  }

  /** The op in a few words for explanations, such as {@code read 3}. */
  default String describeOp(Keyword f, Object value) {
    return f.name() + " " + Edn.print(value);
  }

  /** The states in a few words, such as {@code the register at 1 or 2}. */
  default String describeStates(Collection<?> states) {
    return "the state at " + orList(states);
  }

  /** The state as EDN data for results. */
  default Object stateData(Object state) {
    return state;
  }

  /** {@code 1}, {@code 1 or 2}, {@code 1, 2 or 3}: EDN renderings joined for sentences. */
  static String orList(Collection<?> values) {
    StringBuilder sb = new StringBuilder();
    Iterator<?> it = values.iterator();
    int i = 0;
    int n = values.size();
    while (it.hasNext()) {
      Object v = it.next();
      if (i > 0) {
        sb.append(i == n - 1 ? " or " : ", ");
      }
      sb.append(Edn.print(v));
      i++;
    }
    return sb.toString();
  }
}
