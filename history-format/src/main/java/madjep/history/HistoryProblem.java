package madjep.history;

/**
 * Something wrong with how a history's ops fit together, found while pairing invocations with completions. A
 * history with problems still reads (so that {@code madjep history stats} can list them all); checkers refuse it
 * through {@link History#requireWellFormed()}.
 *
 * @param kind what is wrong
 * @param position the op's position in the history (0-based)
 * @param opIndex the op's {@code :index}
 * @param line 1-based line of the op in its file, or 0 when unknown
 * @param column 1-based column, or 0 when unknown
 * @param detail what was expected and what was found
 */
public record HistoryProblem(Kind kind, int position, long opIndex, int line, int column, String detail) {
  /** The kinds of problem pairing finds. */
  public enum Kind {
    /** An ok, fail or info from a client process that has no open invocation. */
    COMPLETION_WITHOUT_INVOKE,
    /** An invocation on a process whose previous invocation has not completed. */
    INVOKE_ON_BUSY_PROCESS,
    /**
     * A client's completion whose {@code :f} is not its invocation's: Jepsen completes an op with the op it invoked,
     * so this is a damaged line (a log line cut inside {@code :write} reads as {@code :wri}).
     */
    COMPLETION_OF_ANOTHER_FUNCTION
  }

  /** This problem as a data error of the named source. */
  public DataError toError(String source) {
    return new DataError(DataError.Kind.PAIRING, source, line, column, opIndex, detail);
  }
}
