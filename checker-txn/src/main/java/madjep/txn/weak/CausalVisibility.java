package madjep.txn.weak;

import it.unimi.dsi.fastutil.ints.IntArrayFIFOQueue;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import madjep.history.txn.TxnHistory;
import madjep.txn.Anomaly;
import madjep.txn.weak.WeakIsolation.Level;

/**
 * Causal consistency: every write of a causal predecessor (session order and observation, transitively) is visible to
 * a read. Knowledge flows along a topological order of session order and observation: each transaction carries, per
 * key still to be read later, a bitset of that key's writers it follows causally (64 writers per word), joined from
 * its predecessors and released once its last successor has taken it. A list read must hold every writer it knows;
 * a register read forces every known writer before the one it observed. Writers the transaction's session or its own
 * reads make visible were handled by {@link DirectVisibility}; only the transitive ones are reported here.
 */
final class CausalVisibility {
  private final Observations o;
  private final TxnHistory h;
  private final CommitOrder order;
  // Writers per key: writer index of each write mop, and per key the writers in index order.
  private final int[] writerIndex;
  private final int[] vbase;
  private final int[] keyWriterStart;
  private final int[] keyWriters;
  /** list-append: each key writer's position in the key's reference read, or -1. */
  private final int[] writerPos;
  private final int[] vkeyKey;
  // Predecessors and successors (session order and observation) in CSR form.
  private int[] predStart;
  private int[] preds;
  private int[] succStart;
  private int[] succs;
  /** Position of each transaction in the topological order processed, or -1. */
  final int[] topo;
  private final int[] lastRead;
  /** Knowledge: per transaction, pairs (virtual key, bit word) in one array, until its last successor took it. */
  private final long[][] known;
  private long[] scratch = new long[64];
  private final int[] pending;
  // Causality violations found: (writer, read).
  private final IntArrayList missWriter = new IntArrayList();
  private final IntArrayList missRead = new IntArrayList();

  private CausalVisibility(Observations o, CommitOrder order) {
    this.o = o;
    this.h = o.h;
    this.order = order;
    int keys = h.keyCount();
    writerIndex = new int[h.mopCount()];
    int[] count = new int[keys];
    int[] lastTxn = new int[keys];
    Arrays.fill(lastTxn, -1);
    IntArrayList firsts = new IntArrayList(h.mopCount());
    for (int t = 0; t < o.n; t++) {
      if (!o.committed[t]) {
        continue;
      }
      for (int m = h.mopStart(t); m < h.mopStart(t + 1); m++) {
        if (!o.writes[m]) {
          continue;
        }
        int k = h.mopKey(m);
        if (lastTxn[k] != t) {
          lastTxn[k] = t;
          count[k]++;
          firsts.add(m);
        }
        writerIndex[m] = count[k] - 1;
      }
    }
    vbase = new int[keys + 1];
    keyWriterStart = new int[keys + 1];
    for (int k = 0; k < keys; k++) {
      vbase[k + 1] = vbase[k] + (count[k] + 63) / 64;
      keyWriterStart[k + 1] = keyWriterStart[k] + count[k];
    }
    vkeyKey = new int[vbase[keys]];
    for (int k = 0; k < keys; k++) {
      for (int v = vbase[k]; v < vbase[k + 1]; v++) {
        vkeyKey[v] = k;
      }
    }
    keyWriters = new int[keyWriterStart[keys]];
    writerPos = new int[keyWriterStart[keys]];
    for (int i = 0; i < firsts.size(); i++) {
      int m = firsts.getInt(i);
      int slot = keyWriterStart[h.mopKey(m)] + writerIndex[m];
      keyWriters[slot] = o.mopTxn[m];
      writerPos[slot] = o.lists ? o.posInRef[m] : -1;
    }
    topo = new int[o.n];
    Arrays.fill(topo, -1);
    lastRead = new int[keys];
    known = new long[o.n][];
    pending = new int[o.n];
  }

  static CausalVisibility check(Observations o, CommitOrder order) {
    CausalVisibility c = new CausalVisibility(o, order);
    order.causal = c;
    c.graph();
    c.sort();
    c.propagate();
    return c;
  }

  /** Predecessors: the session's previous transaction and every writer the reads observed, each once. */
  private void graph() {
    predStart = new int[o.n + 1];
    int estimate = o.n;
    for (int r = 0; r < o.reads; r++) {
      estimate += o.observedCount(r);
    }
    IntArrayList ps = new IntArrayList(estimate);
    int[] seen = new int[o.n];
    Arrays.fill(seen, -1);
    for (int t = 0; t < o.n; t++) {
      predStart[t] = ps.size();
      if (!o.committed[t]) {
        continue;
      }
      if (o.soPrev[t] >= 0) {
        seen[o.soPrev[t]] = t;
        ps.add(o.soPrev[t]);
      }
      for (int r = o.readStart[t]; r < o.readStart[t + 1]; r++) {
        for (int i = 0; i < o.observedCount(r); i++) {
          int w = o.observed(r, i);
          if (seen[w] != t) {
            seen[w] = t;
            ps.add(w);
          }
        }
      }
    }
    predStart[o.n] = ps.size();
    preds = ps.toIntArray();
    succStart = new int[o.n + 1];
    for (int p : preds) {
      succStart[p + 1]++;
    }
    for (int t = 0; t < o.n; t++) {
      succStart[t + 1] += succStart[t];
    }
    succs = new int[preds.length];
    int[] fill = Arrays.copyOf(succStart, o.n);
    for (int t = 0; t < o.n; t++) {
      for (int i = predStart[t]; i < predStart[t + 1]; i++) {
        succs[fill[preds[i]]++] = t;
      }
    }
  }

  /**
   * A topological order close to history order: each transaction as soon as its predecessors are done. Transactions
   * on or after a cycle of session order and observation stay unordered (-1): that cycle is a read committed cycle.
   */
  private int[] sequence;

  private void sort() {
    int[] remaining = new int[o.n];
    for (int t = 0; t < o.n; t++) {
      remaining[t] = predStart[t + 1] - predStart[t];
    }
    IntArrayList out = new IntArrayList(o.n);
    IntArrayFIFOQueue ready = new IntArrayFIFOQueue();
    for (int t = 0; t < o.n; t++) {
      if (!o.committed[t] || remaining[t] != 0 || topo[t] >= 0) {
        continue;
      }
      ready.enqueue(t);
      while (!ready.isEmpty()) {
        int u = ready.dequeueInt();
        topo[u] = out.size();
        out.add(u);
        for (int i = succStart[u]; i < succStart[u + 1]; i++) {
          int s = succs[i];
          if (--remaining[s] == 0 && s < t) {
            ready.enqueue(s);
          }
        }
      }
    }
    sequence = out.toIntArray();
    for (int r = 0; r < o.reads; r++) {
      int p = topo[o.readTxn(r)];
      int k = o.readKey[r];
      lastRead[k] = Math.max(lastRead[k], p);
    }
  }

  private void propagate() {
    long[] acc = new long[vkeyKey.length];
    boolean[] in = new boolean[vkeyKey.length];
    IntArrayList touched = new IntArrayList();
    int[] observedBy = new int[o.n];
    Arrays.fill(observedBy, -1);
    long[] mask = new long[4];
    for (int t = 0; t < o.n; t++) {
      pending[t] = succStart[t + 1] - succStart[t];
    }
    for (int pos = 0; pos < sequence.length; pos++) {
      int t = sequence[pos];
      touched.clear();
      for (int i = predStart[t]; i < predStart[t + 1]; i++) {
        int u = preds[i];
        long[] k = known[u];
        if (k != null) {
          for (int j = 0; j < k.length; j += 2) {
            int v = (int) k[j];
            if (!in[v]) {
              in[v] = true;
              acc[v] = 0;
              touched.add(v);
            }
            acc[v] |= k[j + 1];
          }
        }
        if (--pending[u] == 0) {
          known[u] = null;
        }
      }
      // Own writes become known to successors; predecessors' are already in acc.
      int rs = o.readStart[t];
      int re = o.readStart[t + 1];
      if (rs < re) {
        for (int r = rs; r < re; r++) {
          for (int i = 0; i < o.observedCount(r); i++) {
            observedBy[o.observed(r, i)] = t;
          }
        }
        for (int r = rs; r < re; r++) {
          check(t, r, acc, in, observedBy, mask);
        }
      }
      if (pending[t] > 0) {
        for (int m = h.mopStart(t); m < h.mopStart(t + 1); m++) {
          if (!o.writes[m]) {
            continue;
          }
          int k = h.mopKey(m);
          int v = vbase[k] + writerIndex[m] / 64;
          if (!in[v]) {
            in[v] = true;
            acc[v] = 0;
            touched.add(v);
          }
          acc[v] |= 1L << (writerIndex[m] & 63);
        }
        if (scratch.length < 2 * touched.size()) {
          scratch = new long[4 * touched.size()];
        }
        int w = 0;
        for (int i = 0; i < touched.size(); i++) {
          int v = touched.getInt(i);
          if (lastRead[vkeyKey[v]] > pos) {
            scratch[w++] = v;
            scratch[w++] = acc[v];
          }
        }
        if (w > 0) {
          known[t] = Arrays.copyOf(scratch, w);
        }
      }
      for (int i = 0; i < touched.size(); i++) {
        in[touched.getInt(i)] = false;
      }
    }
  }

  /** Read r of t against the writers of its key that t follows causally. */
  private void check(int t, int r, long[] acc, boolean[] in, int[] observedBy, long[] mask) {
    int k = o.readKey[r];
    if (o.lists && o.shared[r]) {
      checkPrefix(t, r, k, acc, in, observedBy);
      return;
    }
    int blocks = vbase[k + 1] - vbase[k];
    if (blocks > mask.length) {
      mask = new long[blocks];
    }
    Arrays.fill(mask, 0, blocks, 0);
    if (o.lists) {
      for (int i = o.runStart[r]; i < o.runStart[r] + o.runCount[r]; i++) {
        int idx = writerIndex[o.runMop[i]];
        mask[idx >> 6] |= 1L << (idx & 63);
      }
    } else if (o.readWriter[r] >= 0) {
      int idx = writerIndex[o.readWriterMop[r]];
      mask[idx >> 6] |= 1L << (idx & 63);
    }
    int w2 = o.lists ? -1 : o.readWriter[r];
    for (int b = 0; b < blocks; b++) {
      int v = vbase[k] + b;
      if (!in[v]) {
        continue;
      }
      long missing = acc[v] & ~mask[b];
      while (missing != 0) {
        int bit = Long.numberOfTrailingZeros(missing);
        missing &= missing - 1;
        int a = keyWriters[keyWriterStart[k] + b * 64 + bit];
        boolean direct = observedBy[a] == t
            || (o.session[a] >= 0 && o.session[a] == o.session[t] && o.soSeq[a] < o.soSeq[t]);
        if (direct) {
          continue;
        }
        if (o.lists || w2 < 0) {
          missWriter.add(a);
          missRead.add(r);
          return;
        }
        order.force(a, w2, Level.CAUSAL, r, CommitOrder.VIA_CAUSAL);
      }
    }
  }

  /** A read that is a prefix of its key's reference holds exactly the writers placed below its length there. */
  private void checkPrefix(int t, int r, int k, long[] acc, boolean[] in, int[] observedBy) {
    int len = o.readLength[r];
    for (int b = 0; b < vbase[k + 1] - vbase[k]; b++) {
      int v = vbase[k] + b;
      if (!in[v]) {
        continue;
      }
      long known = acc[v];
      while (known != 0) {
        int bit = Long.numberOfTrailingZeros(known);
        known &= known - 1;
        int slot = keyWriterStart[k] + b * 64 + bit;
        int p = writerPos[slot];
        if (p >= 0 && p < len) {
          continue;
        }
        int a = keyWriters[slot];
        if (observedBy[a] == t || (o.session[a] >= 0 && o.session[a] == o.session[t] && o.soSeq[a] < o.soSeq[t])) {
          continue;
        }
        missWriter.add(a);
        missRead.add(r);
        return;
      }
    }
  }

  // ---------------------------------------------------------------- explanations

  /** The causality violations found, explained with a path of session order and observations. */
  List<Anomaly> explain(CommitOrder order) {
    List<Anomaly> out = new ArrayList<>();
    for (int i = 0; i < missWriter.size(); i++) {
      int a = missWriter.getInt(i);
      int r = missRead.getInt(i);
      int t = o.readTxn(r);
      int[] path = path(a, t);
      Prose p = new Prose(o, WeakIsolation.CAUSALITY_VIOLATION);
      for (int x : path) {
        p.name(x);
      }
      List<java.util.Map<madjep.history.edn.Keyword, Object>> because = new ArrayList<>();
      for (int j = 0; j + 1 < path.length; j++) {
        Object[] step = step(p, path[j], path[j + 1]);
        p.line(p.of(path[j]) + " < " + p.of(path[j + 1]) + ", because " + step[0] + ".");
        @SuppressWarnings("unchecked")
        java.util.Map<madjep.history.edn.Keyword, Object> data = (java.util.Map<madjep.history.edn.Keyword, Object>) step[1];
        because.add(data);
      }
      p.line("However, " + p.read(r) + " misses " + p.write(a, o.readKey[r]) + ": a contradiction!");
      out.add(p.build(p.missed(r, a, because)));
    }
    return out;
  }

  /** "T1 < T2 (process 3 executed ...); ..." for a forced edge's explanation. */
  String path(Prose p, int a, int t) {
    int[] path = path(a, t);
    StringBuilder sb = new StringBuilder();
    for (int j = 0; j + 1 < path.length; j++) {
      if (j > 0) {
        sb.append("; ");
      }
      sb.append(step(p, path[j], path[j + 1])[0]);
    }
    return sb.toString();
  }

  /** {sentence, step data} for u preceding w in session order or by an observation. */
  private Object[] step(Prose p, int u, int w) {
    if (o.soPrev[w] == u) {
      return new Object[] {p.session(u, w), p.processStep(u, w)};
    }
    for (int r = o.readStart[w]; r < o.readStart[w + 1]; r++) {
      if (o.observes(r, u)) {
        return new Object[] {p.observed(r, u), p.observedStep(r, u)};
      }
    }
    throw new IllegalStateException("no causal step " + u + " -> " + w);
  }

  /** A shortest path a -> .. -> t along predecessors, searched backwards from t among later transactions than a. */
  int[] path(int a, int t) {
    IntArrayFIFOQueue q = new IntArrayFIFOQueue();
    it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap next = new it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap();
    next.defaultReturnValue(-2);
    next.put(t, -1);
    q.enqueue(t);
    while (!q.isEmpty()) {
      int x = q.dequeueInt();
      for (int i = predStart[x]; i < predStart[x + 1]; i++) {
        int u = preds[i];
        if (next.get(u) != -2 || topo[u] < topo[a]) {
          continue;
        }
        next.put(u, x);
        if (u == a) {
          IntArrayList p = new IntArrayList();
          for (int y = a; y != -1; y = next.get(y)) {
            p.add(y);
          }
          return p.toIntArray();
        }
        q.enqueue(u);
      }
    }
    throw new IllegalStateException("no causal path " + a + " -> " + t);
  }
}
