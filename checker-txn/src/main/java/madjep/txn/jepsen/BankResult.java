package madjep.txn.jepsen;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import madjep.history.History;
import madjep.history.Verdict;
import madjep.history.edn.EdnVector;
import madjep.history.edn.Keyword;

/**
 * The result of {@link BankChecker}.
 *
 * @param valid invalid when some read has an error
 * @param readCount the number of {@code :ok} reads
 * @param accounts the accounts checked against, sorted
 * @param totalAmount the total checked against, or null when none could be inferred
 * @param errors one per faulty read, in history order
 * @param history the checked history
 */
public record BankResult(
    Verdict valid, int readCount, List<Object> accounts, Long totalAmount, List<Error> errors, History history)
    implements JepsenResult {

  /** Jepsen's error types, in the order a read is checked for them. */
  public enum Kind {
    UNEXPECTED_KEY("unexpected-key"),
    NIL_BALANCE("nil-balance"),
    WRONG_TOTAL("wrong-total"),
    NEGATIVE_VALUE("negative-value");

    private final Keyword keyword;

    Kind(String name) {
      this.keyword = Keyword.of(name);
    }

    public Keyword keyword() {
      return keyword;
    }
  }

  /**
   * The error of one read.
   *
   * @param kind which check failed
   * @param position the read's position in the history
   * @param total the read's sum (wrong-total, negative-value)
   * @param accounts the unexpected accounts (unexpected-key) or the accounts with nil balances (nil-balance)
   * @param negative the negative balances (negative-value)
   */
  public record Error(Kind kind, int position, long total, List<Object> accounts, List<Long> negative) {}

  @Override
  public Map<Keyword, Object> toData() {
    Data d = Data.result(valid).put("read-count", readCount).put("error-count", errors.size());
    d.put("accounts", EdnVector.copyOf(accounts)).put("total-amount", totalAmount);
    if (!errors.isEmpty()) {
      d.put("first-error", error(errors.get(0)));
    }
    LinkedHashMap<Kind, List<Error>> byKind = new LinkedHashMap<>();
    for (Kind k : Kind.values()) {
      List<Error> es = new ArrayList<>();
      for (Error e : errors) {
        if (e.kind() == k) {
          es.add(e);
        }
      }
      if (!es.isEmpty()) {
        byKind.put(k, es);
      }
    }
    LinkedHashMap<Keyword, Object> summary = new LinkedHashMap<>();
    for (Map.Entry<Kind, List<Error>> e : byKind.entrySet()) {
      List<Error> es = e.getValue();
      Data s = Data.map()
          .put("count", es.size())
          .put("first", error(es.get(0)))
          .put("worst", error(worst(es)))
          .put("last", error(es.get(es.size() - 1)));
      if (e.getKey() == Kind.WRONG_TOTAL) {
        Error lowest = es.get(0);
        Error highest = es.get(0);
        for (Error x : es) {
          lowest = x.total() < lowest.total() ? x : lowest;
          highest = x.total() > highest.total() ? x : highest;
        }
        s.put("lowest", error(lowest)).put("highest", error(highest));
      }
      summary.put(e.getKey().keyword(), s.build());
    }
    return d.put("errors", Collections.unmodifiableMap(summary)).build();
  }

  /** Jepsen's {@code err-badness}: the most egregious error of one kind (the first of equals). */
  private Error worst(List<Error> es) {
    Error worst = es.get(0);
    double worstBadness = badness(worst);
    for (Error e : es) {
      double b = badness(e);
      if (b > worstBadness) {
        worst = e;
        worstBadness = b;
      }
    }
    return worst;
  }

  private double badness(Error e) {
    return switch (e.kind()) {
      case UNEXPECTED_KEY, NIL_BALANCE -> e.accounts().size();
      case WRONG_TOTAL -> totalAmount == null || totalAmount == 0 ? 0
          : Math.abs((double) (e.total() - totalAmount) / totalAmount);
      case NEGATIVE_VALUE -> {
        long s = 0;
        for (long x : e.negative()) {
          s -= x;
        }
        yield s;
      }
    };
  }

  private Map<Keyword, Object> error(Error e) {
    Data d = Data.map().put("type", e.kind().keyword());
    switch (e.kind()) {
      case UNEXPECTED_KEY -> d.put("unexpected", EdnVector.copyOf(e.accounts()));
      case NIL_BALANCE -> {
        LinkedHashMap<Object, Object> nils = new LinkedHashMap<>();
        for (Object a : e.accounts()) {
          nils.put(a, null);
        }
        d.put("nils", Collections.unmodifiableMap(nils));
      }
      case WRONG_TOTAL -> d.put("total", e.total());
      case NEGATIVE_VALUE -> d.put("negative", EdnVector.copyOf(e.negative()));
    }
    return d.put("op", Data.op(history, e.position())).build();
  }
}
