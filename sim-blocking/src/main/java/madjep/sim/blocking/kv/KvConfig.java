package madjep.sim.blocking.kv;

import madjep.sim.Durations;

/**
 * Settings of the blocking-style Raft key-value store, and its seeded bug.
 *
 * @param electionMin the shortest election timeout
 * @param electionMax the longest election timeout
 * @param heartbeat how long a leader's replicator for a peer waits for new entries before it sends an empty append
 * @param rpcTimeout how long a vote or append call waits for its reply
 * @param clientWait how long a client's op waits to be applied before its task gives up without answering
 * @param maxBatch the most entries in one append
 * @param earlyAck bug: a leader acknowledges a write as soon as it is in its own log, before a majority has it
 * @param accounts bank accounts in the state machine
 * @param total the bank's total
 * @param setReads {@code :read nil} reads the set (set workload) rather than the bank
 */
public record KvConfig(
    long electionMin,
    long electionMax,
    long heartbeat,
    long rpcTimeout,
    long clientWait,
    int maxBatch,
    boolean earlyAck,
    int accounts,
    long total,
    boolean setReads) {

  /** The correct store with Raft's usual timeouts. */
  public static KvConfig defaults() {
    return new KvConfig(Durations.ms(150), Durations.ms(300), Durations.ms(50), Durations.ms(50),
        Durations.ms(1000), 256, false, 5, 100, false);
  }

  /** The store with {@code bug} switched on: {@code none} or {@code early-ack}. */
  public KvConfig withBug(String bug) {
    return switch (bug) {
      case "none" -> this;
      case "early-ack" -> new KvConfig(electionMin, electionMax, heartbeat, rpcTimeout, clientWait, maxBatch, true,
          accounts, total, setReads);
      default -> throw new IllegalArgumentException("expected a kv-blocking bug: none or early-ack, found '" + bug
          + "'");
    };
  }

  /** The state machine's bank and set settings (from the scenario). */
  public KvConfig withMachine(int accountCount, long totalAmount, boolean readsSet) {
    return new KvConfig(electionMin, electionMax, heartbeat, rpcTimeout, clientWait, maxBatch, earlyAck,
        accountCount, totalAmount, readsSet);
  }

  /** The name of the bug switched on. */
  public String bug() {
    return earlyAck ? "early-ack" : "none";
  }
}
