package madjep.linear;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import madjep.history.edn.EdnVector;
import madjep.history.edn.Keyword;

/**
 * The etcd model written a second time for tests, to be obviously right rather than fast, and sharing no code with
 * {@link EtcdModel}: a sorted map per state, requests read straight from their EDN, and the response etcd would give
 * computed whole and compared with the one observed after filling in defaults. {@link RandomHistories} also runs it
 * as the simulated store that makes the histories.
 */
final class EtcdReference implements Model {
  /** A store: revision, compacted revision, key -> [value mod-revision version lease], granted leases. */
  record State(long revision, long compacted, TreeMap<String, List<Object>> kvs, TreeSet<Long> leases) {}

  static final State INITIAL = new State(1, -1, new TreeMap<>(codePointOrder()), new TreeSet<>());

  private static Comparator<String> codePointOrder() {
    return (a, b) -> {
      int[] x = a.codePoints().toArray();
      int[] y = b.codePoints().toArray();
      return java.util.Arrays.compare(x, y);
    };
  }

  static Keyword k(String name) {
    return Keyword.of(name);
  }

  private static final String COMPACTED = "mvcc: required revision has been compacted";
  private static final String FUTURE = "mvcc: required revision is a future revision";

  @Override
  public String name() {
    return "etcd";
  }

  @Override
  public Object initialState() {
    return INITIAL;
  }

  @Override
  public Object step(Object state, Keyword f, Object value) {
    Map<?, ?> v = (Map<?, ?>) value;
    Object[] out = apply((State) state, f, (Map<?, ?>) v.get(k("request")));
    if (out == null) {
      return INCONSISTENT; // etcd would answer with an error, so no response can match
    }
    Map<?, ?> observed = (Map<?, ?>) v.get(k("response"));
    if (observed == null) {
      return out[0];
    }
    @SuppressWarnings("unchecked")
    Map<Keyword, Object> expected = (Map<Keyword, Object>) out[1];
    return matches(f, expected, normalize(f, observed)) ? out[0] : INCONSISTENT;
  }

  private static boolean matches(Keyword f, Map<Keyword, Object> expected, Map<Keyword, Object> observed) {
    if (expected.containsKey(k("stale"))) {
      // A read of an older revision: only the header revision is checked (the store keeps no history).
      return observed.get(k("client-error")) == null && observed.get(k("revision")).equals(expected.get(k("revision")));
    }
    if (f == k("compact") || f == k("defragment")) {
      // Their revision is etcd's placeholder -1; only the error (or none) is an observation.
      return java.util.Objects.equals(expected.get(k("client-error")), observed.get(k("client-error")));
    }
    return expected.equals(observed);
  }

  /** The response with every default filled in, client errors reduced to the two etcd's model predicts. */
  static Map<Keyword, Object> normalize(Keyword f, Map<?, ?> r) {
    Map<Keyword, Object> m = new LinkedHashMap<>();
    m.put(k("revision"), r.get(k("revision")) == null ? 0L : r.get(k("revision")));
    Object ce = r.get(k("client-error"));
    if (ce != null) {
      m.put(k("client-error"), ((String) ce).contains("compacted") ? COMPACTED : FUTURE);
      return m;
    }
    if (f == k("range")) {
      m.put(k("kvs"), kvs(r.get(k("kvs"))));
      m.put(k("count"), r.get(k("count")) == null ? 0L : r.get(k("count")));
    } else if (f == k("txn")) {
      m.put(k("succeeded"), r.get(k("succeeded")));
      List<Object> results = new ArrayList<>();
      for (Object o : (List<?>) r.get(k("results"))) {
        Map<?, ?> res = (Map<?, ?>) o;
        results.add(List.of(kvs(res.get(k("kvs"))), res.get(k("count")) == null ? 0L : res.get(k("count")),
            res.get(k("deleted")) == null ? 0L : res.get(k("deleted"))));
      }
      m.put(k("results"), results);
    }
    return m;
  }

  private static List<Object> kvs(Object o) {
    List<Object> out = new ArrayList<>();
    if (o != null) {
      for (Object kv : (List<?>) o) {
        List<?> l = (List<?>) kv;
        out.add(List.of(l.get(0), canonical(l.get(1)), l.get(2), l.get(3)));
      }
    }
    return out;
  }

  /** A value as etcd's tests keep it: strings of 20 bytes or more by their FNV-1a 32-bit hash. */
  static Object canonical(Object v) {
    if (v instanceof String s && s.getBytes(StandardCharsets.UTF_8).length >= 20) {
      long h = 2166136261L;
      for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
        h = ((h ^ (b & 0xff)) * 16777619L) & 0xffffffffL;
      }
      return h;
    }
    return v;
  }

  /**
   * What etcd does with {@code request} in {@code s}: {new state, response (normalized)}, or null when it answers
   * with an error (a range of a future revision). A stale range's response is {@code {:revision r, :stale true}}.
   */
  static Object[] apply(State s, Keyword f, Map<?, ?> request) {
    TreeMap<String, List<Object>> kvs = new TreeMap<>(s.kvs());
    TreeSet<Long> leases = new TreeSet<>(s.leases());
    Map<Keyword, Object> resp = new LinkedHashMap<>();
    long revision = s.revision();
    long compacted = s.compacted();
    switch (f.name()) {
      case "range": {
        long at = num(request.get(k("revision")));
        if (at == 0 || at == revision) {
          resp.put(k("revision"), revision);
          List<Object> found = range(kvs, request);
          resp.put(k("kvs"), found.get(0));
          resp.put(k("count"), found.get(1));
        } else if (at > revision) {
          return null;
        } else if (at < compacted) {
          resp.put(k("revision"), 0L);
          resp.put(k("client-error"), COMPACTED);
        } else {
          resp.put(k("revision"), revision);
          resp.put(k("stale"), true);
        }
        return new Object[] {s, resp};
      }
      case "txn": {
        boolean ok = true;
        for (Object c : (List<?>) request.get(k("if"))) {
          List<?> cond = (List<?>) c;
          List<Object> cur = kvs.get((String) cond.get(1));
          long actual = cur == null ? 0 : num(cur.get(cond.get(0) == k("version") ? 2 : 1));
          ok &= actual == num(cond.get(2));
        }
        boolean wrote = false;
        List<Object> results = new ArrayList<>();
        for (Object o : (List<?>) request.get(ok ? k("then") : k("else"))) {
          List<?> op = (List<?>) o;
          long deleted = 0;
          List<Object> found = List.of(List.of(), 0L);
          if (op.get(0) == k("put")) {
            long lease = op.size() == 4 ? num(op.get(3)) : 0;
            if (lease == 0 || leases.contains(lease)) {
              List<Object> cur = kvs.get((String) op.get(1));
              long version = cur == null ? 1 : num(cur.get(2)) + 1;
              kvs.put((String) op.get(1), List.of(canonical(op.get(2)), revision + 1, version, lease));
              wrote = true;
            }
          } else if (op.get(0) == k("delete")) {
            if (kvs.remove((String) op.get(1)) != null) {
              deleted = 1;
              wrote = true;
            }
          } else {
            found = range(kvs, (Map<?, ?>) op.get(1));
          }
          results.add(List.of(found.get(0), found.get(1), deleted));
        }
        if (wrote) {
          revision++;
        }
        resp.put(k("revision"), revision);
        resp.put(k("succeeded"), ok);
        resp.put(k("results"), results);
        return new Object[] {new State(revision, compacted, kvs, leases), resp};
      }
      case "lease-grant": {
        long lease = num(request.get(k("lease")));
        if (lease != 0) {
          leases.add(lease);
        }
        resp.put(k("revision"), revision);
        return new Object[] {new State(revision, compacted, kvs, leases), resp};
      }
      case "lease-revoke": {
        long lease = num(request.get(k("lease")));
        boolean removed = kvs.values().removeIf(kv -> num(kv.get(3)) == lease);
        leases.remove(lease);
        if (removed) {
          revision++;
        }
        resp.put(k("revision"), revision);
        return new Object[] {new State(revision, compacted, kvs, leases), resp};
      }
      case "compact": {
        long at = num(request.get(k("revision")));
        if (at <= compacted || at > revision) {
          resp.put(k("revision"), 0L);
          resp.put(k("client-error"), at <= compacted ? COMPACTED : FUTURE);
          return new Object[] {s, resp};
        }
        resp.put(k("revision"), -1L);
        return new Object[] {new State(revision, at, kvs, leases), resp};
      }
      default:
        resp.put(k("revision"), -1L);
        return new Object[] {s, resp};
    }
  }

  /** [kvs, count] of a range request or txn range options over {@code kvs}. */
  private static List<Object> range(TreeMap<String, List<Object>> kvs, Map<?, ?> options) {
    String start = (String) options.get(k("start"));
    String end = options.get(k("end")) == null ? "" : (String) options.get(k("end"));
    long limit = num(options.get(k("limit")));
    boolean keysOnly = Boolean.TRUE.equals(options.get(k("keys-only")));
    List<Object> out = new ArrayList<>();
    int count = 0;
    for (Map.Entry<String, List<Object>> e : kvs.entrySet()) {
      String key = e.getKey();
      boolean in = end.isEmpty() ? key.equals(start)
          : kvs.comparator().compare(key, start) >= 0 && (end.equals("\0") || kvs.comparator().compare(key, end) < 0);
      if (!in) {
        continue;
      }
      count++;
      if (limit <= 0 || out.size() < limit) {
        List<Object> kv = e.getValue();
        out.add(List.of(key, keysOnly ? "" : kv.get(0), kv.get(1), kv.get(2)));
      }
    }
    return List.of(Collections.unmodifiableList(out), (long) count);
  }

  private static long num(Object o) {
    return o == null ? 0 : (Long) o;
  }

  /** The response as it would be written in a history: a key-value as an EDN vector. */
  static Map<Keyword, Object> written(Keyword f, Map<Keyword, Object> normalized) {
    Map<Keyword, Object> m = new LinkedHashMap<>(normalized);
    m.remove(k("stale"));
    if (m.get(k("kvs")) != null) {
      m.put(k("kvs"), vectors((List<?>) m.get(k("kvs"))));
    }
    if (m.get(k("results")) != null) {
      List<Object> results = new ArrayList<>();
      for (Object o : (List<?>) m.get(k("results"))) {
        List<?> r = (List<?>) o;
        Map<Keyword, Object> res = new LinkedHashMap<>();
        if (!((List<?>) r.get(0)).isEmpty() || (Long) r.get(1) != 0) {
          res.put(k("kvs"), vectors((List<?>) r.get(0)));
          res.put(k("count"), r.get(1));
        }
        if ((Long) r.get(2) != 0) {
          res.put(k("deleted"), r.get(2));
        }
        results.add(Collections.unmodifiableMap(res));
      }
      m.put(k("results"), EdnVector.copyOf(results));
    }
    return Collections.unmodifiableMap(m);
  }

  private static Object vectors(List<?> kvs) {
    List<Object> out = new ArrayList<>();
    for (Object kv : kvs) {
      out.add(EdnVector.copyOf((List<?>) kv));
    }
    return EdnVector.copyOf(out);
  }
}
