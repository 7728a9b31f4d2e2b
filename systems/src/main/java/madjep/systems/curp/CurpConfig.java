package madjep.systems.curp;

import madjep.sim.Durations;

/**
 * Settings of the bundled CURP store, and the seeded bugs (Xline's two Jepsen findings) and API variant that its
 * scenarios switch on.
 *
 * @param electionMin the shortest election timeout (long enough for WAN round trips)
 * @param electionMax the longest election timeout
 * @param heartbeat how often a leader sends AppendEntries when idle
 * @param maxBatch the most entries in one AppendEntries
 * @param applyDelay the most a node's executor takes to apply entries after learning they are committed (applying
 *     is asynchronous, as in Xline: reads must wait for it)
 * @param compactEvery write a state snapshot and drop the log once this many entries (and at least twice the
 *     state's size) are applied past the last one (0: never)
 * @param resend how long a client waits for an answer before proposing its command again (to every node)
 * @param etcdTxns clients run transactions as etcd does: read the keys with their revisions, then a transaction
 *     guarded on those revisions (the {@code append} workload); otherwise a transaction is one server-side command
 * @param stateBeforeLog bug (finding A): the applied index is kept with the log and synced with it, the state is
 *     synced as soon as entries are applied, so after a crash entries whose effects the state holds are applied again
 * @param readNoWait bug (finding A): a read is answered from the state as it is, without waiting for the entries
 *     before it in the log to be applied
 * @param localRevision bug (finding B): each node numbers revisions as it executes writes (a leader speculatively,
 *     in arrival order, and returns that revision on the fast path; followers in log order; commands recovered from
 *     witnesses in no particular order), so nodes disagree on revisions
 * @param nativeApi the native 1-RTT API: guarded transactions complete on the fast path without a revision, which
 *     promises serializability but not strict serializability (the order of commuting commands is fixed only after
 *     the fast path, and recovery may reorder them)
 */
public record CurpConfig(
    long electionMin,
    long electionMax,
    long heartbeat,
    int maxBatch,
    long applyDelay,
    int compactEvery,
    long resend,
    boolean etcdTxns,
    boolean stateBeforeLog,
    boolean readNoWait,
    boolean localRevision,
    boolean nativeApi) {

  /** The correct store, with timeouts for WAN round trips of up to a quarter second. */
  public static CurpConfig defaults() {
    return new CurpConfig(Durations.ms(800), Durations.ms(1600), Durations.ms(100), 256, Durations.ms(2), 1000,
        Durations.ms(600), false, false, false, false, false);
  }

  /** The names {@link #withBug} takes. */
  static final java.util.List<String> BUGS = java.util.List.of("state-before-log", "read-no-wait", "local-revision",
      "native");

  public CurpConfig withBug(String bug) {
    return switch (bug) {
      case "none" -> this;
      case "state-before-log" -> with(true, readNoWait, localRevision, nativeApi);
      case "read-no-wait" -> with(stateBeforeLog, true, localRevision, nativeApi);
      case "local-revision" -> with(stateBeforeLog, readNoWait, true, nativeApi);
      case "native" -> with(stateBeforeLog, readNoWait, localRevision, true);
      default -> throw new IllegalArgumentException("expected a curp-kv bug: none, " + String.join(", ", BUGS)
          + "; found '" + bug + "'");
    };
  }

  public CurpConfig withEtcdTxns(boolean on) {
    return new CurpConfig(electionMin, electionMax, heartbeat, maxBatch, applyDelay, compactEvery, resend, on,
        stateBeforeLog, readNoWait, localRevision, nativeApi);
  }

  public CurpConfig withCompactEvery(int entries) {
    return new CurpConfig(electionMin, electionMax, heartbeat, maxBatch, applyDelay, entries, resend, etcdTxns,
        stateBeforeLog, readNoWait, localRevision, nativeApi);
  }

  private CurpConfig with(boolean stateBeforeLog, boolean readNoWait, boolean localRevision, boolean nativeApi) {
    return new CurpConfig(electionMin, electionMax, heartbeat, maxBatch, applyDelay, compactEvery, resend, etcdTxns,
        stateBeforeLog, readNoWait, localRevision, nativeApi);
  }

  /** Quorum sizes for {@code n} nodes, Xline's: quorum f+1, recover-quorum quorum/2+1, super-quorum (n-quorum)+that. */
  static int quorum(int n) {
    return n / 2 + 1;
  }

  static int recoverQuorum(int n) {
    return quorum(n) / 2 + 1;
  }

  static int superQuorum(int n) {
    return Math.min(n, n - quorum(n) + recoverQuorum(n));
  }
}
