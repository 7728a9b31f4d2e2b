package madjep.systems.curp;

import it.unimi.dsi.fastutil.longs.Long2LongOpenHashMap;
import it.unimi.dsi.fastutil.longs.Long2ObjectOpenHashMap;
import java.util.Arrays;

/**
 * The replicated key-value state, etcd-style: each key holds a register ({@code Long}) or a list ({@code long[]}) and
 * the mod-revision of its last write; a store-wide revision counts committed writes (a command that writes several
 * keys makes one revision; one whose compare fails makes none). It also keeps, per client, the sequence number and
 * result of its last applied command: a duplicate is answered from there and changes nothing.
 *
 * <p>{@link #evaluate} computes a command's result without changing anything (a leader's speculative execution);
 * {@link #apply} changes the state (after-sync, in log order).
 */
final class KvState {
  private final Long2ObjectOpenHashMap<Object> values = new Long2ObjectOpenHashMap<>();
  private final Long2LongOpenHashMap modRevs = new Long2LongOpenHashMap();
  private long revision;
  private final Long2LongOpenHashMap lastSeq = new Long2LongOpenHashMap();
  private final Long2ObjectOpenHashMap<Result> lastResult = new Long2ObjectOpenHashMap<>();
  /** The keys the last {@link #apply} wrote (for the state file's effect record). */
  private long[] written = new long[4];
  private int writtenCount;

  long revision() {
    return revision;
  }

  Object value(long key) {
    return values.get(key);
  }

  long modRevision(long key) {
    return modRevs.get(key);
  }

  int size() {
    return values.size() + lastSeq.size();
  }

  /** The cached result of {@code c} when it was applied already, {@link Result#STALE} for an older one, else null. */
  Result applied(Command c) {
    long last = lastSeq.get(c.client());
    if (c.seq() > last) {
      return null;
    }
    return c.seq() == last ? lastResult.get(c.client()) : Result.STALE;
  }

  /** The result {@code op} would have on the state as it is, with revision 0 for a write (not yet ordered). */
  Result evaluate(Op op) {
    return run(op, false, 0);
  }

  /**
   * Applies {@code c} (once: a duplicate gets the cached result); a write takes revision {@code rev}, or the next
   * one when {@code rev} is 0.
   */
  Result apply(Command c, long rev) {
    writtenCount = 0;
    Result done = applied(c);
    if (done != null) {
      return done;
    }
    Result r = run(c.op(), true, rev);
    lastSeq.put(c.client(), c.seq());
    lastResult.put(c.client(), r);
    return r;
  }

  /** The keys the last {@link #apply} wrote. */
  long[] written() {
    return Arrays.copyOf(written, writtenCount);
  }

  private Result run(Op op, boolean commit, long rev) {
    if (op instanceof Op.Get g) {
      long[] ks = g.keys();
      Object[] vs = new Object[ks.length];
      long[] ms = new long[ks.length];
      for (int i = 0; i < ks.length; i++) {
        vs[i] = values.get(ks[i]);
        ms[i] = modRevs.get(ks[i]);
      }
      return new Result(true, vs, ms, revision);
    }
    if (op instanceof Op.Put p) {
      if (!commit) {
        return new Result(true, Result.NO_VALUES, Result.NO_REVS, 0);
      }
      long r = next(rev);
      write(p.key(), p.value(), r);
      return new Result(true, Result.NO_VALUES, Result.NO_REVS, r);
    }
    if (op instanceof Op.Cas c) {
      boolean match = values.get(c.key()) instanceof Long v && v == c.expect();
      if (!commit) {
        return new Result(match, Result.NO_VALUES, Result.NO_REVS, 0);
      }
      if (!match) {
        return new Result(false, Result.NO_VALUES, Result.NO_REVS, revision);
      }
      long r = next(rev);
      write(c.key(), c.value(), r);
      return new Result(true, Result.NO_VALUES, Result.NO_REVS, r);
    }
    if (op instanceof Op.ListTxn t) {
      return listTxn(t, commit, rev);
    }
    Op.Guarded g = (Op.Guarded) op;
    boolean holds = true;
    for (int i = 0; i < g.cmpKeys().length && holds; i++) {
      holds = modRevs.get(g.cmpKeys()[i]) == g.cmpRevs()[i];
    }
    if (!commit) {
      return new Result(holds, Result.NO_VALUES, Result.NO_REVS, 0);
    }
    if (!holds || g.putKeys().length == 0) {
      return new Result(holds, Result.NO_VALUES, Result.NO_REVS, revision);
    }
    long r = next(rev);
    for (int i = 0; i < g.putKeys().length; i++) {
      write(g.putKeys()[i], g.putValues()[i], r);
    }
    return new Result(true, Result.NO_VALUES, Result.NO_REVS, r);
  }

  /** Micro-ops in order, each read seeing the transaction's own earlier appends. */
  private Result listTxn(Op.ListTxn t, boolean commit, long rev) {
    long[] m = t.mops();
    int n = m.length / 3;
    Object[] out = new Object[n];
    long[] ks = new long[n];
    long[][] lists = new long[n][];
    int touched = 0;
    for (int i = 0; i < n; i++) {
      long k = m[3 * i + 1];
      int slot = -1;
      for (int j = 0; j < touched && slot < 0; j++) {
        slot = ks[j] == k ? j : -1;
      }
      long[] cur = slot >= 0 ? lists[slot] : (long[]) values.get(k);
      if (m[3 * i] == 0) {
        out[i] = cur;
        continue;
      }
      long[] next = cur == null ? new long[1] : Arrays.copyOf(cur, cur.length + 1);
      next[next.length - 1] = m[3 * i + 2];
      if (slot < 0) {
        slot = touched++;
        ks[slot] = k;
      }
      lists[slot] = next;
    }
    if (!commit || touched == 0) {
      return new Result(true, out, Result.NO_REVS, commit ? revision : 0);
    }
    long r = next(rev);
    for (int j = 0; j < touched; j++) {
      write(ks[j], lists[j], r);
    }
    return new Result(true, out, Result.NO_REVS, r);
  }

  /** The revision a write takes: {@code rev} when one was given (reserved earlier), else the next. */
  private long next(long rev) {
    if (rev > 0) {
      revision = Math.max(revision, rev);
      return rev;
    }
    return ++revision;
  }

  /**
   * Takes the next revision now, for a command that will be applied later (the seeded bug local-revision: a leader
   * numbers writes as it executes them speculatively, in arrival order).
   */
  long reserveRevision() {
    return ++revision;
  }

  private void write(long key, Object value, long rev) {
    values.put(key, value);
    modRevs.put(key, rev);
    if (writtenCount == written.length) {
      written = Arrays.copyOf(written, writtenCount * 2);
    }
    written[writtenCount++] = key;
  }

  // ---- restoring from disk or a leader's snapshot ----

  /** Sets a key as an effect record or snapshot has it. */
  void restore(long key, Object value, long modRev) {
    values.put(key, value);
    modRevs.put(key, modRev);
  }

  void restoreRevision(long r) {
    revision = r;
  }

  /** Records that {@code client}'s command {@code seq} was applied with {@code result}. */
  void restoreApplied(long client, long seq, Result result) {
    lastSeq.put(client, seq);
    lastResult.put(client, result);
  }

  void clear() {
    values.clear();
    modRevs.clear();
    lastSeq.clear();
    lastResult.clear();
    revision = 0;
  }

  /** Keys with values, sorted (snapshots never depend on hash order). */
  long[] sortedKeys() {
    long[] ks = values.keySet().toLongArray();
    Arrays.sort(ks);
    return ks;
  }

  /** Clients with an applied command, sorted. */
  long[] sortedClients() {
    long[] cs = lastSeq.keySet().toLongArray();
    Arrays.sort(cs);
    return cs;
  }

  long lastSeq(long client) {
    return lastSeq.get(client);
  }

  Result lastResult(long client) {
    return lastResult.get(client);
  }
}
