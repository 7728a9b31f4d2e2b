package madjep.txn.weak;

import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import java.util.Arrays;
import java.util.List;
import madjep.history.edn.Edn;
import madjep.history.txn.TxnHistory;
import madjep.txn.weak.WeakIsolation.Level;

/**
 * Read committed and read atomic: what each read must see because of session order and of what the transaction's
 * reads observed. A list read must hold every append of those writers to its key; a register read that observed
 * writer w2 forces every other such writer of the key before w2 in the commit order (or, when the read returned nil,
 * is a violation at once). One pass over the transactions in history order (a session's transactions complete in
 * order), with per-transaction scratch indexed by key.
 */
final class DirectVisibility {
  private final Observations o;
  private final TxnHistory h;
  private final Level level;
  private final CommitOrder order;
  // Per key, for the current transaction: whether it reads the key, and the chain of writers of the key it observed.
  private final int[] keyStamp;
  private final int[] recHead;
  private int[] recNext = new int[64];
  private int[] recWriter = new int[64];
  private int[] recRead = new int[64];
  private int recs;
  // Per transaction: the read of the current transaction that last matched it (list membership).
  private final int[] seenBy;
  // Per (session, key): list-append, elements appended so far; rw-register, the last writer so far.
  private final Long2IntOpenHashMap sessionState = new Long2IntOpenHashMap();
  /** list-append, per (session, key): the furthest reference position of its appends (MAX_VALUE: one is absent). */
  private final Long2IntOpenHashMap sessionMaxPos = new Long2IntOpenHashMap();

  private DirectVisibility(Observations o, Level level, CommitOrder order) {
    this.o = o;
    this.h = o.h;
    this.level = level;
    this.order = order;
    keyStamp = new int[h.keyCount()];
    recHead = new int[h.keyCount()];
    seenBy = new int[o.n];
    Arrays.fill(seenBy, -1);
    sessionState.defaultReturnValue(o.lists ? 0 : -1);
    sessionMaxPos.defaultReturnValue(-1);
  }

  static void check(Observations o, Level level, CommitOrder order) {
    new DirectVisibility(o, level, order).run();
  }

  private void run() {
    for (int t = 0; t < o.n; t++) {
      if (!h.isOk(t)) {
        continue;
      }
      int rs = o.readStart[t];
      int re = o.readStart[t + 1];
      if (rs < re) {
        collect(t, rs, re);
        for (int r = rs; r < re; r++) {
          if (o.lists) {
            listRead(t, r);
          } else {
            registerRead(t, r, rs);
          }
        }
      }
      advanceSession(t);
    }
  }

  /** Marks the keys t reads and chains, per key, the writers of that key that t's reads observed. */
  private void collect(int t, int rs, int re) {
    int stamp = t + 1;
    recs = 0;
    for (int r = rs; r < re; r++) {
      int k = o.readKey[r];
      if (keyStamp[k] != stamp) {
        keyStamp[k] = stamp;
        recHead[k] = -1;
      }
    }
    if (re - rs < 2) {
      return; // one read: every writer it observed is in it
    }
    for (int r = rs; r < re; r++) {
      for (int i = 0; i < o.observedCount(r); i++) {
        int w = o.observed(r, i);
        for (int x = o.writeKeyStart[w]; x < o.writeKeyStart[w + 1]; x++) {
          int k = o.writeKeys[x];
          if (keyStamp[k] != stamp) {
            continue;
          }
          if (recs == recNext.length) {
            recNext = Arrays.copyOf(recNext, recs * 2);
            recWriter = Arrays.copyOf(recWriter, recs * 2);
            recRead = Arrays.copyOf(recRead, recs * 2);
          }
          recWriter[recs] = w;
          recRead[recs] = r;
          recNext[recs] = recHead[k];
          recHead[k] = recs++;
        }
      }
    }
  }

  private void advanceSession(int t) {
    int s = o.session[t];
    if (s < 0) {
      return;
    }
    for (int m = h.mopStart(t); m < h.mopStart(t + 1); m++) {
      if (o.writes[m]) {
        long key = ((long) s << 32) | h.mopKey(m);
        if (o.lists) {
          sessionState.addTo(key, 1);
          int p = o.posInRef[m] < 0 ? Integer.MAX_VALUE : o.posInRef[m];
          if (p > sessionMaxPos.get(key)) {
            sessionMaxPos.put(key, p);
          }
        } else {
          sessionState.put(key, t);
        }
      }
    }
  }

  /** The level at which writer w, observed by read j of the transaction, is visible to its read r. */
  private static Level levelOf(int j, int r) {
    return j < r ? Level.READ_COMMITTED : Level.READ_ATOMIC;
  }

  // ---------------------------------------------------------------- list-append

  private void listRead(int t, int r) {
    int k = o.readKey[r];
    int s = o.session[t];
    boolean marked = false;
    if (s >= 0) {
      long key = ((long) s << 32) | k;
      int expected = sessionState.get(key);
      if (expected > 0) {
        boolean missing;
        if (o.shared[r]) {
          // A prefix of the reference holds exactly the appends placed below its length there.
          missing = sessionMaxPos.get(key) >= o.readLength[r];
        } else {
          int seen = 0;
          for (int i = o.runStart[r]; i < o.runStart[r] + o.runCount[r]; i++) {
            int w = o.runTxn[i];
            if (o.session[w] == s && o.soSeq[w] < o.soSeq[t]) {
              seen += o.runLength[i];
            }
          }
          missing = seen < expected;
        }
        if (missing) {
          mark(r);
          marked = true;
          int a = o.soPrev[t];
          while (a >= 0 && (seenBy[a] == r || o.firstWriteOf(a, k) < 0)) {
            a = o.soPrev[a];
          }
          order.report(missedBySession(r, a));
        }
      }
    }
    if (recHead[k] < 0) {
      return;
    }
    if (!marked) {
      mark(r);
    }
    boolean[] reported = new boolean[3];
    for (int rec = recHead[k]; rec >= 0; rec = recNext[rec]) {
      int w = recWriter[rec];
      int j = recRead[rec];
      if (seenBy[w] == r) {
        continue;
      }
      Level l = levelOf(j, r);
      if (l.compareTo(level) > 0) {
        continue;
      }
      String type = l == Level.READ_COMMITTED ? WeakIsolation.NON_MONOTONIC_READ
          : o.readKey[j] == k ? WeakIsolation.NON_REPEATABLE_READ : WeakIsolation.FRACTURED_READ;
      int slot = type.equals(WeakIsolation.NON_MONOTONIC_READ) ? 0 : type.equals(WeakIsolation.FRACTURED_READ) ? 1 : 2;
      if (!reported[slot]) {
        reported[slot] = true;
        order.report(missedByObservation(type, r, w, j));
      }
    }
  }

  private void mark(int r) {
    for (int i = o.runStart[r]; i < o.runStart[r] + o.runCount[r]; i++) {
      seenBy[o.runTxn[i]] = r;
    }
  }

  private madjep.txn.ExplainedAnomaly missedBySession(int r, int a) {
    int t = o.readTxn(r);
    Prose p = new Prose(o, WeakIsolation.NON_MONOTONIC_READ).name(a).name(t);
    p.line(p.of(a) + " < " + p.of(t) + ", because " + p.session(a, t) + ".");
    p.line("However, " + p.read(r) + " misses " + p.write(a, o.readKey[r]) + ": a contradiction!");
    return p.build(p.missed(r, a, List.of(p.processStep(a, t))));
  }

  private madjep.txn.ExplainedAnomaly missedByObservation(String type, int r, int w, int j) {
    int t = o.readTxn(r);
    Prose p = new Prose(o, type).name(w).name(t);
    p.line(p.of(w) + " is visible to " + p.of(t) + ", because " + p.observed(j, w)
        + (j < r ? " in an earlier read" : " in a later read") + ".");
    p.line("However, " + p.read(r) + " misses " + p.write(w, o.readKey[r]) + ": a contradiction!");
    return p.build(p.missed(r, w, List.of(p.observedStep(j, w))));
  }

  // ---------------------------------------------------------------- rw-register

  private void registerRead(int t, int r, int rs) {
    int k = o.readKey[r];
    int w2 = o.readWriter[r];
    int s = o.session[t];
    if (s >= 0) {
      int a = sessionState.get(((long) s << 32) | k);
      if (a >= 0 && a != w2) {
        if (w2 < 0) {
          order.report(missedBySession(r, a));
        } else {
          order.force(a, w2, Level.READ_COMMITTED, r, CommitOrder.VIA_SESSION);
        }
      }
    }
    if (level != Level.READ_COMMITTED) {
      for (int j = rs; j < r; j++) {
        if (o.readKey[j] == k && o.readWriter[j] != w2) {
          order.report(nonRepeatable(j, r));
          break;
        }
      }
    }
    boolean reported = false;
    for (int rec = recHead[k]; rec >= 0; rec = recNext[rec]) {
      int w = recWriter[rec];
      int j = recRead[rec];
      if (w == w2 || (o.readKey[j] == k && j > r)) {
        continue; // a later read of the same key: a non-repeatable read, reported from that read
      }
      Level l = levelOf(j, r);
      if (l.compareTo(level) > 0) {
        continue;
      }
      if (w2 >= 0) {
        order.force(w, w2, l, r, j);
      } else if (!reported) {
        reported = true;
        order.report(missedByObservation(l == Level.READ_COMMITTED ? WeakIsolation.NON_MONOTONIC_READ
            : WeakIsolation.FRACTURED_READ, r, w, j));
      }
    }
  }

  private madjep.txn.ExplainedAnomaly nonRepeatable(int j, int r) {
    int t = o.readTxn(r);
    Prose p = new Prose(o, WeakIsolation.NON_REPEATABLE_READ).name(t);
    p.line(p.of(t) + " read " + Edn.print(h.key(o.readKey[r])) + " twice, without writing it in between: "
        + Edn.print(h.mopData(o.readMop[j])) + " then " + Edn.print(h.mopData(o.readMop[r]))
        + ", observing two different writes: a contradiction!");
    java.util.LinkedHashMap<madjep.history.edn.Keyword, Object> d = new java.util.LinkedHashMap<>();
    d.put(Prose.OP, h.opData(t));
    d.put(Prose.MOP, madjep.history.edn.EdnVector.of(h.mopData(o.readMop[j]), h.mopData(o.readMop[r])));
    return p.build(d);
  }
}
