package madjep.history;

/**
 * Input that cannot be a valid history: a syntax error, an op that breaks Jepsen's rules, or a value of the wrong
 * shape for the checker that reads it. Carries where the problem is (file, line and column, or the op's position)
 * and renders as one line, {@code FILE:LINE:COLUMN: expected ..., found ...}, which the CLI prints as it is.
 */
public final class DataError extends RuntimeException {
  /** What kind of rule the input broke. */
  public enum Kind {
    /** Text that is not valid EDN, JSON or log syntax, or a file that cannot be read. */
    SYNTAX,
    /** An op map without a known {@code :type}. */
    OP_TYPE,
    /** An op field of the wrong kind, or indices that are missing, repeated or out of order. */
    FIELD,
    /** A completion without an open invocation, or a second invocation on a busy process. */
    PAIRING,
    /** A value of the wrong shape for its {@code :f}, found by a checker that needs it. */
    VALUE_SHAPE
  }

  private final Kind kind;
  private final String source;
  private final int line;
  private final int column;
  private final long opIndex;
  private final String detail;

  /**
   * @param source file name (or another label for the input)
   * @param line 1-based line, or 0 when unknown
   * @param column 1-based column, or 0 when unknown
   * @param opIndex the op's {@code :index}, or -1 when the error is not about one op
   * @param detail what was expected and what was found
   */
  public DataError(String source, int line, int column, long opIndex, String detail) {
    this(Kind.SYNTAX, source, line, column, opIndex, detail);
  }

  /** A data error of the given kind; see {@link #DataError(String, int, int, long, String)}. */
  public DataError(Kind kind, String source, int line, int column, long opIndex, String detail) {
    super(render(source, line, column, opIndex, detail));
    this.kind = kind;
    this.source = source;
    this.line = line;
    this.column = column;
    this.opIndex = opIndex;
    this.detail = detail;
  }

  private static String render(String source, int line, int column, long opIndex, String detail) {
    StringBuilder sb = new StringBuilder(source == null ? "<input>" : source);
    if (line > 0) {
      sb.append(':').append(line);
      if (column > 0) {
        sb.append(':').append(column);
      }
    }
    sb.append(": ");
    if (opIndex >= 0 && line <= 0) {
      sb.append("op ").append(opIndex).append(": ");
    }
    return sb.append(detail).toString();
  }

  /** What kind of rule the input broke. */
  public Kind kind() {
    return kind;
  }

  public String source() {
    return source;
  }

  public int line() {
    return line;
  }

  public int column() {
    return column;
  }

  /** The {@code :index} of the op at fault, or -1. */
  public long opIndex() {
    return opIndex;
  }

  /** The message without the position prefix. */
  public String detail() {
    return detail;
  }
}
