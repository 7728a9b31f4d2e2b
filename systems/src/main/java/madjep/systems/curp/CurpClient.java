package madjep.systems.curp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import madjep.history.edn.EdnParser;
import madjep.history.edn.EdnVector;
import madjep.history.edn.Keyword;
import madjep.sim.NodeContext;
import madjep.sim.workload.ClientOp;
import madjep.sim.workload.ClientSession;

/**
 * A CURP client thread: each command goes to every node at once. It completes on the fast path with the leader's
 * speculative result and acceptances from a super-quorum of witnesses in the leader's term (one round trip), else on
 * the leader's {@code Synced} answer once the command is applied (two). Without an answer it proposes the command
 * again, with the same sequence number, every {@link CurpConfig#resend()}.
 *
 * <p>Ops: a register's {@code :read}, {@code :write} and {@code :cas} are one command each. A list-append {@code
 * :txn} is one server-side command, or with {@link CurpConfig#etcdTxns()} what an etcd client does: a range read of
 * its keys with their mod-revisions, then a transaction guarded on those revisions that puts the appended lists (it
 * fails, changing nothing, when a key moved in between). A guarded transaction needs its revision, which exists only
 * once it is ordered: it waits for {@code Synced}, unless the API is the native one (no revision) or the
 * local-revision bug hands out the leader's speculative one. Completions carry {@code :node} (the leader that
 * answered), {@code :path} ({@code :fast} or {@code :slow}) and, for etcd transactions, {@code :revision} and {@code
 * :mod-revisions}.
 */
final class CurpClient implements ClientSession {
  static final Keyword NODE = Keyword.of("node");
  static final Keyword PATH = Keyword.of("path");
  static final Keyword REVISION = Keyword.of("revision");
  static final Keyword MOD_REVISIONS = Keyword.of("mod-revisions");
  private static final Keyword FAST = Keyword.of("fast");
  private static final Keyword SLOW = Keyword.of("slow");
  private static final Keyword R = Keyword.of("r");
  private static final Keyword APPEND = Keyword.of("append");
  private static final Keyword CAS_MISMATCH = Keyword.of("cas-mismatch");
  private static final Keyword GUARD_FAILED = Keyword.of("revision-changed");
  private static final Keyword UNKNOWN_OP = Keyword.of("unknown-op");

  /** The resend timer of one command. */
  private record Resend(long seq) {}

  private final NodeContext ctx;
  private final CurpConfig cfg;
  private final int servers;
  private long seq;
  // The op in flight.
  private ClientOp op;
  private Outcome outcome;
  /** The micro-ops of an etcd transaction, as triples (0 read or 1 append, key, value). */
  private long[] mops;
  // The command in flight and what the nodes said about it.
  private Command command;
  private final long[] replyTerm;
  private final boolean[] accepted;
  private Result speculative;
  private long speculativeTerm;
  private int speculativeNode;

  CurpClient(NodeContext ctx, CurpConfig cfg) {
    this.ctx = ctx;
    this.cfg = cfg;
    this.servers = ctx.servers();
    replyTerm = new long[servers];
    accepted = new boolean[servers];
  }

  @Override
  public void invoke(ClientOp o, long timeout, Outcome out) {
    op = o;
    outcome = out;
    List<?> v = o.value() instanceof List<?> l ? l : List.of();
    switch (o.f().name()) {
      case "read" -> propose(new Op.Get(new long[] {(Long) v.get(0)}));
      case "write" -> propose(new Op.Put((Long) v.get(0), (Long) v.get(1)));
      case "cas" -> {
        List<?> ab = (List<?>) v.get(1);
        propose(new Op.Cas((Long) v.get(0), (Long) ab.get(0), (Long) ab.get(1)));
      }
      case "txn" -> {
        mops = new long[3 * v.size()];
        for (int i = 0; i < v.size(); i++) {
          List<?> m = (List<?>) v.get(i);
          mops[3 * i] = m.get(0) == APPEND ? 1 : 0;
          mops[3 * i + 1] = (Long) m.get(1);
          mops[3 * i + 2] = m.get(2) instanceof Long x ? x : 0;
        }
        Op.ListTxn t = Op.ListTxn.of(mops);
        propose(cfg.etcdTxns() ? new Op.Get(t.keys()) : t);
      }
      default -> {
        finish();
        out.fail(o.value(), UNKNOWN_OP);
      }
    }
  }

  @Override
  public void receive(int from, Object message) {
    if (message instanceof CurpMessages.ProposeReply r && isCurrent(r.command())) {
      if (r.term() >= replyTerm[from]) {
        replyTerm[from] = r.term();
        accepted[from] = r.accepted();
      }
      if (r.leader() && r.speculative() != null && r.term() >= speculativeTerm) {
        speculative = r.speculative();
        speculativeTerm = r.term();
        speculativeNode = from;
      }
      tryFastPath();
    } else if (message instanceof CurpMessages.Synced s && isCurrent(s.command())) {
      done(s.result(), from, SLOW);
    }
  }

  @Override
  public void timer(Object tag) {
    if (tag instanceof Resend r && command != null && r.seq() == command.seq()) {
      send();
    }
  }

  @Override
  public void abandon() {
    finish();
  }

  private boolean isCurrent(Command c) {
    return command != null && c.client() == command.client() && c.seq() == command.seq();
  }

  private void propose(Op o) {
    command = new Command(ctx.id(), ++seq, o);
    java.util.Arrays.fill(replyTerm, 0);
    java.util.Arrays.fill(accepted, false);
    speculative = null;
    speculativeTerm = 0;
    send();
  }

  private void send() {
    CurpMessages.Propose p = new CurpMessages.Propose(command);
    for (int n = 0; n < servers; n++) {
      ctx.send(n, p);
    }
    ctx.setTimer(cfg.resend(), new Resend(command.seq()));
  }

  /** Done in one round trip: the leader's speculative result, and a super-quorum of witnesses in its term. */
  private void tryFastPath() {
    if (speculative == null || !fastPathAllowed(command.op())) {
      return;
    }
    int n = 0;
    for (int i = 0; i < servers; i++) {
      n += accepted[i] && replyTerm[i] == speculativeTerm ? 1 : 0;
    }
    if (n >= CurpConfig.superQuorum(servers)) {
      done(speculative, speculativeNode, FAST);
    }
  }

  /**
   * A guarded transaction's revision exists only once it is ordered (two message delays at least): it takes the
   * slow path, unless the native API does without the revision or the local-revision bug makes one up.
   */
  private boolean fastPathAllowed(Op o) {
    return !(o instanceof Op.Guarded) || cfg.nativeApi() || cfg.localRevision();
  }

  /** The command in flight is answered: finish the op, or go on to an etcd transaction's second step. */
  private void done(Result r, int node, Keyword path) {
    Op o = command.op();
    Object name = ctx.nameOf(node);
    command = null;
    Object v = op.value();
    switch (op.f().name()) {
      case "read" -> {
        List<?> kv = (List<?>) v;
        finish().ok(EdnVector.of(kv.get(0), r.values()[0]), NODE, name, PATH, path);
      }
      case "write" -> finish().ok(v, NODE, name, PATH, path);
      case "cas" -> {
        if (r.ok()) {
          finish().ok(v, NODE, name, PATH, path);
        } else {
          finish().fail(v, CAS_MISMATCH, NODE, name, PATH, path);
        }
      }
      default -> {
        if (o instanceof Op.ListTxn) {
          finish().ok(txnValue(r.values()), NODE, name, PATH, path);
        } else if (o instanceof Op.Get g) {
          afterRange(g, r, name, path);
        } else if (r.ok()) {
          Outcome out = finish();
          Object[] extras = r.revision() > 0 ? new Object[] {NODE, name, PATH, path, REVISION, r.revision(),
              MOD_REVISIONS, readRevisions} : new Object[] {NODE, name, PATH, path, MOD_REVISIONS, readRevisions};
          out.ok(txnValue(readValues), extras);
        } else {
          finish().fail(v, GUARD_FAILED, NODE, name, PATH, path, MOD_REVISIONS, readRevisions);
        }
      }
    }
  }

  /** An etcd transaction's reads, as the range returned them, and their mod-revisions. */
  private Object[] readValues;
  private Map<Object, Object> readRevisions;

  /**
   * The range of an etcd transaction came back: work out every micro-op's result from it (reads after the
   * transaction's own appends see them), then commit the appends guarded on the revisions read.
   */
  private void afterRange(Op.Get g, Result r, Object node, Keyword path) {
    long[] ks = g.keys();
    Object[] cur = r.values().clone();
    readRevisions = new LinkedHashMap<>();
    for (int i = 0; i < ks.length; i++) {
      readRevisions.put(EdnParser.box(ks[i]), EdnParser.box(r.modRevs()[i]));
    }
    int n = mops.length / 3;
    readValues = new Object[n];
    boolean writes = false;
    for (int i = 0; i < n; i++) {
      int slot = java.util.Arrays.binarySearch(ks, mops[3 * i + 1]);
      if (mops[3 * i] == 0) {
        readValues[i] = cur[slot];
        continue;
      }
      long[] list = (long[]) cur[slot];
      long[] next = list == null ? new long[1] : java.util.Arrays.copyOf(list, list.length + 1);
      next[next.length - 1] = mops[3 * i + 2];
      cur[slot] = next;
      writes = true;
    }
    if (!writes) {
      finish().ok(txnValue(readValues), NODE, node, PATH, path, MOD_REVISIONS, readRevisions);
      return;
    }
    List<Long> putKeys = new ArrayList<>();
    List<long[]> putValues = new ArrayList<>();
    for (int i = 0; i < ks.length; i++) {
      if (cur[i] != r.values()[i]) {
        putKeys.add(ks[i]);
        putValues.add((long[]) cur[i]);
      }
    }
    long[] pk = new long[putKeys.size()];
    for (int i = 0; i < pk.length; i++) {
      pk[i] = putKeys.get(i);
    }
    propose(Op.Guarded.of(ks, r.modRevs(), pk, putValues.toArray(new long[0][])));
  }

  /** The completed transaction: each read filled in with the list it saw (nil when the key had none). */
  private Object txnValue(Object[] results) {
    Object[] out = new Object[mops.length / 3];
    for (int i = 0; i < out.length; i++) {
      Long k = EdnParser.box(mops[3 * i + 1]);
      if (mops[3 * i] == 1) {
        out[i] = EdnVector.of(APPEND, k, EdnParser.box(mops[3 * i + 2]));
      } else {
        long[] list = (long[]) results[i];
        Object read = null;
        if (list != null) {
          Object[] xs = new Object[list.length];
          for (int j = 0; j < xs.length; j++) {
            xs[j] = EdnParser.box(list[j]);
          }
          read = EdnVector.of(xs);
        }
        out[i] = EdnVector.of(R, k, read);
      }
    }
    return EdnVector.of(out);
  }

  /** Ends the op in flight and returns where to report it. */
  private Outcome finish() {
    Outcome o = outcome;
    op = null;
    outcome = null;
    command = null;
    return o;
  }
}
