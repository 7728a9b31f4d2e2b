package madjep.systems.curp;

import java.util.List;

/** CURP's messages: a client's proposal and the answers to it, and Raft-style replication and elections. */
final class CurpMessages {
  private CurpMessages() {}

  /** A client's command, sent to every node at once: to the leader to execute, to every witness to record. */
  record Propose(Command command) {}

  /**
   * One node's answer to a {@link Propose}.
   *
   * @param command the command answered
   * @param term the node's term when it answered: a client counts acceptances only in the leader's term
   * @param accepted the node's witness accepted the command (it commutes with everything the witness holds)
   * @param leader the node leads {@code term} and has the command in its log
   * @param speculative the leader's result, executed before the command is committed; null when the command conflicts
   *     with something not yet applied (the client then waits for {@link Synced})
   * @param leaderHint the node's guess of the leader, or -1
   */
  record ProposeReply(Command command, long term, boolean accepted, boolean leader, Result speculative,
      int leaderHint) {}

  /** The leader's answer once the command is applied in log order (after-sync): final, with its revision. */
  record Synced(Command command, Result result) {}

  record RequestVote(long term, long lastIndex, long lastTerm) {}

  /** A vote, with the voter's speculative pool when granted: the candidate recovers from a quorum of them. */
  record VoteReply(long term, boolean granted, List<SpecPool.Held> pool) {}

  /** {@code commands[i]} is null for a leader's barrier entry; {@code leaderLast} is the leader's last index. */
  record AppendEntries(long term, long prevIndex, long prevTerm, long[] terms, Command[] commands, long leaderCommit,
      long leaderLast) {}

  /** On success {@code index} is the follower's match; on failure, where the leader should resume. */
  record AppendReply(long term, boolean success, long index) {}

  /** The leader's state as of {@code index} (of term {@code lastTerm}), for a follower behind its log. */
  record InstallSnapshot(long term, long index, long lastTerm, byte[] state) {}
}
