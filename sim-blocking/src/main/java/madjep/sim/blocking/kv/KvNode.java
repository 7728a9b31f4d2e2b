package madjep.sim.blocking.kv;

import java.util.Arrays;
import java.util.HashMap;
import madjep.history.edn.Keyword;
import madjep.sim.blocking.BlockingContext;
import madjep.sim.blocking.BlockingNode;
import madjep.sim.blocking.SimCondition;
import madjep.sim.blocking.SimFuture;
import madjep.sim.blocking.SimLock;
import madjep.sim.blocking.SimTimeoutException;
import madjep.sim.workload.ClientOp;
import madjep.sim.workload.ClientReply;
import madjep.sim.workload.OpMachine;

/**
 * A Raft key-value store written as ordinary blocking Java: the shape of a production service, with one lock over
 * the node's state, a condition for "new entries", a future per client op, and tasks that call and wait. An election task sleeps
 * until the election deadline and then campaigns; a leader runs one replicator task per peer, each calling
 * AppendEntries and waiting for the reply or for new entries; every request (a client op, a vote, an append) is
 * served by a task of its own, and a client's task waits until its entry is applied before it answers. Reads go
 * through the log, so answers are linearizable, unless the early-ack bug is on.
 */
public final class KvNode implements BlockingNode {
  private static final Keyword WRITE = Keyword.of("write");

  private enum Role {
    FOLLOWER, CANDIDATE, LEADER
  }

  private final int id;
  private final KvConfig cfg;
  private BlockingContext ctx;
  private SimLock lock;
  /** Signalled when the log grows or the role changes: what a leader's replicators wait for between appends. */
  private SimCondition changed;
  private KvStorage store;
  private OpMachine machine;
  private Role role = Role.FOLLOWER;
  private int leader = -1;
  private long commit;
  private long applied;
  private long electionDeadline;
  private long[] next;
  private long[] match;
  /** The client ops this leader logged and has not applied yet: index to the future its client's task waits on. */
  private final HashMap<Long, SimFuture<ClientReply>> pending = new HashMap<>();

  public KvNode(int id, KvConfig cfg) {
    this.id = id;
    this.cfg = cfg;
  }

  // ---- for tests ----

  public boolean isLeader() {
    return role == Role.LEADER;
  }

  public long term() {
    return store.term;
  }

  public long commitIndex() {
    return commit;
  }

  // ---- boot ----

  @Override
  public void start(BlockingContext c) {
    ctx = c;
    lock = c.newLock();
    changed = lock.newCondition();
    store = new KvStorage(c.disk());
    store.recover();
    machine = new OpMachine(cfg.accounts(), cfg.total(), cfg.setReads());
    next = new long[c.servers()];
    match = new long[c.servers()];
    if (store.last() > 0) {
      c.log("recovered term " + store.term + ", " + store.last() + " entries");
    }
    resetElection();
    c.spawn("election", this::electionLoop);
  }

  // ---- elections ----

  private void resetElection() {
    electionDeadline = ctx.monotonic() + cfg.electionMin()
        + ctx.random().nextLong(cfg.electionMax() - cfg.electionMin() + 1);
  }

  private void electionLoop() {
    while (true) {
      long wait;
      lock.lock();
      try {
        wait = electionDeadline - ctx.monotonic();
        if (wait <= 0) {
          if (role == Role.LEADER) {
            resetElection();
          } else {
            campaign();
          }
          wait = electionDeadline - ctx.monotonic();
        }
      } finally {
        lock.unlock();
      }
      ctx.sleep(wait);
    }
  }

  /** With the lock held: a new term, a vote for itself, and a task per peer asking for its vote. */
  private void campaign() {
    role = Role.CANDIDATE;
    leader = -1;
    store.saveTerm(store.term + 1, id);
    store.fsync();
    resetElection();
    changed.signalAll();
    long term = store.term;
    KvMessages.Vote ask = new KvMessages.Vote(term, store.last(), store.termAt(store.last()));
    int[] votes = {1};
    if (votes[0] >= majority()) {
      becomeLeader();
      return;
    }
    for (int p = 0; p < ctx.servers(); p++) {
      if (p != id) {
        int peer = p;
        ctx.spawn("vote " + ctx.nameOf(peer), () -> askVote(peer, ask, votes));
      }
    }
  }

  private void askVote(int peer, KvMessages.Vote ask, int[] votes) {
    KvMessages.VoteReply r;
    try {
      r = (KvMessages.VoteReply) ctx.call(peer, ask, cfg.rpcTimeout());
    } catch (SimTimeoutException e) {
      return;
    }
    lock.lock();
    try {
      if (observeTerm(r.term()) || role != Role.CANDIDATE || store.term != ask.term() || !r.granted()) {
        return;
      }
      if (++votes[0] == majority()) {
        becomeLeader();
      }
    } finally {
      lock.unlock();
    }
  }

  private int majority() {
    return ctx.servers() / 2 + 1;
  }

  /** With the lock held: adopts a newer term seen in a reply or request; true when it did. */
  private boolean observeTerm(long t) {
    if (t <= store.term) {
      return false;
    }
    store.saveTerm(t, -1);
    store.fsync();
    stepDown();
    return true;
  }

  private void stepDown() {
    if (role == Role.LEADER) {
      ctx.log("steps down in term " + store.term);
    }
    role = Role.FOLLOWER;
    // Those ops may still commit under another leader: no answer, so their clients record them as indeterminate.
    for (SimFuture<ClientReply> f : pending.values()) {
      f.complete(null);
    }
    pending.clear();
    changed.signalAll();
  }

  private void becomeLeader() {
    role = Role.LEADER;
    leader = id;
    Arrays.fill(next, store.last() + 1);
    Arrays.fill(match, 0);
    store.append(new KvMessages.Entry(store.term, null));
    store.fsync();
    ctx.announce("leader", store.term);
    long term = store.term;
    for (int p = 0; p < ctx.servers(); p++) {
      if (p != id) {
        int peer = p;
        ctx.spawn("replicate " + ctx.nameOf(peer), () -> replicate(peer, term));
      }
    }
    advanceCommit();
  }

  // ---- replication (leader) ----

  /** Keeps one follower up to date while this node leads in {@code term}. */
  private void replicate(int peer, long term) {
    while (true) {
      KvMessages.Append msg;
      lock.lock();
      try {
        if (role != Role.LEADER || store.term != term) {
          return;
        }
        long from = next[peer];
        msg = new KvMessages.Append(term, from - 1, store.termAt(from - 1), store.entries(from, cfg.maxBatch()),
            commit);
      } finally {
        lock.unlock();
      }
      KvMessages.AppendReply r;
      try {
        r = (KvMessages.AppendReply) ctx.call(peer, msg, cfg.rpcTimeout());
      } catch (SimTimeoutException e) {
        continue;
      }
      lock.lock();
      try {
        if (observeTerm(r.term()) || role != Role.LEADER || store.term != term) {
          return;
        }
        if (r.success()) {
          match[peer] = Math.max(match[peer], r.index());
          next[peer] = match[peer] + 1;
          advanceCommit();
          if (next[peer] > store.last()) {
            changed.await(cfg.heartbeat());
          }
        } else {
          next[peer] = Math.max(1, Math.min(next[peer] - 1, r.index()));
        }
      } finally {
        lock.unlock();
      }
    }
  }

  private void advanceCommit() {
    int n = ctx.servers();
    long[] m = new long[n];
    for (int p = 0; p < n; p++) {
      m[p] = p == id ? store.last() : match[p];
    }
    Arrays.sort(m);
    long candidate = m[n - majority()];
    if (candidate > commit && store.termAt(candidate) == store.term) {
      commit = candidate;
      apply();
    }
  }

  private void apply() {
    while (applied < commit) {
      applied++;
      ClientOp op = store.entry(applied).op();
      if (op != null) {
        ClientReply reply = machine.apply(op);
        SimFuture<ClientReply> f = pending.remove(applied);
        if (f != null) {
          f.complete(reply);
        }
      }
    }
  }

  // ---- requests ----

  @Override
  public Object serve(BlockingContext c, int from, Object request) {
    if (request instanceof ClientOp op) {
      return onClient(op);
    }
    lock.lock();
    try {
      if (request instanceof KvMessages.Append a) {
        return onAppend(from, a);
      }
      if (request instanceof KvMessages.Vote v) {
        return onVote(from, v);
      }
      throw new IllegalArgumentException("unexpected request " + request);
    } finally {
      lock.unlock();
    }
  }

  private KvMessages.VoteReply onVote(int from, KvMessages.Vote v) {
    observeTerm(v.term());
    long lastTerm = store.termAt(store.last());
    boolean upToDate = v.lastTerm() > lastTerm || v.lastTerm() == lastTerm && v.lastIndex() >= store.last();
    boolean grant = v.term() == store.term && (store.votedFor == -1 || store.votedFor == from) && upToDate;
    if (grant) {
      store.saveTerm(store.term, from);
      resetElection();
    }
    store.fsync();
    return new KvMessages.VoteReply(store.term, grant);
  }

  private KvMessages.AppendReply onAppend(int from, KvMessages.Append a) {
    observeTerm(a.term());
    if (a.term() < store.term) {
      return new KvMessages.AppendReply(store.term, false, store.last() + 1);
    }
    if (role != Role.FOLLOWER) {
      stepDown();
    }
    leader = from;
    resetElection();
    long prev = a.prevIndex();
    if (prev > store.last()) {
      return new KvMessages.AppendReply(store.term, false, store.last() + 1);
    }
    if (store.termAt(prev) != a.prevTerm()) {
      // Everything up to the commit point matches the leader's log: resume just past it.
      return new KvMessages.AppendReply(store.term, false, Math.min(prev, commit + 1));
    }
    for (int i = 0; i < a.entries().size(); i++) {
      long index = prev + 1 + i;
      KvMessages.Entry e = a.entries().get(i);
      if (index <= store.last()) {
        if (store.termAt(index) == e.term()) {
          continue;
        }
        store.truncateFrom(index);
      }
      store.append(e);
    }
    store.fsync();
    long matched = prev + a.entries().size();
    if (a.leaderCommit() > commit) {
      commit = Math.max(commit, Math.min(a.leaderCommit(), matched));
      apply();
    }
    return new KvMessages.AppendReply(store.term, true, matched);
  }

  /** A client's op: logged, replicated, applied, answered; or refused with a hint when not the leader. */
  private ClientReply onClient(ClientOp op) {
    SimFuture<ClientReply> result;
    lock.lock();
    try {
      if (role != Role.LEADER) {
        return new ClientReply.NotLeader(leader);
      }
      store.append(new KvMessages.Entry(store.term, op));
      store.fsync();
      changed.signalAll();
      if (cfg.earlyAck() && op.f() == WRITE) {
        return new ClientReply.Ok(op.value());
      }
      result = ctx.newFuture();
      pending.put(store.last(), result);
    } finally {
      lock.unlock();
    }
    try {
      return result.get(cfg.clientWait());
    } catch (SimTimeoutException e) {
      // Not applied in time: no answer, as when leadership is lost (the future then completes with null).
      return null;
    }
  }
}
