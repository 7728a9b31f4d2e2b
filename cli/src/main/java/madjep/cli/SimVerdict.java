package madjep.cli;

import java.util.Map;
import madjep.history.edn.Keyword;

/**
 * A checker's verdict on a simulated history, as the sim commands report it.
 *
 * @param code {@link ExitCode#VALID}, {@link ExitCode#INVALID} or {@link ExitCode#UNKNOWN}
 * @param summary one line for the console, such as {@code linear (cas-register per key): valid}
 * @param data the checker's result as EDN data (keyword keys), written to results.edn and results.json
 */
record SimVerdict(int code, String summary, Map<Keyword, Object> data) {
  String word() {
    return code == ExitCode.VALID ? "valid" : code == ExitCode.INVALID ? "INVALID" : "unknown";
  }

  /** EDN's {@code :valid?} value: true, false or {@code :unknown}. */
  Object validity() {
    return code == ExitCode.VALID ? Boolean.TRUE : code == ExitCode.INVALID ? Boolean.FALSE : Keyword.of("unknown");
  }
}
