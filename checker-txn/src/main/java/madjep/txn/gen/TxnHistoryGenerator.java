package madjep.txn.gen;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import madjep.txn.Workload;

/**
 * Simulates {@code processes} clients, each running one transaction at a time against an in-memory store, and writes
 * the resulting Jepsen history as EDN, one op per line. Everything follows from the seed.
 *
 * <p>Stores: {@link Store#SERIALIZABLE} applies each transaction atomically at a commit point between its invocation
 * and completion (so the history is strict serializable), and aborts a few at random. {@link Store#SNAPSHOT_ISOLATION}
 * reads from a snapshot taken at invocation and commits at completion unless a key it writes was written by a
 * transaction that committed since its snapshot (first committer wins): write skew (G2-item) gets through. A few
 * transactions crash: they complete :info, took effect or not at random, and their process is replaced, as in Jepsen.
 */
public final class TxnHistoryGenerator {
  /** How the simulated store orders transactions. */
  public enum Store {
    SERIALIZABLE,
    SNAPSHOT_ISOLATION
  }

  /** Generation settings. */
  public record Config(
      Workload workload,
      Store store,
      int transactions,
      int processes,
      int activeKeys,
      int maxWritesPerKey,
      int maxTxnLength,
      long seed,
      int crashesPerMille) {
    /**
     * Defaults close to Jepsen's: 10 processes, 10 active keys, up to 20 writes per key, 1-4 micro-ops, 2 crashes per
     * 1,000 transactions.
     */
    public static Config of(Workload w, Store s, int transactions, long seed) {
      return new Config(w, s, transactions, 10, 10, 20, 4, seed, INFO_PER_MILLE);
    }

    /** The same, with this many crashed (:info) transactions per 1,000; 0 gives histories with no :info at all. */
    public Config withCrashes(int perMille) {
      return new Config(workload, store, transactions, processes, activeKeys, maxWritesPerKey, maxTxnLength, seed,
          perMille);
    }
  }

  private static final int INFO_PER_MILLE = 2;
  private static final int ABORT_PER_MILLE = 5;

  private final Config c;
  private final SplittableRandom rnd;
  private final OutputStream out;
  private final StringBuilder line = new StringBuilder(256);
  private final byte[] bytes = new byte[1 << 16];
  private int fill;
  private long index;

  // Store state per key id: elements/values with the commit sequence of each.
  private long[][] elems = new long[16][];
  private long[][] seqs = new long[16][];
  private int[] size = new int[16];
  private int[] writes = new int[16];
  private long[] lastCommit = new long[16];
  private int[] active;
  private int nextKey;
  private long commitSeq;

  private TxnHistoryGenerator(Config c, OutputStream out) {
    this.c = c;
    this.rnd = new SplittableRandom(c.seed());
    this.out = out;
    active = new int[c.activeKeys()];
    for (int i = 0; i < active.length; i++) {
      active[i] = newKey();
    }
  }

  /** Writes a generated history to {@code out} (not closed). */
  public static void write(Config c, OutputStream out) throws IOException {
    new TxnHistoryGenerator(c, out).run();
  }

  /** A generated history as EDN bytes. */
  public static byte[] edn(Config c) {
    java.io.ByteArrayOutputStream bo = new java.io.ByteArrayOutputStream();
    try {
      write(c, bo);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return bo.toByteArray();
  }

  private int newKey() {
    int k = nextKey++;
    if (k == size.length) {
      int n = k * 2;
      elems = Arrays.copyOf(elems, n);
      seqs = Arrays.copyOf(seqs, n);
      size = Arrays.copyOf(size, n);
      writes = Arrays.copyOf(writes, n);
      lastCommit = Arrays.copyOf(lastCommit, n);
    }
    elems[k] = new long[4];
    seqs[k] = new long[4];
    return k;
  }

  /** One client transaction in flight. */
  private static final class Txn {
    int process;
    long invokeTime;
    long commitTime;
    long completeTime;
    long snapshot;
    int[] f;
    int[] key;
    long[] value;
    long[][] read;
    boolean committed;
    boolean aborted;
    boolean crashed;
    boolean completedEvent;
  }

  private void run() throws IOException {
    PriorityQueue<long[]> events = new PriorityQueue<>((a, b) -> Long.compare(a[0], b[0]));
    Txn[] running = new Txn[c.processes()];
    int[] processOf = new int[c.processes()];
    long now = 0;
    int started = 0;
    for (int s = 0; s < c.processes(); s++) {
      processOf[s] = s;
      if (started < c.transactions()) {
        running[s] = begin(processOf[s], now + rnd.nextInt(1000));
        started++;
        schedule(events, running[s], s);
      }
    }
    while (!events.isEmpty()) {
      long[] e = events.poll();
      int slot = (int) e[1];
      Txn t = running[slot];
      if (e[2] == 0) {
        commit(t);
        continue;
      }
      complete(t);
      if (t.crashed) {
        processOf[slot] += c.processes();
      }
      if (started < c.transactions()) {
        running[slot] = begin(processOf[slot], e[0] + 1 + rnd.nextInt(200_000));
        started++;
        schedule(events, running[slot], slot);
      }
    }
    flush();
  }

  private void schedule(PriorityQueue<long[]> events, Txn t, int slot) {
    events.add(new long[] {t.commitTime, slot, 0});
    events.add(new long[] {t.completeTime, slot, 1});
  }

  private Txn begin(int process, long at) throws IOException {
    Txn t = new Txn();
    t.process = process;
    t.invokeTime = at;
    long latency = 100_000 + rnd.nextInt(5_000_000);
    t.completeTime = at + latency;
    t.commitTime = c.store() == Store.SERIALIZABLE ? at + 1 + rnd.nextLong(latency - 1) : t.completeTime - 1;
    t.snapshot = commitSeq;
    int n = 1 + rnd.nextInt(c.maxTxnLength());
    t.f = new int[n];
    t.key = new int[n];
    t.value = new long[n];
    t.read = new long[n][];
    for (int i = 0; i < n; i++) {
      int slot = (int) Math.min(active.length - 1, Math.abs(rnd.nextGaussian()) * active.length / 3);
      int k = active[slot];
      t.key[i] = k;
      if (rnd.nextBoolean()) {
        t.f[i] = 0;
      } else {
        t.f[i] = 1;
        t.value[i] = ++writes[k];
        if (writes[k] >= c.maxWritesPerKey()) {
          active[slot] = newKey();
        }
      }
    }
    t.crashed = rnd.nextInt(1000) < c.crashesPerMille();
    t.aborted = c.store() == Store.SERIALIZABLE && rnd.nextInt(1000) < ABORT_PER_MILLE;
    op(t, "invoke", false);
    return t;
  }

  /** The store's view of key k at snapshot s: the number of elements committed by then. */
  private int visible(int k, long s) {
    long[] sq = seqs[k];
    int lo = 0;
    int hi = size[k];
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sq[mid] <= s) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private void commit(Txn t) {
    if (t.aborted || (t.crashed && rnd.nextBoolean())) {
      t.aborted = true;
      return;
    }
    long snapshot = c.store() == Store.SERIALIZABLE ? commitSeq : t.snapshot;
    if (c.store() == Store.SNAPSHOT_ISOLATION) {
      for (int i = 0; i < t.f.length; i++) {
        if (t.f[i] == 1 && lastCommit[t.key[i]] > t.snapshot) {
          t.aborted = true;
          return;
        }
      }
    }
    long seq = ++commitSeq;
    // Own writes so far, per key, layered over the snapshot.
    for (int i = 0; i < t.f.length; i++) {
      int k = t.key[i];
      if (t.f[i] == 0) {
        int vis = visible(k, snapshot);
        int own = 0;
        for (int j = 0; j < i; j++) {
          own += t.f[j] == 1 && t.key[j] == k ? 1 : 0;
        }
        long[] r = new long[c.workload() == Workload.LIST_APPEND ? vis + own : 1];
        if (c.workload() == Workload.LIST_APPEND) {
          System.arraycopy(elems[k], 0, r, 0, vis);
          int w = vis;
          for (int j = 0; j < i; j++) {
            if (t.f[j] == 1 && t.key[j] == k) {
              r[w++] = t.value[j];
            }
          }
        } else {
          long v = vis == 0 ? Long.MIN_VALUE : elems[k][vis - 1];
          for (int j = 0; j < i; j++) {
            if (t.f[j] == 1 && t.key[j] == k) {
              v = t.value[j];
            }
          }
          r[0] = v;
        }
        t.read[i] = r;
      }
    }
    for (int i = 0; i < t.f.length; i++) {
      if (t.f[i] == 1) {
        int k = t.key[i];
        if (size[k] == elems[k].length) {
          elems[k] = Arrays.copyOf(elems[k], size[k] * 2);
          seqs[k] = Arrays.copyOf(seqs[k], size[k] * 2);
        }
        elems[k][size[k]] = t.value[i];
        seqs[k][size[k]] = seq;
        size[k]++;
        lastCommit[k] = seq;
      }
    }
    t.committed = true;
  }

  private void complete(Txn t) throws IOException {
    if (t.crashed) {
      op(t, "info", false);
    } else if (t.aborted || !t.committed) {
      op(t, "fail", false);
    } else {
      op(t, "ok", true);
    }
  }

  private void op(Txn t, String type, boolean withReads) throws IOException {
    StringBuilder b = line;
    b.setLength(0);
    b.append("{:type :").append(type).append(", :f :txn, :value [");
    for (int i = 0; i < t.f.length; i++) {
      if (i > 0) {
        b.append(' ');
      }
      boolean read = t.f[i] == 0;
      String f = read ? ":r" : c.workload() == Workload.LIST_APPEND ? ":append" : ":w";
      b.append('[').append(f).append(' ').append(t.key[i]).append(' ');
      if (!read) {
        b.append(t.value[i]);
      } else if (!withReads) {
        b.append("nil");
      } else if (c.workload() == Workload.LIST_APPEND) {
        b.append('[');
        long[] r = t.read[i];
        for (int j = 0; j < r.length; j++) {
          if (j > 0) {
            b.append(' ');
          }
          b.append(r[j]);
        }
        b.append(']');
      } else {
        long v = t.read[i][0];
        b.append(v == Long.MIN_VALUE ? "nil" : Long.toString(v));
      }
      b.append(']');
    }
    long time = type.equals("invoke") ? t.invokeTime : t.completeTime;
    b.append("], :process ").append(t.process).append(", :time ").append(time).append(", :index ")
        .append(index++).append("}\n");
    for (int i = 0; i < b.length(); i++) {
      if (fill == bytes.length) {
        flush();
      }
      bytes[fill++] = (byte) b.charAt(i);
    }
  }

  private void flush() throws IOException {
    out.write(bytes, 0, fill);
    fill = 0;
  }

  /** Writes a history to a file: {@code list-append|rw-register serializable|si TRANSACTIONS SEED FILE}. */
  public static void main(String[] args) throws IOException {
    Workload w = Workload.byName(args[0]);
    Store s = args[1].equals("si") ? Store.SNAPSHOT_ISOLATION : Store.SERIALIZABLE;
    Config cfg = Config.of(w, s, Integer.parseInt(args[2]), Long.parseLong(args[3]));
    if (args.length > 5) {
      cfg = cfg.withCrashes(Integer.parseInt(args[5])); // e.g. 0: no :info, for checkers that cannot read it
    }
    try (OutputStream o = new java.io.BufferedOutputStream(
        java.nio.file.Files.newOutputStream(java.nio.file.Path.of(args[4])), 1 << 20)) {
      write(cfg, o);
    }
    System.out.println("wrote " + args[4]);
  }
}
