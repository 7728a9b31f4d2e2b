package madjep.bench.linear;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import madjep.history.History;
import madjep.history.HistoryBuilder;
import madjep.history.OpType;
import madjep.history.edn.EdnParser;
import madjep.history.edn.EdnVector;
import madjep.history.edn.Keyword;

/**
 * Seeded, linearizable etcd histories for the {@code etcd} model, shaped like etcd's robustness traffic: clients run
 * gets, ranges over every key, puts of unique values, deletes and compare-and-swap txns (on the key's mod-revision,
 * reading it back when the compare fails) against one simulated store; each op takes effect at a random moment
 * between its invocation and completion, and one op in {@code 1 / crashEvery} fails with an error (taking effect or
 * not), after which its client continues under a new id, as etcd's tests do. The values are the EDN the etcd report
 * reader produces.
 */
public final class EtcdStoreHistories {
  private static final Keyword REQUEST = Keyword.of("request");
  private static final Keyword RESPONSE = Keyword.of("response");
  private static final Keyword RANGE = Keyword.of("range");
  private static final Keyword TXN = Keyword.of("txn");

  private EtcdStoreHistories() {}

  private static Keyword k(String name) {
    return Keyword.of(name);
  }

  /** A key's value, mod-revision and version. */
  private record Entry(String value, long modRevision, long version) {}

  /** One client's op in flight. */
  private static final class Pending {
    Keyword f;
    Map<Keyword, Object> request;
    Map<Keyword, Object> response;
    boolean crashes;
    int stage; // 1 invoked, 2 took effect (or never will)
  }

  /** A history of {@code ops} operations by {@code clients} clients over {@code keys} keys. */
  public static History generate(long seed, int ops, int clients, int keys, int crashEvery) {
    SplittableRandom r = new SplittableRandom(seed);
    HistoryBuilder b = History.builder("etcd-" + ops + "-ops-" + clients + "-clients-seed-" + seed);
    TreeMap<String, Entry> store = new TreeMap<>();
    long[] revision = {1};
    Pending[] pending = new Pending[clients];
    int[] id = new int[clients];
    for (int c = 0; c < clients; c++) {
      id[c] = c;
    }
    int nextId = clients;
    int nextValue = 0;
    int invoked = 0;
    int open = 0;
    while (invoked < ops || open > 0) {
      int c = r.nextInt(clients);
      Pending p = pending[c];
      if (p == null) {
        if (invoked == ops) {
          continue;
        }
        p = new Pending();
        String key = "k" + r.nextInt(keys);
        int kind = r.nextInt(20);
        if (kind < 8) {
          p.f = RANGE;
          p.request = map(k("start"), key);
        } else if (kind == 8) {
          p.f = RANGE;
          p.request = map(k("start"), "k", k("end"), "l");
        } else if (kind < 14) {
          p.f = TXN;
          p.request = txn(List.of(), List.of(EdnVector.of(k("put"), key, "v" + nextValue++)), List.of());
        } else if (kind == 14) {
          p.f = TXN;
          p.request = txn(List.of(), List.of(EdnVector.of(k("delete"), key)), List.of());
        } else {
          Entry e = store.get(key);
          long expected = e == null ? 0 : r.nextInt(4) > 0 ? e.modRevision() : 1 + r.nextLong(revision[0]);
          p.f = TXN;
          p.request = txn(List.of(EdnVector.of(k("mod-revision"), key, expected)),
              List.of(EdnVector.of(k("put"), key, "v" + nextValue++)),
              List.of(EdnVector.of(k("range"), map(k("start"), key))));
        }
        p.crashes = r.nextInt(crashEvery) == 0;
        p.stage = 1;
        pending[c] = p;
        invoked++;
        open++;
        emit(b, OpType.INVOKE, id[c], p.f, map(REQUEST, p.request));
      } else if (p.stage == 1) {
        if (!p.crashes || r.nextBoolean()) {
          p.response = apply(store, revision, p.f, p.request);
        }
        p.stage = 2;
      } else {
        if (p.crashes) {
          emit(b, OpType.INFO, id[c], p.f, map(REQUEST, p.request));
          id[c] = nextId++;
        } else {
          emit(b, OpType.OK, id[c], p.f, map(REQUEST, p.request, RESPONSE, p.response));
        }
        pending[c] = null;
        open--;
      }
    }
    return b.build();
  }

  private static Map<Keyword, Object> apply(TreeMap<String, Entry> store, long[] revision, Keyword f,
      Map<Keyword, Object> req) {
    if (f == RANGE) {
      String start = (String) req.get(k("start"));
      Map<String, Entry> found = req.containsKey(k("end"))
          ? store.subMap(start, true, (String) req.get(k("end")), false)
          : store.containsKey(start) ? Map.of(start, store.get(start)) : Map.of();
      return map(k("revision"), revision[0], k("kvs"), kvs(found), k("count"), (long) found.size());
    }
    boolean succeeded = true;
    for (Object o : (List<?>) req.get(k("if"))) {
      List<?> cond = (List<?>) o;
      Entry e = store.get((String) cond.get(1));
      succeeded &= (e == null ? 0 : e.modRevision()) == (Long) cond.get(2);
    }
    List<Object> results = new ArrayList<>();
    boolean wrote = false;
    for (Object o : (List<?>) req.get(succeeded ? k("then") : k("else"))) {
      List<?> step = (List<?>) o;
      String key = (String) (step.get(0) == k("range") ? ((Map<?, ?>) step.get(1)).get(k("start")) : step.get(1));
      Entry e = store.get(key);
      if (step.get(0) == k("put")) {
        store.put(key, new Entry((String) step.get(2), revision[0] + 1, e == null ? 1 : e.version() + 1));
        wrote = true;
        results.add(Map.of());
      } else if (step.get(0) == k("delete")) {
        if (e != null) {
          store.remove(key);
          wrote = true;
        }
        results.add(e == null ? Map.of() : Map.of(k("deleted"), 1L));
      } else {
        Map<String, Entry> found = e == null ? Map.of() : Map.of(key, e);
        results.add(map(k("kvs"), kvs(found), k("count"), (long) found.size()));
      }
    }
    if (wrote) {
      revision[0]++;
    }
    return map(k("revision"), revision[0], k("succeeded"), succeeded, k("results"), EdnVector.copyOf(results));
  }

  private static Object kvs(Map<String, Entry> found) {
    List<Object> out = new ArrayList<>();
    for (Map.Entry<String, Entry> e : found.entrySet()) {
      Entry v = e.getValue();
      out.add(EdnVector.of(e.getKey(), v.value(), v.modRevision(), v.version()));
    }
    return EdnVector.copyOf(out);
  }

  private static Map<Keyword, Object> txn(List<Object> conditions, List<Object> then, List<Object> otherwise) {
    return map(k("if"), EdnVector.copyOf(conditions), k("then"), EdnVector.copyOf(then), k("else"),
        EdnVector.copyOf(otherwise));
  }

  private static Map<Keyword, Object> map(Object... kv) {
    Map<Keyword, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      Object v = kv[i + 1];
      m.put((Keyword) kv[i], v instanceof Long l ? EdnParser.box(l) : v);
    }
    return Collections.unmodifiableMap(m);
  }

  private static void emit(HistoryBuilder b, OpType type, int process, Keyword f, Object value) {
    b.add(Long.MIN_VALUE, -1, type, process, f, value, null, null, 0, 0);
  }
}
