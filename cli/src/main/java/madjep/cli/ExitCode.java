package madjep.cli;

/** The exit codes of DESIGN.md's CLI contract; scripts and CI rely on them. */
public final class ExitCode {
  /** Every checked history is valid. */
  public static final int VALID = 0;
  /** A violation was found. */
  public static final int INVALID = 1;
  /** A limit was hit before a verdict (time, memory): the answer is unknown. */
  public static final int UNKNOWN = 2;
  /** The command line was wrong. */
  public static final int USAGE = 64;
  /** The input data was bad; the message names the file and line. */
  public static final int DATA = 65;
  /** A bug in MadJep. */
  public static final int INTERNAL = 70;
  /**
   * Interrupted (Ctrl-C: 128 + SIGINT). The process itself exits with its signal's status (130 for SIGINT, 143 for
   * SIGTERM); this is what a command that notices the interruption returns.
   */
  public static final int INTERRUPTED = 130;

  private ExitCode() {}

  /** The exit code of a checker's verdict. */
  public static int of(madjep.history.Verdict v) {
    return switch (v) {
      case VALID -> VALID;
      case INVALID -> INVALID;
      case UNKNOWN -> UNKNOWN;
    };
  }

  /** The overall code of several verdict codes: invalid beats unknown beats valid, as Jepsen merges them. */
  public static int merge(int a, int b) {
    if (a == INVALID || b == INVALID) {
      return INVALID;
    }
    if (a == UNKNOWN || b == UNKNOWN) {
      return UNKNOWN;
    }
    return Math.max(a, b);
  }
}
