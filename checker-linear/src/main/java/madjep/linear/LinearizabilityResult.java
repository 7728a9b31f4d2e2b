package madjep.linear;

import java.util.LinkedHashMap;
import java.util.Map;
import madjep.history.Verdict;
import madjep.history.edn.EdnParser;
import madjep.history.edn.Keyword;

/**
 * The answer of {@link LinearizabilityChecker#check}.
 *
 * @param verdict valid, invalid or unknown
 * @param cause why the answer is unknown; null otherwise
 * @param model the model's name
 * @param ops client ops checked ({@code :fail} ops excluded, crashed ops included)
 * @param partitions partitions the history was split into
 * @param configurations (linearized set, state) pairs the searches explored
 * @param failure the witness when invalid; null otherwise
 */
public record LinearizabilityResult(
    Verdict verdict, Cause cause, String model, int ops, int partitions, long configurations, Failure failure) {

  /** Why a search gave up. */
  public enum Cause {
    /** The time limit passed. */
    TIMEOUT,
    /** The caches reached the memory limit. */
    MEMORY,
    /** The history holds no client op: nothing was checked, so nothing can be called valid. */
    EMPTY;

    /** {@code :timeout}, {@code :memory} or {@code :empty}. */
    public Keyword keyword() {
      return Keyword.of(name().toLowerCase(java.util.Locale.ROOT));
    }
  }

  public LinearizabilityResult {
    if ((verdict == Verdict.UNKNOWN) != (cause != null)) {
      throw new IllegalArgumentException("an unknown verdict, and only it, has a cause");
    }
    if ((verdict == Verdict.INVALID) != (failure != null)) {
      throw new IllegalArgumentException("an invalid verdict, and only it, has a failure");
    }
  }

  public boolean isValid() {
    return verdict == Verdict.VALID;
  }

  /**
   * The result as EDN data, Jepsen style: {@code {:valid? false, :model "cas-register", :ops 85, :partitions 1,
   * :configurations 1234, :failure {...}}}, with {@code :cause} when unknown.
   */
  public Map<Keyword, Object> toData() {
    Map<Keyword, Object> m = new LinkedHashMap<>();
    m.put(Keyword.of("valid?"), verdict.toData());
    if (cause != null) {
      m.put(Keyword.of("cause"), cause.keyword());
    }
    m.put(Keyword.of("model"), model);
    m.put(Keyword.of("ops"), EdnParser.box(ops));
    m.put(Keyword.of("partitions"), EdnParser.box(partitions));
    m.put(Keyword.of("configurations"), EdnParser.box(configurations));
    if (failure != null) {
      m.put(Keyword.of("failure"), failure.toData());
    }
    return m;
  }
}
