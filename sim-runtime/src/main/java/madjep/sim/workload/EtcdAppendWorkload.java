package madjep.sim.workload;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Jepsen's etcd {@code append} workload: Elle's list-append transactions, which an etcd client runs as a range read
 * of their keys with revisions, then a transaction guarded on those revisions that puts the appended lists (a system
 * without such a client runs them as it runs list-append). Checked as list-append, strict-serializable (and
 * serializable, reported beside), and with the revision check: completions that carry {@code :revision} and {@code
 * :mod-revisions} must agree on one revision per write, growing along each key's order and along real time.
 */
public final class EtcdAppendWorkload implements Workload {
  private final TxnWorkload txns;

  /** A workload whose keys are never retired. */
  public EtcdAppendWorkload(Keys keys, int opsPerTxn) {
    this(keys, opsPerTxn, 0);
  }

  /** Each key is retired after {@code writesPerKey} appends and a fresh one takes its place (0: never). */
  public EtcdAppendWorkload(Keys keys, int opsPerTxn, int writesPerKey) {
    txns = new TxnWorkload(true, keys, opsPerTxn, writesPerKey);
  }

  @Override
  public String name() {
    return "append";
  }

  @Override
  public Invocation next(SplittableRandom rng, long process) {
    return txns.next(rng, process);
  }

  @Override
  public CheckSpec check() {
    return CheckSpec.of("txn", "workload", "list-append", "consistency-models", List.of("strict-serializable"),
        "also-models", List.of("serializable"), "revisions", true);
  }

  @Override
  public Map<String, Object> settings() {
    return txns.settings();
  }
}
