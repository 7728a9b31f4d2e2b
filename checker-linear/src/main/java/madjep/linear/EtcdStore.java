package madjep.linear;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import madjep.history.edn.EdnParser;
import madjep.history.edn.EdnVector;
import madjep.history.edn.Keyword;

/**
 * The state of the {@code etcd} model: the store-wide revision, the compacted revision, each key's value,
 * mod-revision, version and lease, and the granted leases. A value: immutable once built, with {@code equals} and a
 * cached {@code hashCode}, so that the search interns it. Keys are kept sorted in etcd's order (bytes of UTF-8,
 * which is code point order) in flat parallel arrays.
 */
final class EtcdStore {
  /** An empty store at revision 1, as a new etcd cluster starts; nothing compacted (etcd allows compacting 0). */
  static final EtcdStore INITIAL = new EtcdStore(1, -1, new String[0], new Object[0], new long[0], new long[0],
      new long[0], new long[0]);

  private long revision;
  private long compacted;
  private String[] keys;
  private Object[] values;
  private long[] modRevisions;
  private long[] versions;
  /** The lease each key is attached to, 0 for none. */
  private long[] keyLeases;
  /** Granted leases, sorted. */
  private long[] leases;
  private int hash;

  private EtcdStore(long revision, long compacted, String[] keys, Object[] values, long[] modRevisions,
      long[] versions, long[] keyLeases, long[] leases) {
    this.revision = revision;
    this.compacted = compacted;
    this.keys = keys;
    this.values = values;
    this.modRevisions = modRevisions;
    this.versions = versions;
    this.keyLeases = keyLeases;
    this.leases = leases;
    this.hash = computeHash();
  }

  /** A copy to change while applying one op; {@link #seal} makes it a value again. */
  private EtcdStore copy() {
    return new EtcdStore(revision, compacted, keys.clone(), values.clone(), modRevisions.clone(), versions.clone(),
        keyLeases.clone(), leases.clone());
  }

  private EtcdStore seal() {
    hash = computeHash();
    return this;
  }

  long revision() {
    return revision;
  }

  /**
   * The store after {@code op}, or null when the op cannot happen here: its response (if it has one) differs from
   * what etcd would answer in this store. A crashed op (no response) always applies.
   */
  EtcdStore step(EtcdOp op) {
    EtcdOp.Response resp = op.response;
    switch (op.kind) {
      case RANGE:
        if (resp == null) {
          // Its result unknown; but a range of a future revision is an error in etcd, never a completed read.
          return op.revision > revision ? null : this;
        }
        return rangeMatches(op) ? this : null;
      case TXN:
        return txn(op);
      case LEASE_GRANT:
        if (resp != null && (resp.clientError() != null || resp.revision() != revision)) {
          return null;
        }
        return op.lease == 0 || hasLease(op.lease) ? this : withLease(op.lease);
      case LEASE_REVOKE:
        return revoke(op);
      case COMPACT:
        return compact(op);
      default:
        // Defragment changes nothing and answers revision -1 (etcd's tests do not linearize it).
        return this;
    }
  }

  // ---- Range ----

  private boolean rangeMatches(EtcdOp op) {
    EtcdOp.Response resp = op.response;
    long at = op.revision;
    if (at == 0 || at == revision) {
      return resp.clientError() == null && resp.revision() == revision && rangeMatches(op.range, resp.kvs(),
          resp.count());
    }
    if (at > revision) {
      return false; // etcd answers "future revision" with an error, never a response
    }
    if (at < compacted) {
      return EtcdOp.COMPACTED.equals(resp.clientError());
    }
    // A read of an older revision: the store keeps no history, so only the header revision is checked (as etcd's
    // own model does; its tests check such reads' contents apart, by replaying the WAL).
    return resp.clientError() == null && resp.revision() == revision;
  }

  /** True when {@code kvs} and {@code count} are what range {@code r} returns from this store. */
  private boolean rangeMatches(EtcdOp.Range r, EtcdOp.KeyValue[] kvs, long count) {
    int from;
    int to;
    if (r.end().isEmpty()) {
      from = find(r.start());
      if (from < 0) {
        return count == 0 && kvs.length == 0;
      }
      to = from + 1;
    } else {
      from = lowerBound(r.start());
      to = r.end().equals("\0") ? keys.length : lowerBound(r.end());
      if (to < from) {
        to = from;
      }
    }
    int total = to - from;
    if (count != total) {
      return false;
    }
    int shown = r.limit() > 0 && total > r.limit() ? (int) r.limit() : total;
    if (kvs.length != shown) {
      return false;
    }
    for (int k = 0; k < shown; k++) {
      EtcdOp.KeyValue kv = kvs[k];
      int i = from + k;
      if (!kv.key().equals(keys[i]) || kv.modRevision() != modRevisions[i] || kv.version() != versions[i]
          || !kv.value().equals(r.keysOnly() ? "" : values[i])) {
        return false;
      }
    }
    return true;
  }

  // ---- Txn ----

  private EtcdStore txn(EtcdOp op) {
    boolean succeeded = true;
    for (EtcdOp.Condition c : op.conditions) {
      int i = find(c.key());
      long current = i < 0 ? 0 : c.byVersion() ? versions[i] : modRevisions[i];
      if (current != c.expected()) {
        succeeded = false;
        break;
      }
    }
    EtcdOp.Response resp = op.response;
    if (resp != null && (resp.clientError() != null || resp.succeeded() != succeeded)) {
      return null;
    }
    EtcdOp.TxnStep[] steps = succeeded ? op.then : op.otherwise;
    EtcdStore w = this;
    boolean wrote = false;
    for (int s = 0; s < steps.length; s++) {
      EtcdOp.TxnStep step = steps[s];
      EtcdOp.Result result = resp == null ? null : resp.results()[s];
      long deleted = 0;
      switch (step.kind()) {
        case PUT:
          // A put under a lease that is not granted does nothing (as in etcd's model).
          if (step.lease() == 0 || w.hasLease(step.lease())) {
            if (!wrote) {
              w = copy();
              wrote = true;
            }
            w.put(step.key(), step.value(), revision + 1, step.lease());
          }
          break;
        case DELETE:
          int i = w.find(step.key());
          if (i >= 0) {
            if (!wrote) {
              w = copy();
              wrote = true;
            }
            w.remove(w.find(step.key()));
            deleted = 1;
          }
          break;
        default:
          if (result != null && (result.deleted() != 0 || !w.rangeMatches(step.range(), result.kvs(),
              result.count()))) {
            return null;
          }
          continue;
      }
      if (result != null && (result.deleted() != deleted || result.count() != 0 || result.kvs().length != 0)) {
        return null;
      }
    }
    if (!wrote) {
      return resp == null || resp.revision() == revision ? this : null;
    }
    w.revision = revision + 1;
    return resp == null || resp.revision() == w.revision ? w.seal() : null;
  }

  private void put(String key, Object value, long modRevision, long lease) {
    int i = find(key);
    if (i < 0) {
      i = insert(-i - 1, key);
    }
    values[i] = value;
    modRevisions[i] = modRevision;
    versions[i] = versions[i] + 1;
    keyLeases[i] = lease;
  }

  // ---- Leases and compaction ----

  private boolean hasLease(long lease) {
    return Arrays.binarySearch(leases, lease) >= 0;
  }

  private EtcdStore withLease(long lease) {
    EtcdStore w = copy();
    int at = -Arrays.binarySearch(leases, lease) - 1;
    long[] l = new long[leases.length + 1];
    System.arraycopy(leases, 0, l, 0, at);
    l[at] = lease;
    System.arraycopy(leases, at, l, at + 1, leases.length - at);
    w.leases = l;
    return w.seal();
  }

  private EtcdStore revoke(EtcdOp op) {
    EtcdStore w = this;
    boolean deleted = false;
    for (int i = keys.length - 1; i >= 0; i--) {
      if (keyLeases[i] == op.lease) {
        if (!deleted) {
          w = copy();
          deleted = true;
        }
        w.remove(i);
      }
    }
    int at = Arrays.binarySearch(leases, op.lease);
    if (at >= 0) {
      if (w == this) {
        w = copy();
      }
      long[] l = new long[leases.length - 1];
      System.arraycopy(leases, 0, l, 0, at);
      System.arraycopy(leases, at + 1, l, at, leases.length - at - 1);
      w.leases = l;
    }
    if (deleted) {
      w.revision = revision + 1;
    }
    EtcdOp.Response resp = op.response;
    if (resp != null && (resp.clientError() != null || resp.revision() != w.revision)) {
      return null;
    }
    return w == this ? this : w.seal();
  }

  private EtcdStore compact(EtcdOp op) {
    EtcdOp.Response resp = op.response;
    String error = op.revision <= compacted ? EtcdOp.COMPACTED
        : op.revision > revision ? EtcdOp.FUTURE_REVISION : null;
    if (resp != null && !java.util.Objects.equals(resp.clientError(), error)) {
      return null;
    }
    if (error != null) {
      return this;
    }
    EtcdStore w = copy();
    w.compacted = op.revision;
    return w.seal();
  }

  // ---- Sorted keys ----

  /** The position of {@code key}, or {@code -(insertion point) - 1}. */
  private int find(String key) {
    int lo = 0;
    int hi = keys.length - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int c = compareKeys(keys[mid], key);
      if (c < 0) {
        lo = mid + 1;
      } else if (c > 0) {
        hi = mid - 1;
      } else {
        return mid;
      }
    }
    return -lo - 1;
  }

  /** The first position whose key is at or after {@code key}. */
  private int lowerBound(String key) {
    int i = find(key);
    return i >= 0 ? i : -i - 1;
  }

  /** etcd's key order: UTF-8 bytes, which is code point order (String.compareTo orders UTF-16 units). */
  static int compareKeys(String a, String b) {
    int n = Math.min(a.length(), b.length());
    for (int i = 0; i < n; i++) {
      char x = a.charAt(i);
      char y = b.charAt(i);
      if (x != y) {
        if (Character.isSurrogate(x) || Character.isSurrogate(y)) {
          return Integer.compare(a.codePointAt(i), b.codePointAt(i));
        }
        return Character.compare(x, y);
      }
    }
    return Integer.compare(a.length(), b.length());
  }

  private int insert(int at, String key) {
    int n = keys.length;
    keys = Arrays.copyOf(keys, n + 1);
    values = Arrays.copyOf(values, n + 1);
    modRevisions = Arrays.copyOf(modRevisions, n + 1);
    versions = Arrays.copyOf(versions, n + 1);
    keyLeases = Arrays.copyOf(keyLeases, n + 1);
    System.arraycopy(keys, at, keys, at + 1, n - at);
    System.arraycopy(values, at, values, at + 1, n - at);
    System.arraycopy(modRevisions, at, modRevisions, at + 1, n - at);
    System.arraycopy(versions, at, versions, at + 1, n - at);
    System.arraycopy(keyLeases, at, keyLeases, at + 1, n - at);
    keys[at] = key;
    values[at] = null;
    modRevisions[at] = 0;
    versions[at] = 0;
    keyLeases[at] = 0;
    return at;
  }

  private void remove(int at) {
    int n = keys.length - 1;
    System.arraycopy(keys, at + 1, keys, at, n - at);
    System.arraycopy(values, at + 1, values, at, n - at);
    System.arraycopy(modRevisions, at + 1, modRevisions, at, n - at);
    System.arraycopy(versions, at + 1, versions, at, n - at);
    System.arraycopy(keyLeases, at + 1, keyLeases, at, n - at);
    keys = Arrays.copyOf(keys, n);
    values = Arrays.copyOf(values, n);
    modRevisions = Arrays.copyOf(modRevisions, n);
    versions = Arrays.copyOf(versions, n);
    keyLeases = Arrays.copyOf(keyLeases, n);
  }

  // ---- Value semantics ----

  private int computeHash() {
    int h = Long.hashCode(revision) * 31 + Long.hashCode(compacted);
    h = h * 31 + Arrays.hashCode(keys);
    h = h * 31 + Arrays.hashCode(values);
    h = h * 31 + Arrays.hashCode(modRevisions);
    h = h * 31 + Arrays.hashCode(versions);
    h = h * 31 + Arrays.hashCode(keyLeases);
    return h * 31 + Arrays.hashCode(leases);
  }

  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EtcdStore s && s.hash == hash && s.revision == revision && s.compacted == compacted
        && Arrays.equals(s.keys, keys) && Arrays.equals(s.modRevisions, modRevisions)
        && Arrays.equals(s.versions, versions) && Arrays.equals(s.values, values)
        && Arrays.equals(s.keyLeases, keyLeases) && Arrays.equals(s.leases, leases);
  }

  private static final Keyword REVISION = Keyword.of("revision");
  private static final Keyword KVS = Keyword.of("kvs");
  private static final Keyword COMPACTED = Keyword.of("compacted");
  private static final Keyword LEASES = Keyword.of("leases");

  /**
   * The store as EDN: {@code {:revision 3, :kvs {"a" ["1" 2 1]}}}: each key's value, mod-revision and version (and
   * lease, when it has one); {@code :compacted} and {@code :leases} when there are any.
   */
  Map<Keyword, Object> data() {
    Map<Keyword, Object> m = new LinkedHashMap<>();
    m.put(REVISION, EdnParser.box(revision));
    Map<Object, Object> kvs = new LinkedHashMap<>();
    for (int i = 0; i < keys.length; i++) {
      kvs.put(keys[i], keyLeases[i] == 0
          ? EdnVector.of(values[i], EdnParser.box(modRevisions[i]), EdnParser.box(versions[i]))
          : EdnVector.of(values[i], EdnParser.box(modRevisions[i]), EdnParser.box(versions[i]),
              EdnParser.box(keyLeases[i])));
    }
    m.put(KVS, Collections.unmodifiableMap(kvs));
    if (compacted >= 0) {
      m.put(COMPACTED, EdnParser.box(compacted));
    }
    if (leases.length > 0) {
      Set<Object> ls = new LinkedHashSet<>();
      for (long l : leases) {
        ls.add(EdnParser.box(l));
      }
      m.put(LEASES, Collections.unmodifiableSet(ls));
    }
    return Collections.unmodifiableMap(m);
  }

  @Override
  public String toString() {
    return madjep.history.edn.Edn.print(data());
  }
}
