package madjep.systems.raft;

import java.util.List;
import madjep.sim.Durations;
import madjep.sim.Invariant;
import madjep.sim.Node;

/** Raft's safety properties over the whole cluster, checked while a scenario runs (Ongaro, figure 3). */
final class RaftInvariants {
  private RaftInvariants() {}

  static List<Invariant.Named> all() {
    return List.of(
        new Invariant.Named("raft.one-leader-per-term", Invariant.Scope.LIVE, Durations.ms(100),
            RaftInvariants::oneLeaderPerTerm),
        new Invariant.Named("raft.committed-entries-agree", Invariant.Scope.LIVE, Durations.ms(100),
            RaftInvariants::committedAgree));
  }

  /** Election safety: at most one leader in a term. */
  static String oneLeaderPerTerm(List<Node> nodes, long now) {
    for (int a = 0; a < nodes.size(); a++) {
      if (nodes.get(a) instanceof RaftNode x && x.isLeader()) {
        for (int b = a + 1; b < nodes.size(); b++) {
          if (nodes.get(b) instanceof RaftNode y && y.isLeader() && y.term() == x.term()) {
            return "n" + (a + 1) + " and n" + (b + 1) + " both lead term " + x.term();
          }
        }
      }
    }
    return null;
  }

  /**
   * State machine safety, where it is cheap to see: two nodes that both hold their lower commit index in their logs
   * agree on its term.
   */
  static String committedAgree(List<Node> nodes, long now) {
    for (int a = 0; a < nodes.size(); a++) {
      if (!(nodes.get(a) instanceof RaftNode x)) {
        continue;
      }
      for (int b = a + 1; b < nodes.size(); b++) {
        if (!(nodes.get(b) instanceof RaftNode y)) {
          continue;
        }
        long i = Math.min(x.commitIndex(), y.commitIndex());
        if (i > Math.max(x.snapshotIndex(), y.snapshotIndex()) && i <= x.lastIndex() && i <= y.lastIndex()
            && x.termAt(i) != y.termAt(i)) {
          return "n" + (a + 1) + " and n" + (b + 1) + " committed index " + i + " in terms " + x.termAt(i) + " and "
              + y.termAt(i);
        }
      }
    }
    return null;
  }
}
