package madjep.systems.raft;

import java.util.Arrays;
import madjep.sim.DiskException;
import madjep.sim.Node;
import madjep.sim.NodeContext;
import madjep.sim.Rpc;
import madjep.sim.Timer;
import madjep.sim.workload.ClientOp;
import madjep.sim.workload.ClientReply;
import madjep.sim.workload.OpMachine;

/**
 * A Raft server running an {@link OpMachine}: leader election, log replication, and a durable log synced before
 * anything that depends on it is sent (unless the unsynced-ack bug is on). Client ops, reads included, go through
 * the log, so answers are linearizable (unless the stale-read bug is on). A follower answers clients with a hint
 * of the leader. Each object is one incarnation: a restart rebuilds term, vote and log from disk and re-applies
 * entries as they are learned to be committed.
 *
 * <p>A leader commits in groups, as etcd's and TiKV's do: it syncs its log and sends AppendEntries at most once per
 * {@link RaftConfig#flushEvery()} (at once when the last flush is older than that), so that the ops arriving
 * meanwhile share one fsync and one message per follower. It counts itself toward a commit only up to what it has
 * synced.
 *
 * <p>Storage faults: every record is checksummed, and a superblock records what was acknowledged and voted; a node
 * whose storage lost either (corruption, a lost sector, a cut file) neither votes nor campaigns until a leader has
 * repaired its log, so a corrupted minority never decides an election. A disk error it cannot handle (a failed fsync,
 * a full disk) ends the process, which restarts from what is durable. It declares its memory ({@code ctx.memory}),
 * has fault points ({@code raft.skip-heartbeat}, {@code raft.small-batch}, {@code raft.compact-early}) and asserts
 * that commit indexes never go back.
 */
public final class RaftNode implements Node {
  private enum Role {
    FOLLOWER, CANDIDATE, LEADER
  }

  private static final Object ELECTION = "election";
  private static final Object HEARTBEAT = "heartbeat";
  private static final Object LAZY_SYNC = "lazy-sync";
  private static final Object FLUSH = "flush";
  private static final ClientOp[] NO_OPS = new ClientOp[0];
  private static final long[] NO_TERMS = new long[0];
  private static final byte[][] NO_RECORDS = new byte[0][];

  private final RaftConfig cfg;
  private final int id;
  private RaftStorage store;
  private OpMachine machine;
  private Role role = Role.FOLLOWER;
  private int leader = -1;
  private long commit;
  private long applied;
  private int votes;
  private long[] next;
  private long[] match;
  /**
   * Whether entries sent to each follower await its reply. A leader keeps one AppendEntries with entries in flight per
   * follower and batches what arrives meanwhile (etcd's flow control with one in flight): a busy leader then sends a
   * message per round trip, not per client op. A lost message is recovered by the next heartbeat.
   */
  private boolean[] inflight;
  /** When (this node's wall clock) each follower last acknowledged entries: the lease-read bug's lease. */
  private long[] ackedAt;
  private long leaseUntil = Long.MIN_VALUE;
  private final Waiters waiting = new Waiters();
  /** The leader's log is durable up to here: all it counts for itself toward a commit. */
  private long synced;
  /** When (monotonic clock) this node last flushed as leader. */
  private long flushedAt = Long.MIN_VALUE / 2;
  /** A flush timer is set. */
  private boolean flushPending;
  private Timer election;
  private long electionDeadline;
  private long[] scratch;
  private NodeContext ctx;
  /** While suspect: the index its log must reach, from a leader, before it votes again (-1 until a leader shows up). */
  private long repairTarget = -1;
  /** The fixed-election-timeout bug's timeout once the first (random) one is drawn; 0 before. */
  private long fixedTimeout;
  /**
   * Elections this node started since it last heard from a current leader or won: each one after the first doubles
   * its election timeout (up to {@link RaftConfig#MAX_BACKOFF} doublings), so that a timeout about as short as a
   * round trip across the WAN stops splitting votes.
   */
  private int failedElections;

  public RaftNode(int id, RaftConfig cfg) {
    this.id = id;
    this.cfg = cfg;
  }

  // ---- for tests and invariants ----

  public boolean isLeader() {
    return role == Role.LEADER;
  }

  public long term() {
    return store.term;
  }

  public long commitIndex() {
    return commit;
  }

  /** True while this incarnation leads. */
  public boolean leading() {
    return role == Role.LEADER;
  }

  public long lastIndex() {
    return store.log.last();
  }

  /** The term of log entry {@code index}, or 0 when it is not in the log (before the snapshot, or after the end). */
  public long termAt(long index) {
    return index <= store.log.snapshotIndex() && index != store.log.snapshotIndex() ? 0 : store.log.term(index);
  }

  /** The last index inside the snapshot: entries up to it are known only by the snapshot. */
  public long snapshotIndex() {
    return store.log.snapshotIndex();
  }

  /** True while its storage may have lost acknowledged data and a leader has not repaired it. */
  public boolean suspect() {
    return store.suspect != null;
  }

  // ---- lifecycle ----

  @Override
  public void start(NodeContext c) {
    ctx = c;
    store = new RaftStorage(c.disk(), !cfg.noChecksum());
    int records = store.recover();
    if (store.suspect != null) {
      c.log("storage damaged: " + store.suspect + "; not voting until a leader repairs it");
    }
    c.sometimes("raft.boot-found-damaged-storage", store.suspect != null);
    machine = new OpMachine(cfg.accounts(), cfg.total(), cfg.setReads());
    if (store.recoveredSnapshot != null) {
      machine.restore(store.recoveredSnapshot);
      store.recoveredSnapshot = null;
    }
    commit = store.log.snapshotIndex();
    applied = commit;
    int n = c.servers();
    next = new long[n];
    match = new long[n];
    inflight = new boolean[n];
    ackedAt = new long[n];
    if (records > 0) {
      c.log("recovered term " + store.term + ", " + store.log.last() + " entries");
    }
    resetElection();
    if (cfg.unsyncedAck()) {
      c.setTimer(cfg.lazySync(), LAZY_SYNC);
    }
  }

  @Override
  public void timer(NodeContext c, Object tag) {
    if (tag == ELECTION) {
      long left = electionDeadline - c.monotonic();
      if (left > 0) {
        election = c.setTimer(left, ELECTION);
      } else {
        election = null;
        if (role != Role.LEADER) {
          campaign();
        } else {
          resetElection();
        }
      }
    } else if (tag == HEARTBEAT) {
      if (role == Role.LEADER) {
        if (!c.buggify("raft.skip-heartbeat")) {
          broadcast();
        }
        c.setTimer(cfg.heartbeat(), HEARTBEAT);
      }
    } else if (tag == FLUSH) {
      flushPending = false;
      if (role == Role.LEADER) {
        flush();
      }
    } else if (tag == LAZY_SYNC) {
      store.fsync();
      c.setTimer(cfg.lazySync(), LAZY_SYNC);
    }
    declareMemory();
  }

  /** The volatile state's size, roughly: the log in memory, the state machine, the waiting clients. */
  private void declareMemory() {
    ctx.memory(4096 + 48L * (store.log.last() - store.log.snapshotIndex()) + 64L * machine.stateSize()
        + 96L * waiting.size());
  }

  @Override
  public void receive(NodeContext c, int from, Object m) {
    if (m instanceof RaftMessages.AppendEntries ae) {
      onAppend(from, ae);
    } else if (m instanceof RaftMessages.AppendReply r) {
      onAppendReply(from, r);
    } else if (m instanceof RaftMessages.InstallSnapshot is) {
      onSnapshot(from, is);
    } else if (m instanceof RaftMessages.RequestVote rv) {
      onRequestVote(from, rv);
    } else if (m instanceof RaftMessages.VoteReply v) {
      onVote(from, v);
    } else if (m instanceof Rpc.Request req && req.body() instanceof ClientOp op) {
      onClient(from, req, op);
    }
    declareMemory();
  }

  // ---- durability ----

  /** Makes the log durable before an acknowledgement depends on it; the unsynced-ack bug skips this. */
  private void syncForAck() {
    if (!cfg.unsyncedAck()) {
      sync();
    }
  }

  /** A leader's {@link #syncForAck}: what its log holds then is the copy it counts toward a commit. */
  private void syncAsLeader() {
    syncForAck();
    synced = store.log.last();
  }

  /** Terms and votes are always synced before a vote is sent. */
  private void syncForVote() {
    sync();
  }

  /**
   * The log, then the superblock. A {@link DiskException} (a failed fsync, a full disk) escapes: the process dies of
   * it and restarts from what is durable, since after a failed fsync the page cache has dropped the data (fsyncgate)
   * and retrying would lie. The ignore-fsync-errors bug logs it and carries on, acknowledging what is not durable.
   */
  private void sync() {
    if (!cfg.ignoreFsyncErrors()) {
      store.sync();
      return;
    }
    try {
      store.sync();
    } catch (DiskException e) {
      ctx.log("ignoring " + e.getMessage());
    }
  }

  // ---- elections ----

  /**
   * Pushes the election deadline back by a fresh random timeout. One timer stays armed and re-arms itself for the
   * rest of the deadline when it fires early, so a heartbeat costs no timer event. The fixed-election-timeout bug
   * draws only its first timeout and then waits the same fixed one, as every other node does.
   *
   * <p>After failed elections the range [min, max] is doubled once per failure (bounded exponential backoff, reset by
   * a current leader's message or a win): when the configured timeout is close to the round trip between the voters
   * a majority needs, every candidate times out before its votes come back and every voter before the winner's first
   * heartbeat arrives; doubling both ends pushes the timeout past the round trip within a few elections, and widens
   * the spread of the draws so that candidates stop firing in step.
   */
  private void resetElection() {
    long timeout;
    if (cfg.fixedElectionTimeout() && fixedTimeout != 0) {
      timeout = fixedTimeout;
    } else {
      // The bug's first timeout is drawn from the plain range, as every other node's first one is.
      int shift = cfg.fixedElectionTimeout() ? 0 : Math.min(Math.max(failedElections - 1, 0), RaftConfig.MAX_BACKOFF);
      long span = (cfg.electionMax() - cfg.electionMin()) << shift;
      timeout = (cfg.electionMin() << shift) + ctx.random().nextLong(span + 1);
      if (cfg.fixedElectionTimeout()) {
        fixedTimeout = cfg.fixedTimeout();
      }
    }
    electionDeadline = ctx.monotonic() + timeout;
    if (election == null) {
      election = ctx.setTimer(electionDeadline - ctx.monotonic(), ELECTION);
    }
  }

  private void campaign() {
    if (store.suspect != null) {
      // Damaged storage may have lost what it acknowledged: it waits for a leader to repair it.
      resetElection();
      return;
    }
    role = Role.CANDIDATE;
    leader = -1;
    failedElections++;
    store.saveTerm(store.term + 1, id);
    syncForVote();
    votes = 1 << id;
    resetElection();
    RaftMessages.RequestVote rv = new RaftMessages.RequestVote(store.term, store.log.last(), store.log.lastTerm());
    for (int p = 0; p < ctx.servers(); p++) {
      if (p != id) {
        ctx.send(p, rv);
      }
    }
    if (Integer.bitCount(votes) >= majority()) {
      becomeLeader();
    }
  }

  private int majority() {
    return ctx.servers() / 2 + 1;
  }

  private int commitQuorum() {
    return cfg.smallQuorum() ? Math.max(1, ctx.servers() / 2) : majority();
  }

  /** Adopts a newer term seen in a message. */
  private void observeTerm(long t) {
    if (t > store.term) {
      store.saveTerm(t, -1);
      stepDown();
    }
  }

  private void stepDown() {
    if (role == Role.LEADER) {
      ctx.log("steps down in term " + store.term);
    }
    role = Role.FOLLOWER;
    waiting.clear();
    leaseUntil = Long.MIN_VALUE;
  }

  private void onRequestVote(int from, RaftMessages.RequestVote rv) {
    observeTerm(rv.term());
    boolean upToDate = rv.lastTerm() > store.log.lastTerm()
        || rv.lastTerm() == store.log.lastTerm() && rv.lastIndex() >= store.log.last();
    boolean grant = store.suspect == null && rv.term() == store.term
        && (store.votedFor == -1 || store.votedFor == from) && upToDate;
    if (grant) {
      if (store.votedFor != from) {
        store.saveTerm(store.term, from);
      }
      resetElection();
    }
    syncForVote();
    ctx.send(from, new RaftMessages.VoteReply(store.term, grant));
  }

  private void onVote(int from, RaftMessages.VoteReply v) {
    observeTerm(v.term());
    if (role != Role.CANDIDATE || v.term() != store.term || !v.granted()) {
      return;
    }
    votes |= 1 << from;
    if (Integer.bitCount(votes) >= majority()) {
      becomeLeader();
    }
  }

  private void becomeLeader() {
    role = Role.LEADER;
    leader = id;
    failedElections = 0;
    Arrays.fill(next, store.log.last() + 1);
    Arrays.fill(match, 0);
    Arrays.fill(ackedAt, Long.MIN_VALUE / 2);
    leaseUntil = Long.MIN_VALUE;
    store.append(store.term, null);
    syncAsLeader();
    ctx.announce("leader", store.term);
    broadcast();
    ctx.setTimer(cfg.heartbeat(), HEARTBEAT);
    advanceCommit();
  }

  // ---- replication ----

  /** Flushes now if the last flush is at least {@link RaftConfig#flushEvery()} old, else once it is. */
  private void requestFlush() {
    if (flushPending) {
      return;
    }
    long wait = flushedAt + cfg.flushEvery() - ctx.monotonic();
    if (wait <= 0) {
      flush();
    } else {
      flushPending = true;
      ctx.setTimer(wait, FLUSH);
    }
  }

  /** Syncs the log, sends each follower with nothing in flight what it lacks, and commits what that allows. */
  private void flush() {
    flushedAt = ctx.monotonic();
    syncAsLeader();
    for (int p = 0; p < ctx.servers(); p++) {
      if (p != id && !inflight[p] && next[p] <= store.log.last()) {
        sendAppend(p);
      }
    }
    advanceCommit();
  }

  private void broadcast() {
    for (int p = 0; p < ctx.servers(); p++) {
      if (p != id) {
        sendAppend(p);
      }
    }
  }

  /** Sends follower {@code p} the entries from its next index on (at most a batch), optimistically. */
  private void sendAppend(int p) {
    RaftLog log = store.log;
    if (next[p] <= log.snapshotIndex()) {
      // The entries it needs are gone into a snapshot: send the state machine as of what this node applied.
      ctx.send(p, new RaftMessages.InstallSnapshot(store.term, applied, log.term(applied), machine.snapshot()));
      next[p] = applied + 1;
      inflight[p] = true;
      return;
    }
    long from = Math.min(next[p], log.last() + 1);
    int n = (int) Math.min(ctx.buggify("raft.small-batch") ? 1 : cfg.maxBatch(), log.last() - from + 1);
    long[] terms = n == 0 ? NO_TERMS : new long[n];
    ClientOp[] ops = n == 0 ? NO_OPS : new ClientOp[n];
    byte[][] records = n == 0 ? NO_RECORDS : new byte[n][];
    for (int i = 0; i < n; i++) {
      terms[i] = log.term(from + i);
      ops[i] = log.op(from + i);
      records[i] = log.record(from + i);
    }
    ctx.send(p, new RaftMessages.AppendEntries(store.term, from - 1, log.term(from - 1), terms, ops, records, commit,
        log.last()));
    next[p] = from + n;
    inflight[p] = n > 0;
  }

  private void onAppend(int from, RaftMessages.AppendEntries ae) {
    if (!acceptLeader(from, ae.term())) {
      return;
    }
    RaftLog log = store.log;
    long prev = ae.prevIndex();
    if (prev > log.last()) {
      ctx.send(from, new RaftMessages.AppendReply(store.term, false, log.last() + 1));
      return;
    }
    if (prev >= log.snapshotIndex() && prev > 0 && log.term(prev) != ae.prevTerm()) {
      ctx.send(from, new RaftMessages.AppendReply(store.term, false, log.firstOfTerm(prev)));
      return;
    }
    long[] terms = ae.terms();
    for (int i = 0; i < terms.length; i++) {
      long idx = prev + 1 + i;
      if (idx <= log.snapshotIndex()) {
        continue; // committed and in the snapshot: it matches
      }
      if (idx <= log.last()) {
        if (log.term(idx) == terms[i]) {
          continue;
        }
        store.truncateFrom(idx);
      }
      store.append(terms[i], ae.ops()[i], ae.records()[i]);
    }
    long matched = prev + terms.length;
    if (ae.leaderCommit() > commit) {
      commit = Math.max(commit, Math.min(ae.leaderCommit(), matched));
      apply();
    }
    if (store.suspect != null) {
      checkRepaired(from, matched, ae.leaderLast());
    }
    syncForAck();
    ctx.send(from, new RaftMessages.AppendReply(store.term, true, matched));
  }

  /**
   * Takes a message from a would-be leader in {@code term}: a stale one is refused (with a hint), a current one makes
   * this node its follower and pushes the election back.
   */
  private boolean acceptLeader(int from, long term) {
    observeTerm(term);
    if (term < store.term) {
      ctx.send(from, new RaftMessages.AppendReply(store.term, false, store.log.last() + 1));
      return false;
    }
    if (role != Role.FOLLOWER) {
      stepDown();
    }
    leader = from;
    failedElections = 0;
    resetElection();
    return true;
  }

  /**
   * A suspect node is repaired once a leader has brought its log to what it had acknowledged (or, when that is
   * unknown, to the leader's last index when it first heard from it): then it holds every committed entry again, and
   * it takes the leader as its vote in this term, in case the vote it cast before the damage was lost.
   */
  private void checkRepaired(int from, long matched, long leaderLast) {
    if (repairTarget < 0) {
      repairTarget = Math.max(store.acked(), leaderLast);
    }
    if (matched >= repairTarget) {
      ctx.log("repaired by " + ctx.nameOf(from) + " up to " + matched + "; votes again");
      store.suspect = null;
      repairTarget = -1;
      if (store.votedFor == -1) {
        store.saveTerm(store.term, from);
      }
      ctx.reachable("raft.repaired-from-leader");
    }
  }

  private void onSnapshot(int from, RaftMessages.InstallSnapshot is) {
    if (!acceptLeader(from, is.term())) {
      return;
    }
    RaftLog log = store.log;
    if (is.index() > commit) {
      if (log.term(is.index()) != is.lastTerm()) {
        log.truncateFrom(log.snapshotIndex() + 1);
      }
      machine.restore(is.state());
      commit = is.index();
      applied = is.index();
      store.compact(is.index(), is.lastTerm(), is.state());
      ctx.log("installed snapshot at index " + is.index() + " from " + ctx.nameOf(from));
      ctx.reachable("raft.installed-snapshot");
    }
    if (store.suspect != null) {
      checkRepaired(from, Math.max(commit, is.index()), is.index());
      syncForAck();
    }
    ctx.send(from, new RaftMessages.AppendReply(store.term, true, Math.max(commit, is.index())));
  }

  private void onAppendReply(int from, RaftMessages.AppendReply r) {
    observeTerm(r.term());
    if (role != Role.LEADER || r.term() != store.term) {
      return;
    }
    if (r.success()) {
      if (cfg.leaseRead()) {
        ackedAt[from] = ctx.now();
        extendLease();
      }
      if (r.index() > match[from]) {
        match[from] = r.index();
      }
      if (next[from] <= match[from]) {
        next[from] = match[from] + 1;
      }
      advanceCommit();
      if (r.index() + 1 >= next[from]) {
        inflight[from] = false;
        if (next[from] <= store.log.last()) {
          requestFlush();
        }
      }
    } else {
      if (r.index() <= match[from]) {
        // The follower lost entries it had acknowledged (only possible with the unsynced-ack bug): believe it,
        // or the leader would resend from its stale match index forever.
        match[from] = r.index() - 1;
      }
      next[from] = Math.max(match[from] + 1, Math.min(next[from], r.index()));
      sendAppend(from);
    }
  }

  /**
   * The lease-read bug's lease: it runs until half an election timeout after the majority-th latest acknowledgement,
   * on the wall clock, and only ever grows; so a clock that jumped forward and back leaves a lease far in the future.
   */
  private boolean leaseHeld() {
    return ctx.now() < leaseUntil;
  }

  private void extendLease() {
    int n = ctx.servers();
    long now = ctx.now();
    long[] t = new long[n];
    for (int p = 0; p < n; p++) {
      t[p] = p == id ? now : ackedAt[p];
    }
    sortSmall(t);
    leaseUntil = Math.max(leaseUntil, t[n - majority()] + cfg.electionMin() / 2);
  }

  private void advanceCommit() {
    int n = ctx.servers();
    long[] m = scratch == null ? scratch = new long[n] : scratch;
    for (int p = 0; p < n; p++) {
      m[p] = p == id ? synced : match[p];
    }
    sortSmall(m);
    long candidate = m[n - commitQuorum()];
    if (candidate > commit && store.log.term(candidate) == store.term) {
      commit = candidate;
      apply();
    }
    ctx.always("raft.applied-within-commit", applied <= commit);
  }

  /** Sorts one value per server: for a handful, Arrays.sort's set-up costs more than the sorting (7% of a run). */
  private static void sortSmall(long[] a) {
    for (int i = 1; i < a.length; i++) {
      long x = a[i];
      int j = i - 1;
      while (j >= 0 && a[j] > x) {
        a[j + 1] = a[j];
        j--;
      }
      a[j + 1] = x;
    }
  }

  private void apply() {
    RaftLog log = store.log;
    while (applied < commit) {
      applied++;
      ClientOp op = log.op(applied);
      if (op == null) {
        continue;
      }
      Waiters.Waiting w = waiting.take(applied);
      if (w != null) {
        ctx.reply(w.client(), w.request(), machine.apply(op));
      } else {
        machine.applyQuietly(op); // a follower's, or an entry whose client asked another leader: nobody to answer
      }
    }
    // At least the state's size between snapshots keeps their cost per entry constant as the state grows (a
    // snapshot of n entries per n entries applied); no more than that keeps a restart's replay short.
    long since = applied - log.snapshotIndex();
    if (cfg.compactEvery() > 0 && (since >= Math.max(cfg.compactEvery(), machine.stateSize())
        || since > 0 && ctx.buggify("raft.compact-early"))) {
      store.compact(applied, log.term(applied), machine.snapshot());
    }
  }

  // ---- clients ----

  private void onClient(int from, Rpc.Request req, ClientOp op) {
    if (role != Role.LEADER) {
      if (cfg.localRead() && leader >= 0 && ctx.regionOf(leader) != ctx.region()) {
        serveLocally(from, req, op);
        return;
      }
      ctx.reply(from, req, new ClientReply.NotLeader(leader));
      return;
    }
    if ((cfg.staleRead() || cfg.leaseRead() && leaseHeld()) && op.f().name().equals("read")) {
      ctx.reply(from, req, machine.apply(op));
      return;
    }
    store.append(store.term, op);
    waiting.add(store.log.last(), new Waiters.Waiting(from, req));
    requestFlush();
  }

  /**
   * The local-read bug: a follower whose leader is across the WAN answers reads from its own state machine, which
   * lags the leader's, and forwards everything else to the leader.
   */
  private void serveLocally(int client, Rpc.Request req, ClientOp op) {
    if (op.f().name().equals("read")) {
      ctx.reply(client, req, machine.apply(op));
      return;
    }
    ctx.request(leader, op, cfg.electionMax() * 4, new Rpc.Handler() {
      @Override
      public void response(Object body) {
        ctx.reply(client, req, body);
      }

      @Override
      public void timeout() {}
    });
  }
}
