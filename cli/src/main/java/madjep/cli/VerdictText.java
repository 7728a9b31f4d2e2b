package madjep.cli;

import madjep.harness.CheckResult;
import madjep.history.Verdict;

/** How every command prints a verdict: {@code valid}, {@code INVALID} (loud, it is the news) or {@code unknown}. */
final class VerdictText {
  private VerdictText() {}

  static String word(Verdict v) {
    return CheckResult.word(v);
  }
}
