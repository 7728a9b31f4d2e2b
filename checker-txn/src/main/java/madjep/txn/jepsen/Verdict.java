package madjep.txn.jepsen;

import madjep.history.edn.Keyword;

/** A checker's answer: Jepsen's {@code :valid?} of {@code true}, {@code false} or {@code :unknown}. */
public enum Verdict {
  VALID,
  INVALID,
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

  /** The verdict of two checks of one history: invalid beats unknown beats valid, as Jepsen merges them. */
  public Verdict merge(Verdict other) {
    if (this == INVALID || other == INVALID) {
      return INVALID;
    }
    return this == UNKNOWN || other == UNKNOWN ? UNKNOWN : VALID;
  }
}
