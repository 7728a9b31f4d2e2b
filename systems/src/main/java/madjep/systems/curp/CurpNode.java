package madjep.systems.curp;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.Long2LongOpenHashMap;
import it.unimi.dsi.fastutil.longs.Long2ObjectOpenHashMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import madjep.sim.Node;
import madjep.sim.NodeContext;
import madjep.sim.Timer;

/**
 * A CURP server (Park and Ousterhout, NSDI 2019, in Xline's shape): every node is a witness, one is the leader.
 *
 * <ul>
 *   <li>Fast path: a client sends its command to every node at once. Each witness accepts it when it commutes with
 *       the commands its pool holds. The leader appends it to its log and, when nothing unapplied before it touches
 *       its keys (and the leader has applied its own term's barrier), executes it on its applied state and answers
 *       at once. A client with that answer and a super-quorum of acceptances in the leader's term is done in one
 *       round trip; the leader replicates in the background (after-sync).
 *   <li>Slow path: otherwise the client waits for the leader's {@code Synced} answer, sent when the command is
 *       applied in log order (two round trips).
 *   <li>Leader election and log replication are Raft's; a vote carries the voter's pool. A new leader re-proposes
 *       every command that at least a recover-quorum of the quorum's pools hold (such commands commute, so their
 *       order does not matter), then a barrier entry; applying the barrier drops older acceptances from the pools,
 *       and applying a command removes it.
 *   <li>Commands are deduplicated by (client, sequence number) in the state; log and state are separate files
 *       synced separately ({@link CurpStorage}); the log is compacted into state snapshots, which lagging followers
 *       install.
 *   <li>For the fault model: it declares its memory ({@code ctx.memory}), asserts that it never applies past its
 *       commit index, and has three fault points (a skipped heartbeat, a one-entry batch, an early compaction).
 * </ul>
 */
public final class CurpNode implements Node {
  private enum Role {
    FOLLOWER, CANDIDATE, LEADER
  }

  private static final Object ELECTION = "election";
  private static final Object HEARTBEAT = "heartbeat";
  private static final Object APPLY = "apply";
  private static final long[] NO_TERMS = new long[0];
  private static final Command[] NO_COMMANDS = new Command[0];

  private final CurpConfig cfg;
  private final int id;
  private NodeContext ctx;
  private CurpStorage store;
  private final KvState state = new KvState();
  private SpecPool pool;
  private final Unapplied unapplied = new Unapplied();
  private Role role = Role.FOLLOWER;
  private int leader = -1;
  private long commit;
  private long applied;
  private boolean applyArmed;
  private Timer election;
  private long electionDeadline;
  private int votes;
  private final List<List<SpecPool.Held>> votePools = new ArrayList<>();
  private long[] next;
  private long[] match;
  /** The index of this leader's barrier: it executes speculatively once it has applied it. */
  private long barrier = Long.MAX_VALUE;
  /** Clients waiting for a command's Synced answer, by log index (leader only). */
  private final Long2ObjectOpenHashMap<IntArrayList> waiting = new Long2ObjectOpenHashMap<>();
  /** Revisions this leader gave writes when it executed them speculatively (the local-revision bug). */
  private final Long2LongOpenHashMap reserved = new Long2LongOpenHashMap();

  public CurpNode(int id, CurpConfig cfg) {
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

  public long appliedIndex() {
    return applied;
  }

  public long revision() {
    return state.revision();
  }

  /** The applied key-value state, dedup table included, as bytes: equal on nodes that applied the same log. */
  public byte[] stateImage() {
    return new CurpCodec().putState(state).bytes();
  }

  /** How many commands this node's witness holds. */
  public int poolSize() {
    return pool.size();
  }

  // ---- lifecycle ----

  @Override
  public void start(NodeContext c) {
    ctx = c;
    store = new CurpStorage(c.disk(), cfg.stateBeforeLog());
    int records = store.recover(state);
    pool = new SpecPool(c.disk(), store::poolSynced);
    pool.recover(store.poolSeq());
    if (pool.damaged() && store.poolRepairAfter() < store.term) {
      store.poolRepairAfter(store.term);
    }
    if (store.damage() != null || pool.damaged()) {
      c.log("storage damaged: " + (store.damage() != null ? store.damage() + "; " : "") + (pool.damaged()
          ? "the witness pool lost acceptances; " : "") + (store.noVote() ? "never votes again" : "no votes until "
          + "repaired"));
    }
    c.sometimes("curp.boot-found-damaged-storage", store.damage() != null || pool.damaged());
    applied = store.applied;
    commit = applied;
    unapplied.rebuild(store.log, applied);
    int n = c.servers();
    next = new long[n];
    match = new long[n];
    if (records > 0) {
      c.log("recovered term " + store.term + ", log to " + store.log.last() + ", applied " + applied + ", revision "
          + state.revision() + ", " + pool.size() + " commands in the pool");
    }
    resetElection();
    declareMemory();
  }

  @Override
  public void timer(NodeContext c, Object tag) {
    if (tag == ELECTION) {
      long left = electionDeadline - c.monotonic();
      if (left > 0) {
        election = c.setTimer(left, ELECTION);
      } else {
        election = null;
        if (role == Role.LEADER || !canVote()) {
          resetElection();
        } else {
          campaign();
        }
      }
    } else if (tag == HEARTBEAT) {
      if (role == Role.LEADER) {
        if (!c.buggify("curp.skip-heartbeat")) {
          broadcast();
        }
        c.setTimer(cfg.heartbeat(), HEARTBEAT);
      }
    } else if (tag == APPLY) {
      applyArmed = false;
      applyCommitted();
    }
    declareMemory();
  }

  /** The volatile state's size, roughly: the log in memory, the state, the witness pool, the waiting clients. */
  private void declareMemory() {
    ctx.memory(4096 + 48L * (store.log.last() - store.log.base()) + 64L * state.size() + 64L * pool.size()
        + 96L * waiting.size());
  }

  @Override
  public void receive(NodeContext c, int from, Object m) {
    if (m instanceof CurpMessages.Propose p) {
      onPropose(from, p.command());
    } else if (m instanceof CurpMessages.AppendEntries ae) {
      onAppend(from, ae);
    } else if (m instanceof CurpMessages.AppendReply r) {
      onAppendReply(from, r);
    } else if (m instanceof CurpMessages.InstallSnapshot is) {
      onSnapshot(from, is);
    } else if (m instanceof CurpMessages.RequestVote rv) {
      onRequestVote(from, rv);
    } else if (m instanceof CurpMessages.VoteReply v) {
      onVote(from, v);
    }
    c.always("curp.applied-within-commit", applied <= commit);
    declareMemory();
  }

  // ---- the client's proposal ----

  private void onPropose(int client, Command c) {
    // The witness: a command already applied is not held again (it would block its keys for nothing).
    boolean accepted = state.applied(c) == null && pool.accept(c, store.term);
    Result speculative = null;
    boolean leading = role == Role.LEADER;
    if (leading) {
      speculative = lead(client, c);
    }
    ctx.send(client, new CurpMessages.ProposeReply(c, store.term, accepted, leading, speculative, leader));
  }

  /** The leader's part: log the command, and execute it now when nothing unapplied conflicts with it. */
  private Result lead(int client, Command c) {
    Result done = state.applied(c);
    if (done != null) {
      if (!done.stale()) {
        ctx.send(client, new CurpMessages.Synced(c, done));
      }
      return null;
    }
    long at = unapplied.indexOf(c);
    if (at >= 0) {
      awaitApply(at, client);
      return null;
    }
    boolean read = !c.op().writes();
    boolean fast = applied >= barrier && (!unapplied.conflicts(c.op()) || read && cfg.readNoWait());
    Result spec = fast ? state.evaluate(c.op()) : null;
    store.append(store.term, c);
    long index = store.log.last();
    unapplied.add(index, c);
    if (spec != null && cfg.localRevision() && !read && spec.ok()) {
      long rev = state.reserveRevision();
      reserved.put(index, rev);
      spec = new Result(true, spec.values(), spec.modRevs(), rev);
    }
    store.syncLog();
    awaitApply(index, client);
    for (int p = 0; p < ctx.servers(); p++) {
      if (p != id && next[p] == index) {
        sendAppend(p);
      }
    }
    advanceCommit();
    return spec;
  }

  private void awaitApply(long index, int client) {
    IntArrayList w = waiting.get(index);
    if (w == null) {
      waiting.put(index, w = new IntArrayList(1));
    }
    if (!w.contains(client)) {
      w.add(client);
    }
  }

  // ---- elections ----

  private void resetElection() {
    long span = cfg.electionMax() - cfg.electionMin();
    electionDeadline = ctx.monotonic() + cfg.electionMin() + ctx.random().nextLong(span + 1);
    if (election == null) {
      election = ctx.setTimer(electionDeadline - ctx.monotonic(), ELECTION);
    }
  }

  private void campaign() {
    role = Role.CANDIDATE;
    leader = -1;
    store.saveTerm(store.term + 1, id);
    votes = 1 << id;
    votePools.clear();
    resetElection();
    CurpMessages.RequestVote rv = new CurpMessages.RequestVote(store.term, store.log.last(), store.log.lastTerm());
    for (int p = 0; p < ctx.servers(); p++) {
      if (p != id) {
        ctx.send(p, rv);
      }
    }
    if (Integer.bitCount(votes) >= CurpConfig.quorum(ctx.servers())) {
      becomeLeader();
    }
  }

  /**
   * A node votes and campaigns only when its storage holds everything it promised: no acknowledged entry lost (or a
   * leader has brought them back), no acceptance lost (or a later term's barrier made them moot), and a readable past.
   */
  private boolean canVote() {
    return store.repairTo() == 0 && store.poolRepairAfter() < 0 && !store.noVote();
  }

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
    reserved.clear();
    barrier = Long.MAX_VALUE;
  }

  private void onRequestVote(int from, CurpMessages.RequestVote rv) {
    observeTerm(rv.term());
    boolean upToDate = rv.lastTerm() > store.log.lastTerm()
        || rv.lastTerm() == store.log.lastTerm() && rv.lastIndex() >= store.log.last();
    boolean grant = rv.term() == store.term && (store.votedFor == -1 || store.votedFor == from) && upToDate
        && canVote();
    if (grant) {
      if (store.votedFor != from) {
        store.saveTerm(store.term, from);
      }
      resetElection();
    }
    ctx.send(from, new CurpMessages.VoteReply(store.term, grant, grant ? pool.entries() : List.of()));
  }

  private void onVote(int from, CurpMessages.VoteReply v) {
    observeTerm(v.term());
    if (role != Role.CANDIDATE || v.term() != store.term || !v.granted() || (votes & 1 << from) != 0) {
      return;
    }
    votes |= 1 << from;
    votePools.add(v.pool());
    if (Integer.bitCount(votes) >= CurpConfig.quorum(ctx.servers())) {
      becomeLeader();
    }
  }

  /**
   * Takes over: re-proposes every command held by at least a recover-quorum of the quorum's pools (this node's own
   * included) that is neither applied nor already in the log, in no particular order (by client and sequence
   * number), then appends the term's barrier.
   */
  private void becomeLeader() {
    role = Role.LEADER;
    leader = id;
    Arrays.fill(next, store.log.last() + 1);
    Arrays.fill(match, 0);
    votePools.add(pool.entries());
    int recovered = 0;
    for (Command c : recoverable(votePools, CurpConfig.recoverQuorum(ctx.servers()))) {
      if (state.applied(c) == null && unapplied.indexOf(c) < 0) {
        store.append(store.term, c);
        unapplied.add(store.log.last(), c);
        recovered++;
      }
    }
    votePools.clear();
    store.append(store.term, null);
    barrier = store.log.last();
    store.syncLog();
    ctx.announce("leader", store.term);
    if (recovered > 0) {
      ctx.log("recovered " + recovered + " commands from the witnesses");
    }
    broadcast();
    ctx.setTimer(cfg.heartbeat(), HEARTBEAT);
    advanceCommit();
  }

  /**
   * The commands a new leader re-proposes: those that at least {@code rq} of the quorum's pools hold, by client and
   * sequence number. A command completed on the fast path is in a super-quorum of pools, which meets every quorum in
   * at least a recover-quorum; two conflicting commands never both reach it, since no pool holds both and two
   * recover-quorums are more than a quorum.
   */
  static List<Command> recoverable(List<List<SpecPool.Held>> pools, int rq) {
    TreeMap<Long, int[]> counts = new TreeMap<>();
    TreeMap<Long, Command> commands = new TreeMap<>();
    for (List<SpecPool.Held> p : pools) {
      for (SpecPool.Held h : p) {
        counts.computeIfAbsent(h.command().id(), k -> new int[1])[0]++;
        commands.putIfAbsent(h.command().id(), h.command());
      }
    }
    List<Command> out = new ArrayList<>();
    for (Long id : counts.keySet()) {
      if (counts.get(id)[0] >= rq) {
        out.add(commands.get(id));
      }
    }
    return out;
  }

  // ---- replication ----

  private void broadcast() {
    for (int p = 0; p < ctx.servers(); p++) {
      if (p != id) {
        sendAppend(p);
      }
    }
  }

  private void sendAppend(int p) {
    CurpLog log = store.log;
    if (next[p] <= log.base()) {
      // What it needs was compacted away: send the state as of what this node applied.
      byte[] snap = new CurpCodec().putState(state).bytes();
      ctx.send(p, new CurpMessages.InstallSnapshot(store.term, applied, log.term(applied), snap));
      next[p] = applied + 1;
      return;
    }
    long from = Math.min(next[p], log.last() + 1);
    int n = (int) Math.min(ctx.buggify("curp.small-batch") ? 1 : cfg.maxBatch(), log.last() - from + 1);
    long[] terms = n == 0 ? NO_TERMS : new long[n];
    Command[] cmds = n == 0 ? NO_COMMANDS : new Command[n];
    for (int i = 0; i < n; i++) {
      terms[i] = log.term(from + i);
      cmds[i] = log.command(from + i);
    }
    ctx.send(p, new CurpMessages.AppendEntries(store.term, from - 1, log.term(from - 1), terms, cmds, commit,
        log.last()));
    next[p] = from + n;
  }

  /** Takes a message from a would-be leader of {@code term}: refuses a stale one, else follows it. */
  private boolean acceptLeader(int from, long term) {
    observeTerm(term);
    if (term < store.term) {
      ctx.send(from, new CurpMessages.AppendReply(store.term, false, store.log.last() + 1));
      return false;
    }
    if (role != Role.FOLLOWER) {
      stepDown();
    }
    leader = from;
    resetElection();
    return true;
  }

  private void onAppend(int from, CurpMessages.AppendEntries ae) {
    if (!acceptLeader(from, ae.term())) {
      return;
    }
    CurpLog log = store.log;
    long prev = ae.prevIndex();
    if (prev > log.last()) {
      ctx.send(from, new CurpMessages.AppendReply(store.term, false, log.last() + 1));
      return;
    }
    if (prev > log.base() && log.term(prev) != ae.prevTerm()) {
      ctx.send(from, new CurpMessages.AppendReply(store.term, false, log.firstOfTerm(prev)));
      return;
    }
    long[] terms = ae.terms();
    boolean truncated = false;
    for (int i = 0; i < terms.length; i++) {
      long idx = prev + 1 + i;
      if (idx <= log.base()) {
        continue;
      }
      if (idx <= log.last()) {
        if (log.term(idx) == terms[i]) {
          continue;
        }
        store.truncateFrom(idx);
        truncated = true;
      }
      store.append(terms[i], ae.commands()[i]);
      if (!truncated && idx > applied) {
        unapplied.add(idx, ae.commands()[i]);
      }
    }
    if (truncated) {
      unapplied.rebuild(log, applied);
    }
    if (store.entriesUnsynced()) {
      store.syncLog();
    }
    long matched = prev + terms.length;
    repaired(from, matched, ae.leaderLast());
    if (ae.leaderCommit() > commit) {
      commit = Math.max(commit, Math.min(ae.leaderCommit(), matched));
      scheduleApply();
    }
    ctx.send(from, new CurpMessages.AppendReply(store.term, true, matched));
  }

  private void onSnapshot(int from, CurpMessages.InstallSnapshot is) {
    if (!acceptLeader(from, is.term())) {
      return;
    }
    if (is.index() > applied) {
      CurpLog log = store.log;
      if (log.term(is.index()) != is.lastTerm()) {
        log.truncateFrom(log.base() + 1);
      }
      new CurpCodec(is.state(), 0).getState(state);
      commit = Math.max(commit, is.index());
      applied = is.index();
      store.compact(is.index(), is.lastTerm(), state);
      unapplied.rebuild(log, applied);
      ctx.log("installed a snapshot at index " + is.index() + " from " + ctx.nameOf(from));
    }
    ctx.send(from, new CurpMessages.AppendReply(store.term, true, Math.max(applied, is.index())));
  }

  /**
   * A damaged node is repaired once the leader has brought its log back to what it had acknowledged, or to the
   * leader's own end when that is shorter (what the leader lacks was never committed).
   */
  private void repaired(int from, long matched, long leaderLast) {
    if (store.repairTo() > 0 && matched >= Math.min(store.repairTo(), leaderLast)) {
      store.repaired();
      ctx.log("repaired by " + ctx.nameOf(from) + " up to " + matched);
    }
  }

  private void onAppendReply(int from, CurpMessages.AppendReply r) {
    observeTerm(r.term());
    if (role != Role.LEADER || r.term() != store.term) {
      return;
    }
    if (r.success()) {
      match[from] = Math.max(match[from], r.index());
      next[from] = Math.max(next[from], match[from] + 1);
      advanceCommit();
      if (r.index() + 1 == next[from] && next[from] <= store.log.last()) {
        sendAppend(from);
      }
    } else {
      if (r.index() <= match[from]) {
        // The follower lost entries it had acknowledged (a storage fault): believe it, and stop counting them.
        match[from] = r.index() - 1;
      }
      next[from] = Math.max(match[from] + 1, Math.min(next[from], r.index()));
      sendAppend(from);
    }
  }

  private void advanceCommit() {
    int n = ctx.servers();
    long[] m = new long[n];
    for (int p = 0; p < n; p++) {
      m[p] = p == id ? store.log.last() : match[p];
    }
    Arrays.sort(m);
    long candidate = m[n - CurpConfig.quorum(n)];
    if (candidate > commit && store.log.term(candidate) == store.term) {
      long before = commit;
      commit = candidate;
      if (cfg.readNoWait()) {
        answerReadsAtCommit(before);
      }
      scheduleApply();
    }
  }

  /** The read-no-wait bug: committed reads are answered from the state as it is, applied or not. */
  private void answerReadsAtCommit(long from) {
    for (long i = from + 1; i <= commit; i++) {
      Command c = store.log.command(i);
      IntArrayList w = c == null || c.op().writes() ? null : waiting.remove(i);
      if (w != null) {
        Result r = state.evaluate(c.op());
        for (int k = 0; k < w.size(); k++) {
          ctx.send(w.getInt(k), new CurpMessages.Synced(c, r));
        }
      }
    }
  }

  // ---- applying (after-sync) ----

  /** The executor applies committed entries a moment later, asynchronously, as Xline's does. */
  private void scheduleApply() {
    if (!applyArmed && applied < commit) {
      applyArmed = true;
      ctx.setTimer(1 + ctx.random().nextLong(Math.max(1, cfg.applyDelay())), APPLY);
    }
  }

  private void applyCommitted() {
    if (applied >= commit) {
      return;
    }
    CurpLog log = store.log;
    while (applied < commit && applied < log.last()) {
      long i = ++applied;
      Command c = log.command(i);
      Result r = null;
      if (c == null) {
        pool.dropBefore(log.term(i));
        if (store.poolRepairAfter() >= 0 && log.term(i) > store.poolRepairAfter()) {
          store.poolRepairAfter(-1);
          ctx.log("the witness pool is whole again: term " + log.term(i) + "'s leader recovered without it");
        }
      } else {
        long rev = reserved.remove(i);
        r = state.apply(c, rev);
        pool.remove(c);
        unapplied.remove(i, c);
      }
      store.applied(i, c, r, c == null ? Result.NO_REVS : state.written(), state);
      IntArrayList w = waiting.remove(i);
      if (w != null && r != null && !r.stale()) {
        for (int k = 0; k < w.size(); k++) {
          ctx.send(w.getInt(k), new CurpMessages.Synced(c, r));
        }
      }
    }
    store.syncState();
    if (cfg.compactEvery() > 0 && (applied - log.base() >= Math.max(cfg.compactEvery(), 2L * state.size())
        || applied > log.base() && ctx.buggify("curp.compact-early"))) {
      store.compact(applied, log.term(applied), state);
    }
  }
}
