package madjep.linear;

import madjep.history.DataError;
import madjep.history.History;
import madjep.history.edn.Keyword;

/**
 * A user model's callback threw while the search ran: carries the partition's op number until the checker, which
 * knows where that op sits in the history, turns it into a {@link DataError} at the op.
 */
final class ModelFailure extends RuntimeException {
  /** The op within its partition, or -1 when the callback was not about one op ({@code initialState}). */
  final int op;

  ModelFailure(int op, String callback, RuntimeException cause) {
    super(callback, cause, false, false);
    this.op = op;
  }

  /** The data error at the op whose step threw, naming the model, the callback and the op. */
  DataError toDataError(History history, Model model, PartitionOps ops) {
    RuntimeException cause = (RuntimeException) getCause();
    if (op < 0) {
      return at(history, -1, model, getMessage() + "()", cause);
    }
    return at(history, ops.source(op), model, getMessage() + "(" + describe(ops.f[op], ops.value[op]) + ")", cause);
  }

  /**
   * A data error at history position {@code position} (or at no op when it is -1) for a model callback that threw.
   * The exception stays attached as the cause, for {@code --debug}.
   */
  static DataError at(History history, int position, Model model, String call, RuntimeException cause) {
    String detail = "expected model " + name(model) + " to answer " + call + ", found it threw " + cause;
    DataError e = position < 0
        ? new DataError(DataError.Kind.VALUE_SHAPE, history.source(), 0, 0, -1, detail)
        : history.errorAt(position, detail);
    e.initCause(cause);
    return e;
  }

  /** The op as {@code :f value} with the EDN printer, which never calls the user's code. */
  static String describe(Keyword f, Object value) {
    return f + " " + madjep.history.edn.Edn.print(value);
  }

  private static String name(Model model) {
    try {
      return model.name();
    } catch (RuntimeException e) {
      return model.getClass().getName();
    }
  }
}
