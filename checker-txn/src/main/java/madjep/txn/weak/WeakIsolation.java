package madjep.txn.weak;

import java.util.List;
import java.util.Set;
import madjep.history.txn.TxnHistory;
import madjep.txn.Analysis;
import madjep.txn.Workload;

/**
 * Decides read committed, read atomic and transactional causal consistency (see the package documentation for the
 * definitions) and explains every violation found. A pure function of the history; linear in its size for read
 * committed and read atomic, and in its size times the number of keys still to be read for causal consistency.
 */
public final class WeakIsolation {
  /** The levels, weakest first. */
  public enum Level {
    READ_COMMITTED,
    READ_ATOMIC,
    CAUSAL
  }

  // A read no execution returns, at any level.
  /** A read of a :fail transaction's write. */
  public static final String ABORTED_READ = "aborted-read";
  /** A read of a value or element that no transaction wrote. */
  public static final String THIN_AIR_READ = "thin-air-read";
  /** A read of a write the reading transaction makes only later. */
  public static final String OWN_FUTURE_READ = "own-future-read";
  /** A read of part of another transaction's writes to a key: an overwritten value, or some of its appends. */
  public static final String INTERMEDIATE_READ = "intermediate-read";
  /** A list read that holds an element twice. */
  public static final String DUPLICATE_READ = "duplicate-read";
  /** A read after the transaction's own write of the key that does not show that write last. */
  public static final String OWN_WRITE_MISSED = "own-write-missed";
  // A read that misses a write visible to it.
  /** Read committed: a write of a session predecessor, or one an earlier read of the transaction observed. */
  public static final String NON_MONOTONIC_READ = "non-monotonic-read";
  /** Read atomic: two reads of one key in a transaction that observed different writes. */
  public static final String NON_REPEATABLE_READ = "non-repeatable-read";
  /** Read atomic: a write of a transaction that a later read of the same transaction observed. */
  public static final String FRACTURED_READ = "fractured-read";
  /** Causal: a write of a causal predecessor (a chain of session order and observations). */
  public static final String CAUSALITY_VIOLATION = "causality-violation";
  // A cycle in the commit order each level forces.
  public static final String READ_COMMITTED_CYCLE = "read-committed-cycle";
  public static final String READ_ATOMIC_CYCLE = "read-atomic-cycle";
  public static final String CAUSAL_CYCLE = "causal-cycle";

  /** Every anomaly type this analysis reports. */
  public static final List<String> TYPES = List.of(ABORTED_READ, THIN_AIR_READ, OWN_FUTURE_READ, INTERMEDIATE_READ,
      DUPLICATE_READ, OWN_WRITE_MISSED, NON_MONOTONIC_READ, NON_REPEATABLE_READ, FRACTURED_READ, CAUSALITY_VIOLATION,
      READ_COMMITTED_CYCLE, READ_ATOMIC_CYCLE, CAUSAL_CYCLE);

  private WeakIsolation() {}

  /** The strongest level whose anomalies are among {@code prohibited}, or null when none is. */
  public static Level level(Set<String> prohibited) {
    if (prohibited.contains(CAUSALITY_VIOLATION) || prohibited.contains(CAUSAL_CYCLE)) {
      return Level.CAUSAL;
    }
    if (prohibited.contains(FRACTURED_READ) || prohibited.contains(READ_ATOMIC_CYCLE)
        || prohibited.contains(NON_REPEATABLE_READ)) {
      return Level.READ_ATOMIC;
    }
    for (String t : TYPES) {
      if (prohibited.contains(t)) {
        return Level.READ_COMMITTED;
      }
    }
    return null;
  }

  /**
   * Checks a history against a level; the anomalies found are added to {@code out} (each at the weakest level it
   * violates), or {@code out.early} is set for input no level can judge (unknown micro-ops, duplicate appends).
   */
  public static void check(TxnHistory h, Workload w, Level level, Analysis out) {
    Observations o = Observations.of(h, w == Workload.LIST_APPEND, out);
    if (o == null) {
      return;
    }
    for (var e : o.anomalies.entrySet()) {
      out.add(e.getKey(), e.getValue());
    }
    CommitOrder order = new CommitOrder(o);
    DirectVisibility.check(o, level, order);
    CausalVisibility causal = level == Level.CAUSAL ? CausalVisibility.check(o, order) : null;
    order.build();
    for (var e : order.violations().entrySet()) {
      out.add(e.getKey(), e.getValue());
    }
    if (causal != null) {
      out.add(CAUSALITY_VIOLATION, causal.explain(order));
    }
    out.add(READ_COMMITTED_CYCLE, order.cycles(Level.READ_COMMITTED));
    if (level != Level.READ_COMMITTED) {
      out.add(READ_ATOMIC_CYCLE, order.cycles(Level.READ_ATOMIC));
    }
    if (level == Level.CAUSAL) {
      out.add(CAUSAL_CYCLE, order.cycles(Level.CAUSAL));
    }
  }
}
