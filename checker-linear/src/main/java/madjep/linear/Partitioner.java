package madjep.linear;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import madjep.history.History;
import madjep.history.edn.EdnVector;
import madjep.history.edn.Keyword;

/**
 * Applies the shared semantics and splits a history into independent partitions: client ops only (named processes
 * such as the nemesis are ignored; an op with no process is a data error); {@code :fail}
 * ops dropped; {@code :info} ops and invokes that never completed kept as crashed (optional) ops with their
 * invocation's value; {@code :ok} ops with their completion's value. Under {@code independent}, values are
 * {@code [key value]} tuples and the key splits the history; the model's {@link Model#partitionKeys} splits it
 * further, grouping ops that share keys.
 */
final class Partitioner {
  private static final int NO_ATOM = -1;

  private final History h;
  private final Model model;
  private final boolean independent;
  /** Each history position's place in real-time order: null for file order, else its rank by :time. */
  private int[] rank;

  // Per op, in invocation order. Sized at once for a history whose invocations all complete (half its entries):
  // growing them was a fifth of what checking the simulated hour of examples/raft-kv-hour.toml allocated.
  private final IntArrayList invoke;
  private final IntArrayList complete;
  private final List<Keyword> f;
  private final List<Object> value;
  private final IntArrayList atomOf;

  // Keys ("atoms": an independent key, a model key, or both) and a union-find over them.
  private final Object2IntOpenHashMap<Object> atomIds = new Object2IntOpenHashMap<>();
  private final List<Object> atoms = new ArrayList<>();
  private final IntArrayList parent = new IntArrayList();
  /** True once two keys were joined: until then every key is its own partition, named after itself. */
  private boolean joined;

  private Partitioner(History h, Model model, boolean independent) {
    this.h = h;
    this.model = model;
    this.independent = independent;
    int ops = h.size() / 2 + 1;
    invoke = new IntArrayList(ops);
    complete = new IntArrayList(ops);
    f = new ArrayList<>(ops);
    value = new ArrayList<>(ops);
    atomOf = new IntArrayList(ops);
    atomIds.defaultReturnValue(-1);
  }

  /** The partitions of {@code h}, in order of their first op; real time is file order. */
  static List<PartitionOps> split(History h, Model model, boolean independent) {
    return split(h, model, independent, LinearizabilityOptions.RealTime.FILE);
  }

  /** The partitions of {@code h}, in order of their first op, with real time read as {@code realTime} says. */
  static List<PartitionOps> split(History h, Model model, boolean independent, LinearizabilityOptions.RealTime realTime) {
    Partitioner p = new Partitioner(h, model, independent);
    if (realTime == LinearizabilityOptions.RealTime.TIME) {
      p.rank = ranksByTime(h);
    }
    return p.run();
  }

  /**
   * Every position's rank when the history is sorted by {@code :time}, invocations before completions at equal times
   * (closed intervals: an op that returns at t overlaps one invoked at t), then by position.
   */
  private static int[] ranksByTime(History h) {
    int size = h.size();
    long[][] keys = new long[size][];
    for (int i = 0; i < size; i++) {
      long t = h.time(i);
      if (t < 0) {
        throw h.errorAt(i, "expected a :time on every op to order them by time, found none");
      }
      keys[i] = new long[] {t, h.isInvoke(i) ? 0 : 1, i};
    }
    java.util.Arrays.sort(keys, (a, b) -> {
      int c = Long.compare(a[0], b[0]);
      if (c == 0) {
        c = Long.compare(a[1], b[1]);
      }
      return c != 0 ? c : Long.compare(a[2], b[2]);
    });
    int[] rank = new int[size];
    for (int r = 0; r < size; r++) {
      rank[(int) keys[r][2]] = r;
    }
    return rank;
  }

  private int at(int position) {
    return rank == null || position < 0 ? position : rank[position];
  }

  private List<PartitionOps> run() {
    h.requireWellFormed();
    for (int i = 0, size = h.size(); i < size; i++) {
      if (h.process(i) == History.NO_PROCESS) {
        // Without processes there is no pairing and no real-time order: ignoring the op would be a silent pass.
        throw h.errorAt(i, "expected a :process on every op of a linearizability check, found none");
      }
      if (h.isInvoke(i) && h.isClient(i)) {
        addOp(i);
      }
    }
    return group();
  }

  private void addOp(int i) {
    int c = h.pair(i);
    if (c >= 0 && h.isFail(c)) {
      return;
    }
    boolean ok = c >= 0 && h.isOk(c);
    Keyword fn = h.f(i);
    if (ok && h.f(c) != fn) {
      throw h.errorAt(c, "expected the completion's :f to be " + fn + " as its invocation's, found " + h.f(c));
    }
    int src = ok ? c : i;
    Object v = Values.canonical(h.value(src));
    Object indepKey = null;
    if (independent) {
      if (!(v instanceof List<?> t) || t.size() != 2) {
        throw h.errorAt(src, Values.expected("a [key value] tuple (--independent)", v));
      }
      indepKey = t.get(0);
      v = t.get(1);
    }
    String problem;
    Collection<?> keys;
    try {
      problem = model.checkOp(fn, v);
      keys = problem == null ? model.partitionKeys(h, i, v) : null;
    } catch (RuntimeException e) {
      throw ModelFailure.at(h, src, model, "checkOp/partitionKeys(" + ModelFailure.describe(fn, v) + ")", e);
    }
    if (problem != null) {
      throw h.errorAt(src, problem);
    }
    int atom;
    if (keys == null) {
      atom = independent ? atom(indepKey) : atom(null);
    } else if (keys.isEmpty()) {
      atom = NO_ATOM;
    } else {
      atom = -1;
      for (Object k : keys) {
        int a = atom(independent ? EdnVector.of(indepKey, Values.canonical(k)) : Values.canonical(k));
        if (atom < 0) {
          atom = a;
        } else {
          union(atom, a);
        }
      }
    }
    invoke.add(i);
    complete.add(ok ? c : -1);
    f.add(fn);
    value.add(v);
    atomOf.add(atom);
  }

  private int atom(Object key) {
    int id = atomIds.getInt(key);
    if (id < 0) {
      id = atoms.size();
      atoms.add(key);
      atomIds.put(key, id);
      parent.add(id);
    }
    return id;
  }

  private int find(int a) {
    int root = a;
    while (parent.getInt(root) != root) {
      root = parent.getInt(root);
    }
    while (parent.getInt(a) != root) {
      int next = parent.getInt(a);
      parent.set(a, root);
      a = next;
    }
    return root;
  }

  private void union(int a, int b) {
    int ra = find(a);
    int rb = find(b);
    if (ra != rb) {
      // The older key stays the root, so a partition is named after its first key.
      parent.set(Math.max(ra, rb), Math.min(ra, rb));
      joined = true;
    }
  }

  private List<PartitionOps> group() {
    int n = invoke.size();
    // Partition index per root, in order of first op; ops touching no key share one partition.
    int[] partOfRoot = new int[atoms.size()];
    Arrays.fill(partOfRoot, -1);
    int noKeyPart = -1;
    int parts = 0;
    int[] partOf = new int[n];
    IntArrayList sizes = new IntArrayList();
    IntArrayList firstAtom = new IntArrayList();
    for (int k = 0; k < n; k++) {
      int a = atomOf.getInt(k);
      int p;
      if (a == NO_ATOM) {
        if (noKeyPart < 0) {
          noKeyPart = parts++;
          sizes.add(0);
          firstAtom.add(NO_ATOM);
        }
        p = noKeyPart;
      } else {
        int r = find(a);
        if (partOfRoot[r] < 0) {
          partOfRoot[r] = parts++;
          sizes.add(0);
          firstAtom.add(r);
        }
        p = partOfRoot[r];
      }
      partOf[k] = p;
      sizes.set(p, sizes.getInt(p) + 1);
    }
    // Members of each partition, in invocation order.
    int[][] members = new int[parts][];
    int[] fill = new int[parts];
    for (int p = 0; p < parts; p++) {
      members[p] = new int[sizes.getInt(p)];
    }
    for (int k = 0; k < n; k++) {
      members[partOf[k]][fill[partOf[k]]++] = k;
    }
    List<List<Object>> keysOfRoot = joined ? keysByRoot() : null;
    List<PartitionOps> result = new ArrayList<>(parts);
    for (int p = 0; p < parts; p++) {
      int fa = firstAtom.getInt(p);
      Object key;
      if (fa == NO_ATOM) {
        key = null;
      } else if (!joined) {
        key = atoms.get(fa);
      } else {
        List<Object> ks = keysOfRoot.get(fa);
        key = ks.size() == 1 ? ks.get(0) : EdnVector.copyOf(ks);
      }
      result.add(build(key, members[p]));
    }
    return result;
  }

  /** Every root's keys in order of first appearance (only built once two keys were joined). */
  private List<List<Object>> keysByRoot() {
    List<List<Object>> byRoot = new ArrayList<>(atoms.size());
    for (int a = 0; a < atoms.size(); a++) {
      byRoot.add(null);
    }
    for (int a = 0; a < atoms.size(); a++) {
      int r = find(a);
      if (byRoot.get(r) == null) {
        byRoot.set(r, new ArrayList<>(1));
      }
      byRoot.get(r).add(atoms.get(a));
    }
    return byRoot;
  }

  /** Puts op {@code k} (in invocation order) at {@code j} of a partition's columns. */
  private void take(int k, int j, int[] inv, int[] comp, Keyword[] fs, Object[] vs) {
    inv[j] = invoke.getInt(k);
    comp[j] = complete.getInt(k);
    fs[j] = f.get(k);
    vs[j] = value.get(k);
  }

  private PartitionOps build(Object key, int[] members) {
    int m = members.length;
    int required = 0;
    for (int k : members) {
      if (complete.getInt(k) >= 0) {
        required++;
      }
    }
    // Required ops by completion, then crashed ops by invocation (members are in invocation position order), both in
    // real-time order.
    long[] order = new long[required];
    int r = 0;
    long[] crashed = new long[m - required];
    int cr = 0;
    for (int k : members) {
      int c = complete.getInt(k);
      if (c >= 0) {
        order[r++] = (long) at(c) << 32 | k;
      } else {
        crashed[cr++] = (long) at(invoke.getInt(k)) << 32 | k;
      }
    }
    Arrays.sort(order);
    Arrays.sort(crashed);
    int[] inv = new int[m];
    int[] comp = new int[m];
    Keyword[] fs = new Keyword[m];
    Object[] vs = new Object[m];
    // Two loops, not one choosing its source per op: the JIT's speculation on the one loop's bounds failed over and
    // over on the simulated hour's 36,046 partitions, and C2 compiled this method six times while the check ran.
    for (int j = 0; j < required; j++) {
      take((int) order[j], j, inv, comp, fs, vs);
    }
    for (int j = required; j < m; j++) {
      take((int) crashed[j - required], j, inv, comp, fs, vs);
    }
    if (rank == null) {
      return new PartitionOps(key, required, inv, comp, fs, vs);
    }
    int[] callAt = new int[m];
    int[] returnAt = new int[m];
    for (int j = 0; j < m; j++) {
      callAt[j] = at(inv[j]);
      returnAt[j] = at(comp[j]);
    }
    return new PartitionOps(key, required, inv, comp, fs, vs, callAt, returnAt);
  }
}
