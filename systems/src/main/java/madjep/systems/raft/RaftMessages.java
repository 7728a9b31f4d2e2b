package madjep.systems.raft;

import madjep.sim.workload.ClientOp;

/** Raft's messages (Ongaro and Ousterhout, figure 2); the sender is the message's {@code from}. */
final class RaftMessages {
  private RaftMessages() {}

  record RequestVote(long term, long lastIndex, long lastTerm) {}

  record VoteReply(long term, boolean granted) {}

  /**
   * {@code ops[i]} is null for a leader's no-op entry; {@code records[i]} is the entry's record as the leader wrote
   * it (null when it has none), which the follower writes as it is; {@code leaderLast} is the leader's last index.
   */
  record AppendEntries(long term, long prevIndex, long prevTerm, long[] terms, ClientOp[] ops, byte[][] records,
      long leaderCommit, long leaderLast) {}

  /** The leader's state machine as of {@code index} (of term {@code lastTerm}), for a follower behind its log. */
  record InstallSnapshot(long term, long index, long lastTerm, Object state) {}

  /** On success {@code index} is the follower's match; on failure, where the leader should resume. */
  record AppendReply(long term, boolean success, long index) {}
}
