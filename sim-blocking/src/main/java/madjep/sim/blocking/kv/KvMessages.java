package madjep.sim.blocking.kv;

import java.util.List;
import madjep.sim.workload.ClientOp;

/** Raft's two calls (Ongaro and Ousterhout, figure 2) as request and reply records. */
final class KvMessages {
  private KvMessages() {}

  /** A log entry: its term and op (null for a new leader's no-op). */
  record Entry(long term, ClientOp op) {}

  record Vote(long term, long lastIndex, long lastTerm) {}

  record VoteReply(long term, boolean granted) {}

  record Append(long term, long prevIndex, long prevTerm, List<Entry> entries, long leaderCommit) {}

  /** On success {@code index} is the follower's match; on failure, where the leader should resume. */
  record AppendReply(long term, boolean success, long index) {}
}
