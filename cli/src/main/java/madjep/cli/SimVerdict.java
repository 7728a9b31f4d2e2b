package madjep.cli;

import java.util.Map;
import madjep.history.Verdict;
import madjep.history.edn.Keyword;

/**
 * A checker's verdict on a simulated history, as the sim commands report it.
 *
 * @param verdict valid, invalid or unknown
 * @param summary one line for the console, such as {@code linear (cas-register per key): valid}
 * @param data the checker's result as EDN data (keyword keys), written to results.edn and results.json
 */
record SimVerdict(Verdict verdict, String summary, Map<Keyword, Object> data) {
  /** The exit code this verdict means. */
  int code() {
    return ExitCode.of(verdict);
  }

  String word() {
    return VerdictText.word(verdict);
  }

  /** EDN's {@code :valid?} value: true, false or {@code :unknown}. */
  Object validity() {
    return verdict.toData();
  }
}
