package madjep.linear;

import madjep.history.edn.Keyword;

/** Three-valued, as Jepsen's {@code :valid?}: a search that hits a limit never answers VALID. */
public enum Verdict {
  VALID,
  INVALID,
  UNKNOWN;

  /** Jepsen's {@code :valid?} value: true, false or {@code :unknown}. */
  public Object validData() {
    return switch (this) {
      case VALID -> Boolean.TRUE;
      case INVALID -> Boolean.FALSE;
      case UNKNOWN -> Keyword.of("unknown");
    };
  }
}
