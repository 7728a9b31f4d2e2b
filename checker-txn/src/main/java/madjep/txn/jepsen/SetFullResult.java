package madjep.txn.jepsen;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import madjep.history.History;
import madjep.history.Verdict;
import madjep.history.edn.EdnParser;
import madjep.history.edn.EdnVector;
import madjep.history.edn.Keyword;

/**
 * The result of {@link SetFullChecker}.
 *
 * @param valid see {@link SetFullChecker}
 * @param linearizable whether stale elements were counted as errors
 * @param elements every attempted element's timeline, sorted by element
 * @param unexpected elements read that no add attempted, sorted
 * @param duplicated elements that some read returned more than once, with the highest multiplicity, by element
 * @param history the checked history
 */
public record SetFullResult(
    Verdict valid,
    boolean linearizable,
    List<Element> elements,
    List<Object> unexpected,
    Map<Object, Integer> duplicated,
    History history)
    implements JepsenResult {

  /** Jepsen shows this many stale elements, the stalest first. */
  static final int WORST_STALE_SHOWN = 8;

  /** Quantiles of the latency distributions, as Jepsen's {@code frequency-distribution} takes them. */
  private static final double[] QUANTILES = {0, 0.5, 0.95, 0.99, 1};

  /** An element's fate. */
  public enum Outcome {
    STABLE("stable"),
    LOST("lost"),
    NEVER_READ("never-read");

    private final Keyword keyword;

    Outcome(String name) {
      this.keyword = Keyword.of(name);
    }

    public Keyword keyword() {
      return keyword;
    }
  }

  /**
   * One element's timeline.
   *
   * @param element the element
   * @param outcome stable, lost or never read
   * @param stableLatency ms from known to stable, or -1 when not stable
   * @param lostLatency ms from known to lost, or -1 when not lost
   * @param known position of the op that made the element known (add ack or first read), or -1
   * @param lastPresent invocation position of the latest-invoked read that saw it, or -1
   * @param lastAbsent invocation position of the latest-invoked read that missed it, or -1
   */
  public record Element(Object element, Outcome outcome, long stableLatency, long lostLatency, int known,
      int lastPresent, int lastAbsent) {
    /** Stable, but some read invoked after it was known missed it. */
    public boolean stale() {
      return stableLatency > 0;
    }
  }

  static SetFullResult of(boolean linearizable, List<Element> elements, List<Object> unexpected,
      Map<Object, Integer> duplicated, History h) {
    int stable = 0;
    int lost = 0;
    int stale = 0;
    for (Element e : elements) {
      stable += e.outcome() == Outcome.STABLE ? 1 : 0;
      lost += e.outcome() == Outcome.LOST ? 1 : 0;
      stale += e.stale() ? 1 : 0;
    }
    Verdict v;
    if (lost > 0 || !duplicated.isEmpty() || !unexpected.isEmpty() || (linearizable && stale > 0)) {
      v = Verdict.INVALID;
    } else {
      v = stable == 0 ? Verdict.UNKNOWN : Verdict.VALID;
    }
    List<Object> dupKeys = Data.sorted(duplicated.keySet());
    LinkedHashMap<Object, Integer> sortedDups = new LinkedHashMap<>();
    for (Object k : dupKeys) {
      sortedDups.put(k, duplicated.get(k));
    }
    return new SetFullResult(v, linearizable, List.copyOf(elements), List.copyOf(unexpected),
        Collections.unmodifiableMap(sortedDups), h);
  }

  /** The elements with the given outcome, in element order. */
  public List<Object> withOutcome(Outcome o) {
    List<Object> out = new ArrayList<>();
    for (Element e : elements) {
      if (e.outcome() == o) {
        out.add(e.element());
      }
    }
    return out;
  }

  /** The stale elements, in element order. */
  public List<Object> stale() {
    List<Object> out = new ArrayList<>();
    for (Element e : elements) {
      if (e.stale()) {
        out.add(e.element());
      }
    }
    return out;
  }

  @Override
  public Map<Keyword, Object> toData() {
    List<Element> staleElements = new ArrayList<>();
    List<Long> stableLatencies = new ArrayList<>();
    List<Long> lostLatencies = new ArrayList<>();
    for (Element e : elements) {
      if (e.stale()) {
        staleElements.add(e);
      }
      if (e.stableLatency() >= 0) {
        stableLatencies.add(e.stableLatency());
      }
      if (e.lostLatency() >= 0) {
        lostLatencies.add(e.lostLatency());
      }
    }
    // Jepsen sorts by latency, ascending and stable, then reverses: ties come out in descending element order.
    List<Element> worst = new ArrayList<>(staleElements);
    Collections.reverse(worst);
    worst.sort((a, b) -> Long.compare(b.stableLatency(), a.stableLatency()));
    List<Object> worstData = new ArrayList<>();
    for (Element e : worst.subList(0, Math.min(WORST_STALE_SHOWN, worst.size()))) {
      worstData.add(Data.map()
          .put("element", e.element())
          .put("outcome", e.outcome().keyword())
          .put("stable-latency", e.stableLatency())
          .put("lost-latency", null)
          .put("known", Data.opOrNil(history, e.known()))
          .put("last-absent", Data.opOrNil(history, e.lastAbsent()))
          .build());
    }
    List<Object> lost = withOutcome(Outcome.LOST);
    List<Object> neverRead = withOutcome(Outcome.NEVER_READ);
    Data d = Data.result(valid)
        .put("attempt-count", elements.size())
        .put("stable-count", withOutcome(Outcome.STABLE).size())
        .put("lost-count", lost.size())
        .put("lost", EdnVector.copyOf(lost))
        .put("never-read-count", neverRead.size())
        .put("never-read", EdnVector.copyOf(neverRead))
        .put("stale-count", staleElements.size())
        .put("stale", EdnVector.copyOf(stale()))
        .put("worst-stale", EdnVector.copyOf(worstData));
    if (!stableLatencies.isEmpty()) {
      d.put("stable-latencies", distribution(stableLatencies));
    }
    if (!lostLatencies.isEmpty()) {
      d.put("lost-latencies", distribution(lostLatencies));
    }
    LinkedHashMap<Object, Object> dups = new LinkedHashMap<>();
    for (Map.Entry<Object, Integer> e : duplicated.entrySet()) {
      dups.put(e.getKey(), EdnParser.box(e.getValue()));
    }
    return d.put("duplicated-count", duplicated.size())
        .put("duplicated", Collections.unmodifiableMap(dups))
        .put("unexpected-count", unexpected.size())
        .put("unexpected", EdnVector.copyOf(unexpected))
        .build();
  }

  /** Jepsen's {@code frequency-distribution}: quantile -> the value at index floor(n * q), capped at n - 1. */
  static Map<Object, Object> distribution(List<Long> values) {
    long[] sorted = new long[values.size()];
    for (int k = 0; k < sorted.length; k++) {
      sorted[k] = values.get(k);
    }
    Arrays.sort(sorted);
    LinkedHashMap<Object, Object> m = new LinkedHashMap<>();
    int n = sorted.length;
    for (double q : QUANTILES) {
      int idx = Math.min(n - 1, (int) Math.floor(n * q));
      Object key = q == Math.rint(q) ? (Object) EdnParser.box((long) q) : (Object) q;
      m.put(key, EdnParser.box(sorted[idx]));
    }
    return Collections.unmodifiableMap(m);
  }
}
