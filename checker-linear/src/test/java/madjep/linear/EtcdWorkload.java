package madjep.linear;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import madjep.history.edn.EdnVector;
import madjep.history.edn.Keyword;

/**
 * etcd requests for {@link RandomHistories}, against a store simulated by {@link EtcdReference}: gets, ranges (with
 * limits, keys only, and at older revisions), puts, deletes, guarded txns on mod-revision and version, leases,
 * compactions and defragments over three keys, with one value long enough that etcd would keep only its hash. The
 * simulation's state is every store so far, so that a read of an older revision returns what was there.
 */
final class EtcdWorkload implements RandomHistories.Workload {
  private static final String[] KEYS = {"a", "b", "c"};
  private static final String LONG_VALUE = "a value of more than twenty bytes";
  private static final Keyword REQUEST = Keyword.of("request");
  private static final Keyword RESPONSE = Keyword.of("response");

  private static Keyword k(String name) {
    return Keyword.of(name);
  }

  private static String key(SplittableRandom r) {
    return KEYS[r.nextInt(KEYS.length)];
  }

  private static String value(SplittableRandom r) {
    return r.nextInt(12) == 0 ? LONG_VALUE : String.valueOf(1 + r.nextInt(3));
  }

  private static Map<Keyword, Object> map(Object... kv) {
    Map<Keyword, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((Keyword) kv[i], kv[i + 1]);
    }
    return Collections.unmodifiableMap(m);
  }

  private static Map<Keyword, Object> txn(List<Object> conditions, List<Object> then, List<Object> otherwise) {
    return map(k("if"), EdnVector.copyOf(conditions), k("then"), EdnVector.copyOf(then), k("else"),
        EdnVector.copyOf(otherwise));
  }

  @Override
  public Object[] invoke(SplittableRandom r) {
    Keyword f;
    Map<Keyword, Object> req;
    switch (r.nextInt(14)) {
      case 0, 1 -> {
        f = k("range");
        req = map(k("start"), key(r));
      }
      case 2 -> {
        f = k("range");
        Map<Keyword, Object> m = new LinkedHashMap<>(map(k("start"), "a", k("end"), r.nextBoolean() ? "c" : "\0"));
        if (r.nextBoolean()) {
          m.put(k("limit"), 1L);
        }
        if (r.nextInt(4) == 0) {
          m.put(k("keys-only"), true);
        }
        req = Collections.unmodifiableMap(m);
      }
      case 3 -> {
        f = k("range");
        req = map(k("start"), key(r), k("revision"), (long) 1 + r.nextInt(3));
      }
      case 4, 5, 6 -> {
        f = k("txn");
        req = txn(List.of(), List.of(EdnVector.of(k("put"), key(r), value(r))), List.of());
      }
      case 7 -> {
        f = k("txn");
        req = txn(List.of(), List.of(EdnVector.of(k("delete"), key(r))), List.of());
      }
      case 8 -> {
        f = k("txn");
        String key = key(r);
        req = txn(List.of(EdnVector.of(k("mod-revision"), key, (long) r.nextInt(5))),
            List.of(EdnVector.of(k("put"), key, value(r))),
            List.of(EdnVector.of(k("range"), map(k("start"), key))));
      }
      case 9 -> {
        f = k("txn");
        req = txn(List.of(EdnVector.of(k("version"), key(r), (long) 1 + r.nextInt(2))),
            List.of(EdnVector.of(k("put"), key(r), value(r)), EdnVector.of(k("delete"), key(r))), List.of());
      }
      case 10 -> {
        f = r.nextBoolean() ? k("lease-grant") : k("lease-revoke");
        req = map(k("lease"), (long) 1 + r.nextInt(2));
      }
      case 11 -> {
        f = k("txn");
        req = txn(List.of(), List.of(EdnVector.of(k("put"), key(r), value(r), (long) 1 + r.nextInt(2))), List.of());
      }
      case 12 -> {
        f = k("compact");
        req = map(k("revision"), (long) 1 + r.nextInt(3));
      }
      default -> {
        f = k("defragment");
        req = map();
      }
    }
    return new Object[] {f, map(REQUEST, req)};
  }

  @Override
  public Object[] apply(Object s, Keyword f, Object value, SplittableRandom r) {
    @SuppressWarnings("unchecked")
    List<EtcdReference.State> stores = (List<EtcdReference.State>) s;
    EtcdReference.State current = stores.get(stores.size() - 1);
    Map<?, ?> req = (Map<?, ?>) ((Map<?, ?>) value).get(REQUEST);
    Object[] out = EtcdReference.apply(current, f, req);
    if (out == null) {
      return null; // a range of a future revision: etcd answers with an error
    }
    @SuppressWarnings("unchecked")
    Map<Keyword, Object> resp = new LinkedHashMap<>((Map<Keyword, Object>) out[1]);
    if (resp.containsKey(k("stale"))) {
      // What the older revision held, from the store that had it.
      long at = (Long) req.get(k("revision"));
      EtcdReference.State then = null;
      for (EtcdReference.State st : stores) {
        if (st.revision() == at) {
          then = st;
        }
      }
      @SuppressWarnings("unchecked")
      Map<Keyword, Object> old = (Map<Keyword, Object>) EtcdReference.apply(then, f,
          Map.of(k("start"), req.get(k("start"))))[1];
      resp.put(k("kvs"), old.get(k("kvs")));
      resp.put(k("count"), old.get(k("count")));
    }
    List<EtcdReference.State> next = new ArrayList<>(stores);
    next.add((EtcdReference.State) out[0]);
    Object completion = map(REQUEST, req, RESPONSE, EtcdReference.written(f, resp));
    return new Object[] {List.copyOf(next), completion};
  }

  @Override
  public Object corrupt(Keyword f, Object value, SplittableRandom r) {
    Map<?, ?> v = (Map<?, ?>) value;
    Map<Keyword, Object> resp = new LinkedHashMap<>();
    ((Map<?, ?>) v.get(RESPONSE)).forEach((key, val) -> resp.put((Keyword) key, val));
    List<?> kvs = (List<?>) resp.get(k("kvs"));
    int how = r.nextInt(3);
    if (how == 0 && kvs != null) {
      // A read of a value nobody wrote, or of a key that is not there.
      List<Object> changed = new ArrayList<>(kvs);
      if (changed.isEmpty()) {
        changed.add(EdnVector.of(key(r), "999", 2L, 1L));
        resp.put(k("count"), (Long) resp.get(k("count")) + 1);
      } else {
        List<?> first = (List<?>) changed.get(0);
        changed.set(0, EdnVector.of(first.get(0), "999", first.get(2), first.get(3)));
      }
      resp.put(k("kvs"), EdnVector.copyOf(changed));
    } else if (how == 1 && resp.get(k("results")) != null && !((List<?>) resp.get(k("results"))).isEmpty()) {
      // A txn result that is not what the op did: a delete count flipped, or a result where there was none.
      List<Object> results = new ArrayList<>((List<?>) resp.get(k("results")));
      Map<?, ?> first = (Map<?, ?>) results.get(0);
      results.set(0, first.containsKey(k("deleted")) || first.containsKey(k("kvs")) ? Map.of()
          : Map.of(k("deleted"), 1L));
      resp.put(k("results"), EdnVector.copyOf(results));
    } else if (f != k("compact") && f != k("defragment") && resp.get(k("client-error")) == null) {
      // An answer at another revision.
      resp.put(k("revision"), (Long) resp.get(k("revision")) + (r.nextBoolean() ? 1 : -1));
    } else {
      return null;
    }
    return map(REQUEST, v.get(REQUEST), RESPONSE, Collections.unmodifiableMap(resp));
  }
}
