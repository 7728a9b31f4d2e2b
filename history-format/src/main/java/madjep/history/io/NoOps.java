package madjep.history.io;

import madjep.history.DataError;

/**
 * The rule every reader applies at the end: input that is not blank but holds no op is a data error, never an empty
 * history. Random bytes, {@code /etc/passwd} or a file whose ops all sit in a comment must not pass as "no ops, no
 * problems". Blank input (no bytes, or only whitespace) and an explicitly empty collection ({@code []}) are empty
 * histories.
 */
final class NoOps {
  private NoOps() {}

  /** "expected at least one op (WHAT), found WHAT_INSTEAD" at the given position. */
  static DataError error(String source, int line, int column, String expected, String found) {
    return new DataError(source, line, column, -1, "expected at least one op (" + expected + "), found " + found);
  }
}
