package madjep.systems.raft;

import java.util.List;
import madjep.sim.Durations;

/**
 * Settings of the bundled Raft, and the bug that a seeded-bug scenario switches on (at most one).
 *
 * @param electionMin the shortest election timeout
 * @param electionMax the longest election timeout
 * @param heartbeat how often a leader sends AppendEntries when idle
 * @param maxBatch the most entries in one AppendEntries
 * @param bug the seeded bug, one of {@link #BUGS}, or {@code none}
 * @param lazySync how often the unsynced-ack bug syncs
 * @param accounts bank accounts in the state machine
 * @param total the bank's total
 * @param setReads {@code :read nil} reads the set (set workload) rather than the bank
 * @param compactEvery snapshot the state machine and drop the log once this many entries (and at least the state's
 *     size) are applied past the last snapshot (0: never)
 * @param flushEvery how often at most a leader syncs its log and sends AppendEntries (0: for every client op); the ops
 *     that arrive meanwhile wait for the next flush and share it
 */
public record RaftConfig(
    long electionMin,
    long electionMax,
    long heartbeat,
    int maxBatch,
    String bug,
    long lazySync,
    int accounts,
    long total,
    boolean setReads,
    int compactEvery,
    long flushEvery) {

  /**
   * The seeded bugs, each exposed by one family of faults:
   *
   * <ul>
   *   <li>{@code stale-read}: a leader answers reads from its own state without confirming it is still leader;
   *   <li>{@code unsynced-ack}: entries are acknowledged (by followers and counted by the leader) before fsync; the
   *       log is synced only every {@code lazySync};
   *   <li>{@code small-quorum}: a leader commits once half the cluster (rounded down) holds an entry, not a majority;
   *   <li>{@code lease-read}: a leader answers reads locally while a lease on its wall clock lasts (half an election
   *       timeout past the latest majority of acknowledgements, only ever extended), so a clock that jumps ahead and
   *       back leaves the leader a lease long after it stopped leading;
   *   <li>{@code no-checksum}: recovery reads the log without verifying its checksums, so corrupted entries are
   *       applied and served;
   *   <li>{@code ignore-fsync-errors}: a failed fsync is logged and ignored, and the entries it covered are
   *       acknowledged: the page cache dropped them, so a crash loses acknowledged writes;
   *   <li>{@code local-read}: a follower whose leader is in another region answers reads from its own state (and
   *       forwards writes to the leader), saving a round trip across the WAN;
   *   <li>{@code fixed-election-timeout}: after a random first timeout at boot, every node waits one fixed timeout
   *       ({@link #fixedTimeout}, two heartbeats) for its leader, on every election: a slowed node whose events take
   *       longer than that campaigns on every timer it handles, deposing each leader (there is no pre-vote), and the
   *       others, timing out in step, split their votes, so no leader lasts (a livelock).
   * </ul>
   */
  public static final List<String> BUGS = List.of("stale-read", "unsynced-ack", "small-quorum", "lease-read",
      "no-checksum", "ignore-fsync-errors", "local-read", "fixed-election-timeout");

  /**
   * The most doublings of the election timeout after failed elections: 8x, [1.2 s, 2.4 s] with the defaults, far past
   * the longest inter-region round trip of the bundled WAN (239 ms) yet short against the 5 s a correct store has to
   * serve clients again once the faults heal.
   */
  public static final int MAX_BACKOFF = 3;

  public RaftConfig {
    if (!bug.equals("none") && !BUGS.contains(bug)) {
      throw new IllegalArgumentException("expected a raft bug: none, " + String.join(", ", BUGS) + ", found '" + bug
          + "'");
    }
  }

  /** The correct Raft with the usual timeouts. */
  public static RaftConfig defaults() {
    return new RaftConfig(Durations.ms(150), Durations.ms(300), Durations.ms(50), 256, "none", Durations.ms(1000), 5,
        100, false, 2000, Durations.ms(5));
  }

  public RaftConfig withBug(String b) {
    return new RaftConfig(electionMin, electionMax, heartbeat, maxBatch, b, lazySync, accounts, total, setReads,
        compactEvery, flushEvery);
  }

  public RaftConfig withMachine(int accountCount, long totalAmount, boolean reads) {
    return new RaftConfig(electionMin, electionMax, heartbeat, maxBatch, bug, lazySync, accountCount, totalAmount,
        reads, compactEvery, flushEvery);
  }

  public RaftConfig withFlushEvery(long nanos) {
    return new RaftConfig(electionMin, electionMax, heartbeat, maxBatch, bug, lazySync, accounts, total, setReads,
        compactEvery, nanos);
  }

  public RaftConfig withCompactEvery(int entries) {
    return new RaftConfig(electionMin, electionMax, heartbeat, maxBatch, bug, lazySync, accounts, total, setReads,
        entries, flushEvery);
  }

  public boolean staleRead() {
    return bug.equals("stale-read");
  }

  public boolean unsyncedAck() {
    return bug.equals("unsynced-ack");
  }

  public boolean smallQuorum() {
    return bug.equals("small-quorum");
  }

  public boolean leaseRead() {
    return bug.equals("lease-read");
  }

  public boolean noChecksum() {
    return bug.equals("no-checksum");
  }

  public boolean ignoreFsyncErrors() {
    return bug.equals("ignore-fsync-errors");
  }

  public boolean localRead() {
    return bug.equals("local-read");
  }

  /** The fixed-election-timeout bug's one timeout after boot: two heartbeats, the same on every node. */
  public long fixedTimeout() {
    return 2 * heartbeat;
  }

  public boolean fixedElectionTimeout() {
    return bug.equals("fixed-election-timeout");
  }
}
