package madjep.systems.raft;

import madjep.sim.Durations;

/**
 * Settings of the bundled Raft, and the bugs that the seeded-bug scenarios switch on.
 *
 * @param electionMin the shortest election timeout
 * @param electionMax the longest election timeout
 * @param heartbeat how often a leader sends AppendEntries when idle
 * @param maxBatch the most entries in one AppendEntries
 * @param staleRead bug: a leader answers reads from its own state without confirming it is still leader
 * @param unsyncedAck bug: entries are acknowledged (by followers and counted by the leader) before fsync; the log
 *     is synced only every {@code lazySync}
 * @param smallQuorum bug: a leader commits once half the cluster (rounded down) holds an entry, not a majority
 * @param leaseRead bug: a leader answers reads locally while a lease on its wall clock lasts (half an election timeout
 *     past the latest majority of acknowledgements, only ever extended), so a clock that jumps ahead and back
 *     leaves the leader a lease long after it stopped leading
 * @param lazySync how often the unsynced-ack bug syncs
 * @param accounts bank accounts in the state machine
 * @param total the bank's total
 * @param setReads {@code :read nil} reads the set (set workload) rather than the bank
 * @param compactEvery snapshot the state machine and drop the log once this many entries (and at least twice the
 *     state's size) are applied past the last snapshot (0: never)
 */
public record RaftConfig(
    long electionMin,
    long electionMax,
    long heartbeat,
    int maxBatch,
    boolean staleRead,
    boolean unsyncedAck,
    boolean smallQuorum,
    boolean leaseRead,
    long lazySync,
    int accounts,
    long total,
    boolean setReads,
    int compactEvery) {

  /** The correct Raft with the usual timeouts. */
  public static RaftConfig defaults() {
    return new RaftConfig(Durations.ms(150), Durations.ms(300), Durations.ms(50), 256, false, false, false, false,
        Durations.ms(1000), 5, 100, false, 2000);
  }

  public RaftConfig withBug(String bug) {
    return switch (bug) {
      case "stale-read" -> new RaftConfig(electionMin, electionMax, heartbeat, maxBatch, true, unsyncedAck,
          smallQuorum, leaseRead, lazySync, accounts, total, setReads, compactEvery);
      case "unsynced-ack" -> new RaftConfig(electionMin, electionMax, heartbeat, maxBatch, staleRead, true,
          smallQuorum, leaseRead, lazySync, accounts, total, setReads, compactEvery);
      case "small-quorum" -> new RaftConfig(electionMin, electionMax, heartbeat, maxBatch, staleRead, unsyncedAck,
          true, leaseRead, lazySync, accounts, total, setReads, compactEvery);
      case "lease-read" -> new RaftConfig(electionMin, electionMax, heartbeat, maxBatch, staleRead, unsyncedAck,
          smallQuorum, true, lazySync, accounts, total, setReads, compactEvery);
      case "none" -> this;
      default -> throw new IllegalArgumentException(
          "expected a raft bug: none, stale-read, unsynced-ack, small-quorum or lease-read, found '" + bug + "'");
    };
  }

  public RaftConfig withMachine(int accounts, long total, boolean setReads) {
    return new RaftConfig(electionMin, electionMax, heartbeat, maxBatch, staleRead, unsyncedAck, smallQuorum,
        leaseRead, lazySync, accounts, total, setReads, compactEvery);
  }

  public RaftConfig withCompactEvery(int entries) {
    return new RaftConfig(electionMin, electionMax, heartbeat, maxBatch, staleRead, unsyncedAck, smallQuorum,
        leaseRead, lazySync, accounts, total, setReads, entries);
  }

  /** The name of the bug switched on, or {@code none}. */
  public String bug() {
    return staleRead ? "stale-read" : unsyncedAck ? "unsynced-ack" : smallQuorum ? "small-quorum"
        : leaseRead ? "lease-read" : "none";
  }
}
