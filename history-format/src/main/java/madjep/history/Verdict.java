package madjep.history;

import madjep.history.edn.Keyword;

/**
 * Every checker's answer, three-valued as Jepsen's {@code :valid?}: a check that hits a limit, or that had nothing
 * to check, answers {@link #UNKNOWN}, never {@link #VALID}.
 */
public enum Verdict {
  /** No violation exists (the search was complete). */
  VALID,
  /** A violation was found. */
  INVALID,
  /** Neither could be shown: a limit was hit, or nothing was checked. */
  UNKNOWN;

  private static final Keyword UNKNOWN_KEYWORD = Keyword.of("unknown");

  /** The {@code :valid?} value as Jepsen writes it: {@code true}, {@code false} or {@code :unknown}. */
  public Object toData() {
    return switch (this) {
      case VALID -> Boolean.TRUE;
      case INVALID -> Boolean.FALSE;
      case UNKNOWN -> UNKNOWN_KEYWORD;
    };
  }

  /** The verdict a {@code :valid?} value stands for: true, false, anything else (such as {@code :unknown}). */
  public static Verdict fromData(Object valid) {
    if (Boolean.TRUE.equals(valid)) {
      return VALID;
    }
    return Boolean.FALSE.equals(valid) ? INVALID : UNKNOWN;
  }

  /** The verdict of two checks of one history: invalid beats unknown beats valid, as Jepsen merges them. */
  public Verdict merge(Verdict other) {
    if (this == INVALID || other == INVALID) {
      return INVALID;
    }
    return this == UNKNOWN || other == UNKNOWN ? UNKNOWN : VALID;
  }
}
