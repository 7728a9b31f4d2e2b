package madjep.harness;

import java.util.Map;
import madjep.history.Verdict;
import madjep.history.edn.Keyword;

/**
 * A checker's verdict on a simulated history.
 *
 * @param verdict valid, invalid or unknown
 * @param summary one line for a console, such as {@code linear (cas-register per key, a read of nil is no value): valid}
 * @param data the checker's result as EDN data (keyword keys), written to results.edn and results.json
 * @param failedOp the history position of the op a violation is pinned on (a linearizability failure's op), or -1
 */
public record CheckResult(Verdict verdict, String summary, Map<Keyword, Object> data, int failedOp) {
  /** A result that pins no op. */
  public CheckResult(Verdict verdict, String summary, Map<Keyword, Object> data) {
    this(verdict, summary, data, -1);
  }

  /** How a verdict reads in summaries and on consoles: {@code valid}, {@code INVALID} (loud: it is the news), {@code unknown}. */
  public static String word(Verdict v) {
    return switch (v) {
      case VALID -> "valid";
      case INVALID -> "INVALID";
      case UNKNOWN -> "unknown";
    };
  }

  public String word() {
    return word(verdict);
  }
}
