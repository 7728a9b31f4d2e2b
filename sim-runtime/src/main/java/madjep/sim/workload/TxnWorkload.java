package madjep.sim.workload;

import it.unimi.dsi.fastutil.longs.Long2LongOpenHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import madjep.history.edn.EdnParser;
import madjep.history.edn.EdnVector;
import madjep.history.edn.Keyword;

/**
 * Elle's transactional workloads: {@code list-append} ({@code [:append k v]} and {@code [:r k nil]} micro-ops, each
 * appended value unique per key) and {@code rw-register} ({@code [:w k v]} and {@code [:r k nil]}, each written value
 * unique per key). {@code 1..opsPerTxn} micro-ops per transaction.
 *
 * <p>As Jepsen's append workload does ({@code :max-writes-per-key}), a key is retired after {@code writesPerKey}
 * writes and a fresh one takes its place: a list-append read returns its key's whole list, so without a bound a
 * history grows with the square of its length (a 10-minute run wrote 2.4 GB and its check ran out of 6 GB).
 */
public final class TxnWorkload implements Workload {
  static final Keyword TXN = Keyword.of("txn");
  static final Keyword R = Keyword.of("r");
  static final Keyword W = Keyword.of("w");
  static final Keyword APPEND = Keyword.of("append");

  private final boolean append;
  private final Keys keys;
  private final int opsPerTxn;
  private final Long2LongOpenHashMap nextValue = new Long2LongOpenHashMap();
  private final int writesPerKey;
  /** The keys in use; a write is a use. */
  private final ActiveKeys active;

  /** A workload whose keys are never retired. */
  public TxnWorkload(boolean append, Keys keys, int opsPerTxn) {
    this(append, keys, opsPerTxn, 0);
  }

  /** {@code keys} picks among the keys in use; each is retired after {@code writesPerKey} writes (0: never). */
  public TxnWorkload(boolean append, Keys keys, int opsPerTxn, int writesPerKey) {
    if (opsPerTxn < 1) {
      throw new IllegalArgumentException("expected ops-per-txn of at least 1, found " + opsPerTxn);
    }
    if (writesPerKey < 0) {
      throw new IllegalArgumentException("expected writes per key of at least 0, found " + writesPerKey);
    }
    this.append = append;
    this.keys = keys;
    this.opsPerTxn = opsPerTxn;
    this.writesPerKey = writesPerKey;
    active = new ActiveKeys(keys.count(), writesPerKey);
  }

  @Override
  public String name() {
    return append ? "list-append" : "rw-register";
  }

  @Override
  public Invocation next(SplittableRandom rng, long process) {
    int n = 1 + rng.nextInt(opsPerTxn);
    Object[] mops = new Object[n];
    for (int i = 0; i < n; i++) {
      int slot = (int) keys.next(rng);
      long k = active.key(slot);
      if (rng.nextBoolean()) {
        mops[i] = EdnVector.of(R, EdnParser.box(k), null);
      } else {
        long v = nextValue.addTo(k, 1) + 1;
        mops[i] = EdnVector.of(append ? APPEND : W, EdnParser.box(k), EdnParser.box(v));
        if (active.use(slot)) {
          nextValue.remove(k);
        }
      }
    }
    return new Invocation(TXN, EdnVector.of(mops));
  }

  @Override
  public CheckSpec check() {
    return CheckSpec.of("txn", "workload", name(), "consistency-models", List.of("strict-serializable"));
  }

  @Override
  public Map<String, Object> settings() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("keys", (long) keys.count());
    m.put("key-distribution", keys.distribution());
    m.put("ops-per-txn", (long) opsPerTxn);
    m.put("writes-per-key", (long) writesPerKey);
    return m;
  }
}
