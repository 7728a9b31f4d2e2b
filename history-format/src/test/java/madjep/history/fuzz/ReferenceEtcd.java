package madjep.history.fuzz;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import madjep.history.fuzz.ReferenceEdn.Rejected;
import madjep.history.fuzz.ReferenceJson.JsonString;

/**
 * A second reading of an etcd robustness report ({@code operations.json}) for the fuzzer's oracle, written from the
 * format's description (README, "etcd robustness reports", and the reader's contract) over {@link ReferenceJson}'s
 * tree, not from the production reader's token walk. It returns each event of the merged history as {@link Canon}
 * text (EDN mode) with its time and error, or throws {@link Rejected}.
 *
 * <p>Where the description leaves a choice this reading is the more lenient one (a sentinel value, the order of
 * checks): a reading that accepts what the reader refuses costs nothing, one that refuses what it accepts is a
 * silent accept.
 */
final class ReferenceEtcd {
  private ReferenceEtcd() {}

  /** One operation as read: a call and a return. */
  private record Op(int index, long client, long call, long ret, String f, String request, String response,
      String error) {}

  /** The events of {@code data} (from {@code from}, past a byte-order mark), in the history's order. */
  static List<String> events(byte[] data, int from) {
    ReferenceJson r = new ReferenceJson(data, from, data.length, true);
    List<Op> ops = new ArrayList<>();
    while (r.peek() >= 0) {
      ops.add(op(ops.size(), object(r.value())));
    }
    // One client runs one operation at a time: sorted by call, each starts after the one before returned.
    List<Op> byClient = new ArrayList<>(ops);
    byClient.sort((a, b) -> a.client() != b.client() ? Long.compare(a.client(), b.client())
        : a.call() != b.call() ? Long.compare(a.call(), b.call()) : Integer.compare(a.index(), b.index()));
    for (int k = 1; k < byClient.size(); k++) {
      if (byClient.get(k).client() == byClient.get(k - 1).client()
          && byClient.get(k).call() <= byClient.get(k - 1).ret()) {
        throw new Rejected("overlapping ops of one client");
      }
    }
    // Events by time; at one time calls before returns (closed intervals); then the order of the file.
    long[][] keys = new long[2 * ops.size()][];
    for (Op o : ops) {
      keys[2 * o.index()] = new long[] {o.call(), 0, o.index()};
      keys[2 * o.index() + 1] = new long[] {o.ret(), 1, o.index()};
    }
    Arrays.sort(keys, (a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0])
        : a[1] != b[1] ? Long.compare(a[1], b[1]) : Long.compare(a[2], b[2]));
    List<String> out = new ArrayList<>();
    for (long[] k : keys) {
      Op o = ops.get((int) k[2]);
      String invocation = map(kw("request"), o.request());
      String event;
      if (k[1] == 0) {
        event = Canon.op("invoke", Canon.lng(o.client()), o.f(), invocation) + " @" + o.call();
      } else if (o.response() == null) {
        event = Canon.op("info", Canon.lng(o.client()), o.f(), invocation) + " @" + o.ret() + " error " + o.error();
      } else {
        event = Canon.op("ok", Canon.lng(o.client()), o.f(), map(kw("request"), o.request(), kw("response"),
            o.response())) + " @" + o.ret();
      }
      out.add(event);
    }
    return out;
  }

  private static Op op(int index, Map<String, Object> m) {
    only(m, "ClientId", "Input", "Call", "Output", "Return", "Metadata");
    for (String required : new String[] {"ClientId", "Input", "Call", "Output", "Return"}) {
      if (!m.containsKey(required)) {
        throw new Rejected("no " + required);
      }
    }
    long client = integer(m.get("ClientId"));
    if (client < 0 || client > Integer.MAX_VALUE) {
      throw new Rejected("client");
    }
    long call = integer(m.get("Call"));
    long ret = integer(m.get("Return"));
    if (ret < call) {
      throw new Rejected("return before call");
    }
    String[] input = input(object(m.get("Input")));
    Map<String, Object> out = object(m.get("Output"));
    only(out, "Txn", "Range", "LeaseGrant", "LeaseRevoke", "Defragment", "Compact", "ClientError", "Revision",
        "member-id", "Persisted", "PersistedRevision", "Error");
    String error = string(out.get("Error"));
    boolean persisted = bool(out.get("Persisted"));
    integer(out.get("PersistedRevision"));
    if (out.get("member-id") != null && !Canon.NIL.equals(out.get("member-id"))) {
      string(out.get("member-id"));
    }
    String clientError = string(out.get("ClientError"));
    long revision = integer(out.get("Revision"));
    // The parts are read (and so checked) whatever the outcome.
    String range = nullOr(out.get("Range"), v -> rangeResponse(v, false));
    String txn = nullOr(out.get("Txn"), ReferenceEtcd::txnResponse);
    List<String> present = new ArrayList<>();
    for (String part : List.of("Txn", "Range", "LeaseGrant", "LeaseRevoke", "Defragment", "Compact")) {
      if (out.containsKey(part) && !Canon.NIL.equals(out.get(part))) {
        present.add(part);
      }
    }
    if (!error.isEmpty() || persisted) {
      return new Op(index, client, call, ret, input[0], input[1], null, error.isEmpty() ? "persisted" : error);
    }
    String response;
    if (!clientError.isEmpty()) {
      response = map(kw("revision"), Canon.lng(revision), kw("client-error"), Canon.string(clientError));
    } else {
      if (!present.equals(List.of(input[2]))) {
        throw new Rejected("the Output part of another request type");
      }
      String part = input[2].equals("Range") ? range : input[2].equals("Txn") ? txn : "{}";
      String body = part.substring(1, part.length() - 1);
      response = "{" + kw("revision") + " " + Canon.lng(revision) + (body.isEmpty() ? "" : " " + body) + "}";
    }
    return new Op(index, client, call, ret, input[0], input[1], response, null);
  }

  /** {f, request, the Output part its type needs}. */
  private static String[] input(Map<String, Object> in) {
    if (!in.containsKey("Type")) {
      throw new Rejected("no Type");
    }
    String type = string(in.get("Type"));
    String f;
    String part;
    switch (type) {
      case "range" -> { f = "range"; part = "Range"; }
      case "txn" -> { f = "txn"; part = "Txn"; }
      case "leaseGrant" -> { f = "lease-grant"; part = "LeaseGrant"; }
      case "leaseRevoke" -> { f = "lease-revoke"; part = "LeaseRevoke"; }
      case "defragment" -> { f = "defragment"; part = "Defragment"; }
      case "compact" -> { f = "compact"; part = "Compact"; }
      default -> throw new Rejected("request type");
    }
    String request = null;
    for (Map.Entry<String, Object> e : in.entrySet()) {
      String name = e.getKey();
      Object v = e.getValue();
      if (name.equals("Type")) {
        continue;
      }
      if (!Set.of("Range", "Txn", "LeaseGrant", "LeaseRevoke", "Defragment", "Compact").contains(name)) {
        throw new Rejected("an Input field");
      }
      if (Canon.NIL.equals(v)) {
        continue;
      }
      String read = switch (name) {
        case "Range" -> rangeRequest(v, true);
        case "Txn" -> txnRequest(v);
        case "LeaseGrant", "LeaseRevoke" -> {
          Map<String, Object> m = object(v);
          only(m, "LeaseID");
          yield map(kw("lease"), Canon.lng(integer(m.get("LeaseID"))));
        }
        case "Compact" -> {
          Map<String, Object> m = object(v);
          only(m, "Revision");
          yield map(kw("revision"), Canon.lng(integer(m.get("Revision"))));
        }
        default -> {
          if (!object(v).isEmpty()) {
            throw new Rejected("a field of Defragment");
          }
          yield "{}";
        }
      };
      if (!name.equals(part)) {
        throw new Rejected("a second request part");
      }
      request = read;
    }
    if (request == null) {
      throw new Rejected("no request part");
    }
    return new String[] {Canon.keyword(f), request, part};
  }

  private static String rangeRequest(Object v, boolean withRevision) {
    Map<String, Object> m = object(v);
    if (withRevision) {
      only(m, "Start", "End", "Limit", "KeysOnly", "Revision");
    } else {
      only(m, "Start", "End", "Limit", "KeysOnly");
    }
    List<String> kv = new ArrayList<>(List.of(kw("start"), Canon.string(string(m.get("Start")))));
    String end = string(m.get("End"));
    long limit = integer(m.get("Limit"));
    boolean keysOnly = bool(m.get("KeysOnly"));
    long revision = integer(m.get("Revision"));
    if (!end.isEmpty()) {
      kv.addAll(List.of(kw("end"), Canon.string(end)));
    }
    if (limit != 0) {
      kv.addAll(List.of(kw("limit"), Canon.lng(limit)));
    }
    if (keysOnly) {
      kv.addAll(List.of(kw("keys-only"), "true"));
    }
    if (revision != 0) {
      kv.addAll(List.of(kw("revision"), Canon.lng(revision)));
    }
    return map(kv.toArray(String[]::new));
  }

  private static String txnRequest(Object v) {
    Map<String, Object> m = object(v);
    only(m, "Conditions", "OperationsOnSuccess", "OperationsOnFailure");
    List<String> conditions = new ArrayList<>();
    for (Object c : array(m.get("Conditions"))) {
      Map<String, Object> cm = object(c);
      only(cm, "Key", "ExpectedRevision", "ExpectedVersion");
      String key = Canon.string(string(cm.get("Key")));
      long revision = integer(cm.get("ExpectedRevision"));
      long version = integer(cm.get("ExpectedVersion"));
      conditions.add(version > 0 ? vector(kw("version"), key, Canon.lng(version))
          : vector(kw("mod-revision"), key, Canon.lng(revision)));
    }
    return map(kw("if"), vector(conditions.toArray(String[]::new)), kw("then"), txnOps(m.get("OperationsOnSuccess")),
        kw("else"), txnOps(m.get("OperationsOnFailure")));
  }

  private static String txnOps(Object v) {
    List<String> ops = new ArrayList<>();
    for (Object o : array(v)) {
      Map<String, Object> m = object(o);
      only(m, "Type", "Range", "Put", "Delete");
      String range = nullOr(m.get("Range"), r -> rangeRequest(r, false));
      String putKey = "";
      String putValue = Canon.string("");
      long lease = 0;
      if (m.get("Put") != null && !Canon.NIL.equals(m.get("Put"))) {
        Map<String, Object> put = object(m.get("Put"));
        only(put, "Key", "Value", "LeaseID");
        putKey = string(put.get("Key"));
        putValue = valueOrHash(put.get("Value"));
        lease = integer(put.get("LeaseID"));
      }
      String deleteKey = "";
      if (m.get("Delete") != null && !Canon.NIL.equals(m.get("Delete"))) {
        Map<String, Object> delete = object(m.get("Delete"));
        only(delete, "Key");
        deleteKey = string(delete.get("Key"));
      }
      if (!m.containsKey("Type")) {
        throw new Rejected("a txn op without Type");
      }
      ops.add(switch (string(m.get("Type"))) {
        case "put-operation" -> lease == 0 ? vector(kw("put"), Canon.string(putKey), putValue)
            : vector(kw("put"), Canon.string(putKey), putValue, Canon.lng(lease));
        case "delete-operation" -> vector(kw("delete"), Canon.string(deleteKey));
        case "range-operation" -> vector(kw("range"), range == null ? map(kw("start"), Canon.string("")) : range);
        default -> throw new Rejected("a txn op type");
      });
    }
    return vector(ops.toArray(String[]::new));
  }

  /** {@code {:kvs [...], :count n}} (left out in a txn's result when both are empty) and a txn's {@code :deleted}. */
  private static String rangeResponse(Object v, boolean inTxn) {
    Map<String, Object> m = object(v);
    if (inTxn) {
      only(m, "KVs", "Count", "Deleted");
    } else {
      only(m, "KVs", "Count");
    }
    List<String> kvs = new ArrayList<>();
    for (Object o : array(m.get("KVs"))) {
      Map<String, Object> kv = object(o);
      only(kv, "Key", "Value", "ModRevision", "Version");
      kvs.add(vector(Canon.string(string(kv.get("Key"))), valueOrHash(kv.get("Value")),
          Canon.lng(integer(kv.get("ModRevision"))), Canon.lng(integer(kv.get("Version")))));
    }
    boolean hasKvs = m.get("KVs") != null && !Canon.NIL.equals(m.get("KVs"));
    long count = integer(m.get("Count"));
    long deleted = integer(m.get("Deleted"));
    List<String> out = new ArrayList<>();
    if (!inTxn || hasKvs || count != 0) {
      out.addAll(List.of(kw("kvs"), vector(kvs.toArray(String[]::new)), kw("count"), Canon.lng(count)));
    }
    if (deleted != 0) {
      out.addAll(List.of(kw("deleted"), Canon.lng(deleted)));
    }
    return map(out.toArray(String[]::new));
  }

  private static String txnResponse(Object v) {
    Map<String, Object> m = object(v);
    only(m, "Failure", "Results");
    List<String> results = new ArrayList<>();
    for (Object r : array(m.get("Results"))) {
      results.add(rangeResponse(r, true));
    }
    return map(kw("succeeded"), bool(m.get("Failure")) ? "false" : "true", kw("results"),
        vector(results.toArray(String[]::new)));
  }

  /** etcd's ValueOrHash: a string, or the number etcd kept of a long value; null is the empty string. */
  private static String valueOrHash(Object v) {
    if (v == null || Canon.NIL.equals(v)) {
      return Canon.string("");
    }
    Map<String, Object> m = object(v);
    only(m, "Value", "Hash");
    String value = string(m.get("Value"));
    long hash = integer(m.get("Hash"));
    if (hash != 0 && !value.isEmpty()) {
      throw new Rejected("both a value and a hash");
    }
    return hash != 0 ? Canon.lng(hash) : Canon.string(value);
  }

  // ---- Go's decoding of a field: absent or null is the zero value ----

  private static long integer(Object v) {
    if (v == null || Canon.NIL.equals(v)) {
      return 0;
    }
    if (v instanceof String s && s.startsWith("L")) {
      return Long.parseLong(s.substring(1));
    }
    throw new Rejected("not an integer");
  }

  private static String string(Object v) {
    if (v == null || Canon.NIL.equals(v)) {
      return "";
    }
    if (v instanceof JsonString s) {
      return s.text();
    }
    throw new Rejected("not a string");
  }

  private static boolean bool(Object v) {
    if (v == null || Canon.NIL.equals(v) || "false".equals(v)) {
      return false;
    }
    if ("true".equals(v)) {
      return true;
    }
    throw new Rejected("not a boolean");
  }

  private static List<?> array(Object v) {
    if (v == null || Canon.NIL.equals(v)) {
      return List.of();
    }
    if (v instanceof List<?> l) {
      return l;
    }
    throw new Rejected("not an array");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> object(Object v) {
    if (v instanceof Map<?, ?> m) {
      return (Map<String, Object>) m;
    }
    throw new Rejected("not an object");
  }

  private static void only(Map<String, Object> m, String... names) {
    for (String k : m.keySet()) {
      if (!Arrays.asList(names).contains(k)) {
        throw new Rejected("an unknown field " + k);
      }
    }
  }

  private static String nullOr(Object v, java.util.function.Function<Object, String> read) {
    return v == null || Canon.NIL.equals(v) ? null : read.apply(v);
  }

  private static String kw(String name) {
    return Canon.keyword(name);
  }

  private static String map(String... items) {
    return "{" + String.join(" ", items) + "}";
  }

  private static String vector(String... items) {
    return "[" + String.join(" ", items) + "]";
  }
}
