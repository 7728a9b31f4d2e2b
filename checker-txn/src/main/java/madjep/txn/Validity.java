package madjep.txn;

import madjep.history.edn.Keyword;

/** Elle's {@code :valid?}: true, false, or unknown (a limit was hit, or nothing could be inferred). */
public enum Validity {
  TRUE,
  FALSE,
  UNKNOWN;

  /** {@code true}, {@code false} or {@code :unknown}. */
  public Object toData() {
    return switch (this) {
      case TRUE -> Boolean.TRUE;
      case FALSE -> Boolean.FALSE;
      case UNKNOWN -> Keyword.of("unknown");
    };
  }
}
