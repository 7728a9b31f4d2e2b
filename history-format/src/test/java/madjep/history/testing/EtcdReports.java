package madjep.history.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes histories in the format of etcd's robustness tests ({@code client-N/operations.json}), for tests: each
 * operation is a Porcupine operation holding etcd's request and response types, encoded as Go's
 * {@code json.MarshalIndent(op, "", "  ")} encodes them (every field, {@code null} for nil pointers and slices,
 * {@code omitempty} fields left out when zero), one after another. Written from the format's description, not
 * copied from etcd: the field names and their order are the Go structs'.
 */
public final class EtcdReports {
  private EtcdReports() {}

  /** One operation: {@code ClientId, Input, Call, Output, Return, Metadata}, as Go writes a porcupine.Operation. */
  public static String op(int client, long call, Map<String, Object> input, Map<String, Object> output, long ret) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("ClientId", (long) client);
    m.put("Input", input);
    m.put("Call", call);
    m.put("Output", output);
    m.put("Return", ret);
    m.put("Metadata", output);
    return json(m, "") + "\n";
  }

  /** Writes {@code dir/client-N/operations.json} with the given operations. */
  public static Path writeClient(Path dir, int n, String... operations) {
    try {
      Path d = Files.createDirectories(dir.resolve("client-" + n));
      Path f = d.resolve("operations.json");
      Files.writeString(f, String.join("", operations));
      return f;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ---- Requests (model.EtcdRequest) ----

  private static Map<String, Object> request(String type, String part, Object value) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("Type", type);
    for (String p : List.of("LeaseGrant", "LeaseRevoke", "Range", "Txn", "Defragment", "Compact")) {
      m.put(p, p.equals(part) ? value : null);
    }
    return m;
  }

  /** A linearizable get of one key. */
  public static Map<String, Object> get(String key) {
    return range(key, "", 0, 0);
  }

  /** A range {@code [start, end)} (one key when end is empty), at a revision (0: the latest). */
  public static Map<String, Object> range(String start, String end, long limit, long revision) {
    Map<String, Object> r = rangeOptions(start, end, limit);
    r.put("Revision", revision);
    return request("range", "Range", r);
  }

  private static Map<String, Object> rangeOptions(String start, String end, long limit) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("Start", start);
    r.put("End", end);
    r.put("Limit", limit);
    r.put("KeysOnly", false);
    return r;
  }

  /** A put, as etcd's tests record it: a txn with no conditions and one put. */
  public static Map<String, Object> put(String key, String value) {
    return txn(List.of(), List.of(putOp(key, value)), List.of());
  }

  /** A delete: a txn with no conditions and one delete. */
  public static Map<String, Object> delete(String key) {
    return txn(List.of(), List.of(deleteOp(key)), List.of());
  }

  /** A txn; Go writes empty condition and else lists as {@code null}. */
  public static Map<String, Object> txn(List<Object> conditions, List<Object> then, List<Object> otherwise) {
    Map<String, Object> t = new LinkedHashMap<>();
    t.put("Conditions", conditions.isEmpty() ? null : conditions);
    t.put("OperationsOnSuccess", then.isEmpty() ? null : then);
    t.put("OperationsOnFailure", otherwise.isEmpty() ? null : otherwise);
    return request("txn", "Txn", t);
  }

  public static Map<String, Object> modRevisionIs(String key, long revision) {
    return condition(key, revision, 0);
  }

  public static Map<String, Object> versionIs(String key, long version) {
    return condition(key, 0, version);
  }

  private static Map<String, Object> condition(String key, long revision, long version) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("Key", key);
    c.put("ExpectedRevision", revision);
    c.put("ExpectedVersion", version);
    return c;
  }

  private static Map<String, Object> txnOp(String type, Map<String, Object> range, String putKey, Object putValue,
      long lease, String deleteKey) {
    Map<String, Object> op = new LinkedHashMap<>();
    op.put("Type", type);
    op.put("Range", range);
    Map<String, Object> put = new LinkedHashMap<>();
    put.put("Key", putKey);
    put.put("Value", putValue);
    put.put("LeaseID", lease);
    op.put("Put", put);
    op.put("Delete", Map.of("Key", deleteKey));
    return op;
  }

  public static Map<String, Object> putOp(String key, String value) {
    return putOp(key, value, 0);
  }

  public static Map<String, Object> putOp(String key, String value, long lease) {
    return txnOp("put-operation", rangeOptions("", "", 0), key, valueOrHash(value), lease, "");
  }

  public static Map<String, Object> deleteOp(String key) {
    return txnOp("delete-operation", rangeOptions("", "", 0), "", valueOrHash(""), 0, key);
  }

  public static Map<String, Object> rangeOp(String start, String end) {
    return txnOp("range-operation", rangeOptions(start, end, 0), "", valueOrHash(""), 0, "");
  }

  public static Map<String, Object> leaseGrant(long id) {
    return request("leaseGrant", "LeaseGrant", Map.of("LeaseID", id));
  }

  public static Map<String, Object> leaseRevoke(long id) {
    return request("leaseRevoke", "LeaseRevoke", Map.of("LeaseID", id));
  }

  public static Map<String, Object> compact(long revision) {
    return request("compact", "Compact", Map.of("Revision", revision));
  }

  public static Map<String, Object> defragment() {
    return request("defragment", "Defragment", Map.of());
  }

  /** etcd's ValueOrHash: {@code {"Value": v}}, or {@code {}} for the empty string (omitempty). */
  public static Map<String, Object> valueOrHash(String value) {
    return value.isEmpty() ? Map.of() : Map.of("Value", value);
  }

  /** A value etcd recorded by its hash only. */
  public static Map<String, Object> hashed(long hash) {
    return Map.of("Hash", hash);
  }

  // ---- Responses (model.MaybeEtcdResponse) ----

  private static Map<String, Object> response(String part, Object value, String clientError, long revision,
      String error) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (String p : List.of("Txn", "Range", "LeaseGrant", "LeaseRevoke", "Defragment", "Compact")) {
      m.put(p, p.equals(part) ? value : null);
    }
    m.put("ClientError", clientError);
    m.put("Revision", revision);
    if (error.isEmpty() && part != null) {
      m.put("member-id", "8e9e05c52164694d");
    }
    m.put("Persisted", false);
    m.put("PersistedRevision", 0L);
    m.put("Error", error);
    return m;
  }

  /** A txn's response: whether its conditions failed, one result per op run, the header revision. */
  public static Map<String, Object> txnResponse(boolean failure, List<Object> results, long revision) {
    Map<String, Object> t = new LinkedHashMap<>();
    t.put("Failure", failure);
    t.put("Results", results);
    return response("Txn", t, "", revision, "");
  }

  /** A put's (or a successful one-put txn's) response. */
  public static Map<String, Object> putResponse(long revision) {
    return txnResponse(false, List.of(result(null, 0, 0)), revision);
  }

  public static Map<String, Object> deleteResponse(long deleted, long revision) {
    return txnResponse(false, List.of(result(null, 0, deleted)), revision);
  }

  /** A txn op's result: the kvs of a range (null for a put or delete), its count, a delete's count. */
  public static Map<String, Object> result(List<Object> kvs, long count, long deleted) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("KVs", kvs);
    r.put("Count", count);
    r.put("Deleted", deleted);
    return r;
  }

  /** A range's response with these key-values ({@link #kv}) and count. */
  public static Map<String, Object> rangeResponse(long revision, Object... kvs) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("KVs", new ArrayList<>(Arrays.asList(kvs)));
    r.put("Count", (long) kvs.length);
    return response("Range", r, "", revision, "");
  }

  /** A key-value of a range response; ModRevision and Version are omitempty. */
  public static Map<String, Object> kv(String key, Object value, long modRevision, long version) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("Key", key);
    m.put("Value", value instanceof String s ? valueOrHash(s) : value);
    if (modRevision != 0) {
      m.put("ModRevision", modRevision);
    }
    if (version != 0) {
      m.put("Version", version);
    }
    return m;
  }

  public static Map<String, Object> leaseGrantResponse(long revision) {
    return response("LeaseGrant", Map.of("LeaseID", 0L), "", revision, "");
  }

  public static Map<String, Object> leaseRevokeResponse(long revision) {
    return response("LeaseRevoke", Map.of(), "", revision, "");
  }

  /** Compact and defragment answer with revision -1 (not linearizable). */
  public static Map<String, Object> compactResponse() {
    return response("Compact", Map.of(), "", -1, "");
  }

  public static Map<String, Object> defragmentResponse() {
    return response("Defragment", Map.of(), "", -1, "");
  }

  /** A response that is an error etcd's model predicts (a compaction of a compacted revision). */
  public static Map<String, Object> clientError(String message) {
    return response(null, null, message, 0, "");
  }

  /** A failed request: the client saw an error, so the effect is unknown. */
  public static Map<String, Object> failed(String error) {
    return response(null, null, "", 0, error);
  }

  // ---- Go's json.MarshalIndent(v, "", "  ") ----

  static String json(Object v, String indent) {
    if (v == null) {
      return "null";
    }
    if (v instanceof String s) {
      return quote(s);
    }
    if (v instanceof Number || v instanceof Boolean) {
      return v.toString();
    }
    String inner = indent + "  ";
    if (v instanceof Map<?, ?> m) {
      if (m.isEmpty()) {
        return "{}";
      }
      StringBuilder sb = new StringBuilder("{\n");
      int i = 0;
      for (Map.Entry<?, ?> e : m.entrySet()) {
        sb.append(inner).append(quote((String) e.getKey())).append(": ").append(json(e.getValue(), inner));
        sb.append(++i < m.size() ? ",\n" : "\n");
      }
      return sb.append(indent).append('}').toString();
    }
    List<?> l = (List<?>) v;
    if (l.isEmpty()) {
      return "[]";
    }
    StringBuilder sb = new StringBuilder("[\n");
    for (int i = 0; i < l.size(); i++) {
      sb.append(inner).append(json(l.get(i), inner)).append(i + 1 < l.size() ? ",\n" : "\n");
    }
    return sb.append(indent).append(']').toString();
  }

  private static String quote(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        default -> {
          if (c < 0x20) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('"').toString();
  }
}
