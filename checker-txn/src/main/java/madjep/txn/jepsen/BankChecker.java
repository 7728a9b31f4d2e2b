package madjep.txn.jepsen;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import madjep.history.History;
import madjep.history.Verdict;
import madjep.history.edn.EdnParser;
import madjep.history.edn.Keyword;

/**
 * Jepsen's {@code bank} checker ({@code jepsen.tests.bank}): {@code :transfer} ops move money between accounts and
 * every {@code :ok} {@code :read} returns a map of account to balance. Each read must name only known accounts
 * ({@code :unexpected-key}), have no nil balance ({@code :nil-balance}), sum to the total ({@code :wrong-total}) and,
 * unless negative balances are allowed, have no negative balance ({@code :negative-value}); like Jepsen, a read
 * reports only the first of these that applies.
 *
 * <p>Accounts and total come from the options, or, as elle-cli infers them, from the first {@code :ok} read (its
 * accounts, and its sum; the first read without nil balances when it has some). Account keys that are strings of
 * digits ({@code "0"} in JSON, whose object keys are strings) are the integers they spell, so EDN and JSON histories
 * agree. As in Jepsen, a history without {@code :ok} reads is valid ({@code :read-count 0}).
 */
public final class BankChecker {
  static final Keyword READ = Keyword.of("read");
  static final Keyword TRANSFER = Keyword.of("transfer");

  /**
   * @param accounts the account identifiers, or null to take the first read's
   * @param totalAmount the total of all balances, or null to take the first read's sum
   * @param negativeBalancesAllowed when true, negative balances are not errors
   */
  public record Options(List<Object> accounts, Long totalAmount, boolean negativeBalancesAllowed) {
    /** Accounts and total inferred, negative balances not allowed. */
    public static Options defaults() {
      return new Options(null, null, false);
    }
  }

  private BankChecker() {}

  public static BankResult check(History h, Options options) {
    IntArrayList reads = new IntArrayList();
    for (int i = 0, n = h.size(); i < n; i++) {
      if (h.f(i) == READ && h.isOk(i) && Ops.is(h, i, READ)) {
        reads.add(i);
      }
    }
    Set<Object> accounts = new HashSet<>();
    if (options.accounts() != null) {
      for (Object a : options.accounts()) {
        accounts.add(account(a));
      }
    } else if (!reads.isEmpty()) {
      accounts.addAll(balances(h, reads.getInt(0)).keySet());
    }
    Long total = options.totalAmount();
    if (total == null) {
      for (int k = 0; k < reads.size() && total == null; k++) {
        Map<Object, Long> b = balances(h, reads.getInt(k));
        if (!b.containsValue(null)) {
          total = sum(h, reads.getInt(k), b);
        }
      }
    }
    List<BankResult.Error> errors = new ArrayList<>();
    for (int k = 0; k < reads.size(); k++) {
      int i = reads.getInt(k);
      if (!clean(h, i, accounts, total, options.negativeBalancesAllowed())) {
        BankResult.Error e = checkRead(h, i, balances(h, i), accounts, total, options.negativeBalancesAllowed());
        if (e != null) {
          errors.add(e);
        }
      }
    }
    Verdict v = !errors.isEmpty() ? Verdict.INVALID
        : Ops.none(h, READ, TRANSFER) ? Verdict.UNKNOWN : Verdict.VALID;
    return new BankResult(v, reads.size(), Data.sorted(accounts), total, List.copyOf(errors), h);
  }

  /**
   * True when read {@code i} has no error, decided without allocating: the common case. A false answer is
   * explained by {@link #checkRead}.
   */
  private static boolean clean(History h, int i, Set<Object> accounts, Long total, boolean negativesAllowed) {
    if (!(h.value(i) instanceof Map<?, ?> m)) {
      throw notBalances(h, i);
    }
    long sum = 0;
    boolean negative = false;
    boolean ok = true;
    for (Map.Entry<?, ?> e : m.entrySet()) {
      Object v = e.getValue();
      if (!(v instanceof Long balance)) {
        if (v != null) {
          throw notABalance(h, i, e.getKey(), v);
        }
        ok = false;
        continue;
      }
      ok &= accounts.contains(account(e.getKey()));
      sum = Ops.add(h, i, sum, balance);
      negative |= balance < 0;
    }
    return ok && (total == null || sum == total) && (negativesAllowed || !negative);
  }

  private static BankResult.Error checkRead(History h, int i, Map<Object, Long> b, Set<Object> accounts,
      Long total, boolean negativesAllowed) {
    List<Object> unexpected = new ArrayList<>();
    List<Object> nils = new ArrayList<>();
    List<Long> negative = new ArrayList<>();
    for (Map.Entry<Object, Long> e : b.entrySet()) {
      if (!accounts.contains(e.getKey())) {
        unexpected.add(e.getKey());
      }
      if (e.getValue() == null) {
        nils.add(e.getKey());
      } else if (e.getValue() < 0) {
        negative.add(e.getValue());
      }
    }
    if (!unexpected.isEmpty()) {
      return new BankResult.Error(BankResult.Kind.UNEXPECTED_KEY, i, 0, unexpected, List.of());
    }
    if (!nils.isEmpty()) {
      return new BankResult.Error(BankResult.Kind.NIL_BALANCE, i, 0, nils, List.of());
    }
    long sum = sum(h, i, b);
    if (total != null && sum != total) {
      return new BankResult.Error(BankResult.Kind.WRONG_TOTAL, i, sum, List.of(), List.of());
    }
    if (!negativesAllowed && !negative.isEmpty()) {
      return new BankResult.Error(BankResult.Kind.NEGATIVE_VALUE, i, sum, List.of(), List.copyOf(negative));
    }
    return null;
  }

  private static long sum(History h, int i, Map<Object, Long> b) {
    long s = 0;
    for (Long v : b.values()) {
      s = Ops.add(h, i, s, v);
    }
    return s;
  }

  /** The read's balances with normalised account keys, in the read's order; nil balances stay null. */
  static Map<Object, Long> balances(History h, int i) {
    if (!(h.value(i) instanceof Map<?, ?> m)) {
      throw notBalances(h, i);
    }
    Map<Object, Long> out = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : m.entrySet()) {
      Object v = e.getValue();
      if (v != null && !(v instanceof Long)) {
        throw notABalance(h, i, e.getKey(), v);
      }
      out.put(account(e.getKey()), (Long) v);
    }
    return out;
  }

  private static RuntimeException notBalances(History h, int i) {
    return h.errorAt(i, "expected a map of account to balance in an :ok :read, found "
        + EdnParser.describe(h.value(i)));
  }

  private static RuntimeException notABalance(History h, int i, Object account, Object v) {
    return h.errorAt(i, "expected an integer balance for account " + EdnParser.describe(account) + ", found "
        + EdnParser.describe(v));
  }

  /** An account key: a string of decimal digits is the integer it spells (JSON object keys are strings). */
  static Object account(Object key) {
    if (key instanceof Long) {
      return key;
    }
    if (key instanceof String s && !s.isEmpty() && s.length() <= 18) {
      int start = s.charAt(0) == '-' && s.length() > 1 ? 1 : 0;
      for (int k = start; k < s.length(); k++) {
        char c = s.charAt(k);
        if (c < '0' || c > '9') {
          return key;
        }
      }
      return EdnParser.box(Long.parseLong(s));
    }
    if (key instanceof Integer x) {
      return EdnParser.box(x);
    }
    return key;
  }
}
