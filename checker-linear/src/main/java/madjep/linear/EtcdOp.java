package madjep.linear;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import madjep.history.edn.Keyword;

/**
 * One etcd operation of the {@code etcd} model, parsed once from its EDN value ({@code {:request R}} or
 * {@code {:request R, :response S}}, as README's "etcd robustness reports" describes): the request, and the response
 * it must match, or none when the op crashed (its effect is unknown, and so is what it returned).
 */
final class EtcdOp {
  enum Kind { RANGE, TXN, LEASE_GRANT, LEASE_REVOKE, DEFRAGMENT, COMPACT }

  static final Keyword RANGE = Keyword.of("range");
  static final Keyword TXN = Keyword.of("txn");
  static final Keyword LEASE_GRANT = Keyword.of("lease-grant");
  static final Keyword LEASE_REVOKE = Keyword.of("lease-revoke");
  static final Keyword DEFRAGMENT = Keyword.of("defragment");
  static final Keyword COMPACT = Keyword.of("compact");

  private static final Keyword REQUEST = Keyword.of("request");
  private static final Keyword RESPONSE = Keyword.of("response");
  private static final Keyword START = Keyword.of("start");
  private static final Keyword END = Keyword.of("end");
  private static final Keyword LIMIT = Keyword.of("limit");
  private static final Keyword KEYS_ONLY = Keyword.of("keys-only");
  private static final Keyword REVISION = Keyword.of("revision");
  private static final Keyword LEASE = Keyword.of("lease");
  private static final Keyword IF = Keyword.of("if");
  private static final Keyword THEN = Keyword.of("then");
  private static final Keyword ELSE = Keyword.of("else");
  private static final Keyword KVS = Keyword.of("kvs");
  private static final Keyword COUNT = Keyword.of("count");
  private static final Keyword SUCCEEDED = Keyword.of("succeeded");
  private static final Keyword RESULTS = Keyword.of("results");
  private static final Keyword DELETED = Keyword.of("deleted");
  private static final Keyword CLIENT_ERROR = Keyword.of("client-error");
  private static final Keyword PUT = Keyword.of("put");
  private static final Keyword DELETE = Keyword.of("delete");
  private static final Keyword MOD_REVISION = Keyword.of("mod-revision");
  private static final Keyword VERSION = Keyword.of("version");

  /** etcd's answer to a range below the compacted revision, or a compaction at or below it. */
  static final String COMPACTED = "mvcc: required revision has been compacted";
  /** etcd's answer to a compaction beyond the current revision. */
  static final String FUTURE_REVISION = "mvcc: required revision is a future revision";

  /** Keys {@code [start, end)}; one key when {@code end} is empty; every key from {@code start} when it is "\0". */
  record Range(String start, String end, long limit, boolean keysOnly) {}

  /** {@code [:mod-revision key r]} or {@code [:version key v]}: the key's current one must be equal. */
  record Condition(boolean byVersion, String key, long expected) {}

  /** What a txn step does. */
  enum StepKind { PUT, DELETE, RANGE }

  /** A txn's put (value, lease 0 for none), delete or range. */
  record TxnStep(StepKind kind, String key, Object value, long lease, Range range) {}

  /** A key's value in a response: {@code [key value mod-revision version]}. */
  record KeyValue(String key, Object value, long modRevision, long version) {}

  /** One txn step's result: the key-values and count of a range, the number a delete removed. */
  record Result(KeyValue[] kvs, long count, long deleted) {}

  /** What etcd answered. */
  record Response(long revision, String clientError, KeyValue[] kvs, long count, boolean succeeded, Result[] results) {}

  final Kind kind;
  final Range range;
  /** A range's revision (0: the latest), or a compaction's. */
  final long revision;
  final Condition[] conditions;
  final TxnStep[] then;
  final TxnStep[] otherwise;
  final long lease;
  /** What etcd answered; null when it is unknown (the op crashed). */
  final Response response;

  private EtcdOp(Kind kind, Range range, long revision, Condition[] conditions, TxnStep[] then,
      TxnStep[] otherwise, long lease, Response response) {
    this.kind = kind;
    this.range = range;
    this.revision = revision;
    this.conditions = conditions;
    this.then = then;
    this.otherwise = otherwise;
    this.lease = lease;
    this.response = response;
  }

  /**
   * True when the op changes the store in no state where it is legal: a range, a defragment, a txn of ranges only;
   * and, by what etcd answered, a txn whose branch that ran only read or deleted nothing (a failed compare-and-swap
   * that reads the key back), or a compaction that answered with an error. The search linearizes such ops as soon as
   * they are legal, which keeps many concurrent failed swaps from costing every order of them.
   */
  boolean readOnly() {
    switch (kind) {
      case RANGE:
      case DEFRAGMENT:
        return true;
      case COMPACT:
        return response != null && response.clientError() != null;
      case TXN:
        if (response != null && response.clientError() == null) {
          TxnStep[] ran = response.succeeded() ? then : otherwise;
          for (int i = 0; i < ran.length; i++) {
            if (ran[i].kind() == StepKind.PUT
                || (ran[i].kind() == StepKind.DELETE && response.results()[i].deleted() != 0)) {
              return false;
            }
          }
          return true;
        }
        return onlyRanges(then) && onlyRanges(otherwise);
      default:
        return false;
    }
  }

  private static boolean onlyRanges(TxnStep[] steps) {
    for (TxnStep s : steps) {
      if (s.kind() != StepKind.RANGE) {
        return false;
      }
    }
    return true;
  }

  // ---- Parsing ----

  /** Thrown with "expected ..., found ..." for an op of a shape the model does not accept. */
  static final class BadShape extends IllegalArgumentException {
    BadShape(String what, Object found) {
      super(Values.expected(what, found));
    }
  }

  /**
   * The op of function {@code f} with this value; throws {@link BadShape} for a malformed one. The value may also be
   * spelled as JSON gives it back ({@code {"request": {"if": [["mod-revision", "a", 2]], ...}}}): field names and op
   * names as strings.
   */
  static EtcdOp parse(Keyword f, Object value) {
    if (value instanceof Map<?, ?> m && m.containsKey("request")) {
      value = fromJson(m);
    }
    Map<?, ?> v = map(value, "a map {:request R} or {:request R, :response S}");
    for (Object k : v.keySet()) {
      if (k != REQUEST && k != RESPONSE) {
        throw new BadShape("only :request and :response in an etcd op's value", k);
      }
    }
    Map<?, ?> req = map(v.get(REQUEST), ":request to be a map");
    Object respValue = v.get(RESPONSE);
    Map<?, ?> resp = respValue == null ? null : map(respValue, ":response to be a map or nil");
    Kind kind = kindOf(f);
    Response response = resp == null ? null : response(kind, resp);
    switch (kind) {
      case RANGE: {
        only(req, "a range request's keys :start, :end, :limit, :keys-only, :revision", START, END, LIMIT, KEYS_ONLY,
            REVISION);
        return new EtcdOp(kind, range(req), longOr(req.get(REVISION), 0, ":revision"), null, null, null, 0,
            response);
      }
      case TXN: {
        only(req, "a txn request's keys :if, :then, :else", IF, THEN, ELSE);
        List<?> conds = list(req.get(IF), ":if to be a vector of conditions");
        Condition[] cs = new Condition[conds.size()];
        for (int i = 0; i < cs.length; i++) {
          cs[i] = condition(conds.get(i));
        }
        TxnStep[] then = steps(req.get(THEN), ":then");
        TxnStep[] otherwise = steps(req.get(ELSE), ":else");
        if (response != null && response.clientError() == null) {
          TxnStep[] ran = response.succeeded() ? then : otherwise;
          if (response.results().length != ran.length) {
            throw new BadShape(":results with one result per op of the branch that ran (" + ran.length + ")",
                response.results().length + " results");
          }
        }
        return new EtcdOp(kind, null, 0, cs, then, otherwise, 0, response);
      }
      case LEASE_GRANT:
      case LEASE_REVOKE:
        only(req, "a lease request's key :lease", LEASE);
        return new EtcdOp(kind, null, 0, null, null, null, longOr(req.get(LEASE), 0, ":lease"), response);
      case COMPACT:
        only(req, "a compact request's key :revision", REVISION);
        return new EtcdOp(kind, null, longOr(req.get(REVISION), 0, ":revision"), null, null, null, 0, response);
      default:
        only(req, "a defragment request without keys");
        return new EtcdOp(kind, null, 0, null, null, null, 0, response);
    }
  }

  /** The value with every map key that is a string made a keyword, and the names heading txn ops and conditions. */
  private static Object fromJson(Map<?, ?> value) {
    @SuppressWarnings("unchecked")
    Map<Object, Object> v = (Map<Object, Object>) keywordKeys(value);
    if (v.get(REQUEST) instanceof Map<?, ?> req) {
      Map<Object, Object> r = new java.util.LinkedHashMap<>(req);
      for (Keyword k : new Keyword[] {IF, THEN, ELSE}) {
        if (r.get(k) instanceof List<?> l) {
          List<Object> named = new java.util.ArrayList<>(l.size());
          for (Object o : l) {
            if (o instanceof List<?> step && !step.isEmpty() && step.get(0) instanceof String head) {
              List<Object> copy = new java.util.ArrayList<>(step);
              copy.set(0, Keyword.of(head));
              o = copy;
            }
            named.add(o);
          }
          r.put(k, named);
        }
      }
      v.put(REQUEST, r);
    }
    return v;
  }

  private static Object keywordKeys(Object o) {
    if (o instanceof Map<?, ?> m) {
      Map<Object, Object> out = new java.util.LinkedHashMap<>();
      m.forEach((k, x) -> out.put(k instanceof String s && Keyword.isValidName(s) ? Keyword.of(s) : k,
          keywordKeys(x)));
      return out;
    }
    if (o instanceof List<?> l) {
      List<Object> out = new java.util.ArrayList<>(l.size());
      for (Object x : l) {
        out.add(keywordKeys(x));
      }
      return out;
    }
    return o;
  }

  private static Kind kindOf(Keyword f) {
    if (f == RANGE) {
      return Kind.RANGE;
    }
    if (f == TXN) {
      return Kind.TXN;
    }
    if (f == LEASE_GRANT) {
      return Kind.LEASE_GRANT;
    }
    if (f == LEASE_REVOKE) {
      return Kind.LEASE_REVOKE;
    }
    if (f == DEFRAGMENT) {
      return Kind.DEFRAGMENT;
    }
    if (f == COMPACT) {
      return Kind.COMPACT;
    }
    throw new IllegalArgumentException(
        Values.unknownFunction(f, ":range, :txn, :lease-grant, :lease-revoke, :defragment or :compact"));
  }

  private static Response response(Kind kind, Map<?, ?> resp) {
    only(resp, "a response's keys :revision, :client-error, :kvs, :count, :succeeded, :results", REVISION,
        CLIENT_ERROR, KVS, COUNT, SUCCEEDED, RESULTS);
    long revision = longOr(resp.get(REVISION), 0, ":revision");
    Object ce = resp.get(CLIENT_ERROR);
    if (ce != null) {
      if (!(ce instanceof String s) || !(s.contains("compacted") || s.contains("future revision"))) {
        throw new BadShape(":client-error to be etcd's \"" + COMPACTED + "\" or \"" + FUTURE_REVISION
            + "\" (the only client errors the model predicts)", ce);
      }
      return new Response(revision, s.contains("compacted") ? COMPACTED : FUTURE_REVISION, null, 0, false, null);
    }
    switch (kind) {
      case RANGE:
        return new Response(revision, null, keyValues(resp.get(KVS)), longOr(resp.get(COUNT), 0, ":count"), false,
            null);
      case TXN: {
        Object ok = resp.get(SUCCEEDED);
        if (!(ok instanceof Boolean)) {
          throw new BadShape(":succeeded true or false in a txn's response", ok);
        }
        List<?> rs = list(resp.get(RESULTS), ":results to be a vector of maps");
        Result[] results = new Result[rs.size()];
        for (int i = 0; i < results.length; i++) {
          Map<?, ?> r = map(rs.get(i), "a txn result {:kvs [...], :count n} or {:deleted n} or {}");
          only(r, "a txn result's keys :kvs, :count, :deleted", KVS, COUNT, DELETED);
          results[i] = new Result(keyValues(r.get(KVS)), longOr(r.get(COUNT), 0, ":count"),
              longOr(r.get(DELETED), 0, ":deleted"));
        }
        return new Response(revision, null, null, 0, (Boolean) ok, results);
      }
      default:
        return new Response(revision, null, null, 0, false, null);
    }
  }

  private static KeyValue[] keyValues(Object v) {
    List<?> l = v == null ? List.of() : list(v, ":kvs to be a vector of [key value mod-revision version]");
    KeyValue[] out = new KeyValue[l.size()];
    for (int i = 0; i < out.length; i++) {
      List<?> kv = list(l.get(i), "a key-value [key value mod-revision version]");
      if (kv.size() != 4) {
        throw new BadShape("a key-value [key value mod-revision version]", kv);
      }
      out[i] = new KeyValue(string(kv.get(0), "a key (a string)"), value(kv.get(1)),
          longOr(kv.get(2), 0, "a mod-revision"), longOr(kv.get(3), 0, "a version"));
    }
    return out;
  }

  private static Range range(Map<?, ?> m) {
    Object ko = m.get(KEYS_ONLY);
    if (ko != null && !(ko instanceof Boolean)) {
      throw new BadShape(":keys-only true or false", ko);
    }
    return new Range(string(m.get(START), ":start to be a key (a string)"),
        m.get(END) == null ? "" : string(m.get(END), ":end to be a key (a string)"),
        longOr(m.get(LIMIT), 0, ":limit"), Boolean.TRUE.equals(ko));
  }

  private static Condition condition(Object c) {
    List<?> l = list(c, "a condition [:mod-revision key r] or [:version key v]");
    if (l.size() != 3 || (l.get(0) != MOD_REVISION && l.get(0) != VERSION)) {
      throw new BadShape("a condition [:mod-revision key r] or [:version key v]", c);
    }
    return new Condition(l.get(0) == VERSION, string(l.get(1), "a condition's key (a string)"),
        longOr(l.get(2), 0, "a condition's revision or version"));
  }

  private static TxnStep[] steps(Object v, String what) {
    List<?> l = v == null ? List.of() : list(v, what + " to be a vector of [:put k v], [:delete k], [:range {...}]");
    TxnStep[] out = new TxnStep[l.size()];
    for (int i = 0; i < out.length; i++) {
      List<?> s = list(l.get(i), "a txn op [:put k v], [:put k v lease], [:delete k] or [:range {...}]");
      Object head = s.isEmpty() ? null : s.get(0);
      if (head == PUT && (s.size() == 3 || s.size() == 4)) {
        out[i] = new TxnStep(StepKind.PUT, string(s.get(1), "a put's key (a string)"), value(s.get(2)),
            s.size() == 4 ? longOr(s.get(3), 0, "a put's lease") : 0, null);
      } else if (head == DELETE && s.size() == 2) {
        out[i] = new TxnStep(StepKind.DELETE, string(s.get(1), "a delete's key (a string)"), null, 0, null);
      } else if (head == RANGE && s.size() == 2) {
        Map<?, ?> m = map(s.get(1), "a txn range's options {:start k ...}");
        only(m, "a txn range's keys :start, :end, :limit, :keys-only", START, END, LIMIT, KEYS_ONLY);
        out[i] = new TxnStep(StepKind.RANGE, null, null, 0, range(m));
      } else {
        throw new BadShape("a txn op [:put k v], [:put k v lease], [:delete k] or [:range {...}]", s);
      }
    }
    return out;
  }

  /**
   * A value as the model compares it: etcd's tests keep values of 20 bytes or more only as their 32-bit FNV-1a hash,
   * so such strings are hashed here too, and a number is a hash.
   */
  static Object value(Object v) {
    if (v instanceof String s) {
      byte[] b = s.getBytes(StandardCharsets.UTF_8);
      return b.length < 20 ? s : (Object) fnv1a32(b);
    }
    if (v instanceof Long) {
      return v;
    }
    throw new BadShape("a value: a string, or a number (etcd's hash of a long value)", v);
  }

  static long fnv1a32(byte[] bytes) {
    int h = 0x811c9dc5;
    for (byte b : bytes) {
      h ^= b & 0xff;
      h *= 0x01000193;
    }
    return h & 0xffffffffL;
  }

  private static void only(Map<?, ?> m, String what, Keyword... keys) {
    outer:
    for (Object k : m.keySet()) {
      for (Keyword known : keys) {
        if (k == known) {
          continue outer;
        }
      }
      throw new BadShape(what, k);
    }
  }

  private static Map<?, ?> map(Object v, String what) {
    if (v instanceof Map<?, ?> m) {
      return m;
    }
    throw new BadShape(what, v);
  }

  private static List<?> list(Object v, String what) {
    if (v instanceof List<?> l) {
      return l;
    }
    throw new BadShape(what, v);
  }

  private static String string(Object v, String what) {
    if (v instanceof String s) {
      return s;
    }
    throw new BadShape(what, v);
  }

  private static long longOr(Object v, long otherwise, String what) {
    if (v == null) {
      return otherwise;
    }
    if (v instanceof Long l) {
      return l;
    }
    throw new BadShape(what + " to be an integer", v);
  }
}
