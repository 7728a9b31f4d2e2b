package madjep.sim.workload;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import madjep.history.edn.EdnParser;
import madjep.history.edn.Keyword;

/**
 * Jepsen's bank test: {@code :transfer {:from a :to b :amount n}} between {@code accounts} accounts holding {@code
 * total} in all, and {@code :read nil} of every balance. A transfer without funds fails.
 */
public final class BankWorkload implements Workload {
  static final Keyword TRANSFER = Keyword.of("transfer");
  static final Keyword READ = Keyword.of("read");
  static final Keyword FROM = Keyword.of("from");
  static final Keyword TO = Keyword.of("to");
  static final Keyword AMOUNT = Keyword.of("amount");

  private final int accounts;
  private final long total;
  private final int maxTransfer;

  public BankWorkload(int accounts, long total, int maxTransfer) {
    if (accounts < 2) {
      throw new IllegalArgumentException("expected at least 2 bank accounts, found " + accounts);
    }
    this.accounts = accounts;
    this.total = total;
    this.maxTransfer = maxTransfer;
  }

  public int accounts() {
    return accounts;
  }

  public long total() {
    return total;
  }

  @Override
  public String name() {
    return "bank";
  }

  @Override
  public Invocation next(SplittableRandom rng, long process) {
    if (rng.nextInt(2) == 0) {
      return new Invocation(READ, null);
    }
    int from = rng.nextInt(accounts);
    int to = (from + 1 + rng.nextInt(accounts - 1)) % accounts;
    Map<Object, Object> v = new LinkedHashMap<>();
    v.put(FROM, EdnParser.box(from));
    v.put(TO, EdnParser.box(to));
    v.put(AMOUNT, EdnParser.box(1 + rng.nextInt(maxTransfer)));
    return new Invocation(TRANSFER, java.util.Collections.unmodifiableMap(v));
  }

  @Override
  public CheckSpec check() {
    return CheckSpec.of("bank", "accounts", (long) accounts, "total", total);
  }

  @Override
  public Map<String, Object> settings() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("accounts", (long) accounts);
    m.put("total", total);
    m.put("max-transfer", (long) maxTransfer);
    return m;
  }
}
