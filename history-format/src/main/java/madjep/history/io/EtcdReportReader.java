package madjep.history.io;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import madjep.history.DataError;
import madjep.history.History;
import madjep.history.HistoryBuilder;
import madjep.history.OpType;
import madjep.history.edn.EdnParser;
import madjep.history.edn.EdnVector;
import madjep.history.edn.Keyword;

/**
 * Reads the key-value operations of etcd's robustness tests: {@code client-N/operations.json}, a stream of (indented)
 * JSON objects, one per operation, as Porcupine operations {@code {"ClientId", "Input", "Call", "Output", "Return",
 * "Metadata"}} with etcd's request and response types; or a report directory holding several.
 *
 * <p>Each operation becomes a Jepsen invocation at its {@code Call} time and a completion at its {@code Return} time,
 * on process {@code ClientId}; the ops of all files are merged in time order, a call before a return at the same
 * time (Porcupine's closed intervals: an operation that returns at t overlaps one called at t). An {@code Output}
 * with an {@code Error} (or marked {@code Persisted}) is {@code :info}: its effect is unknown. The values are EDN (see
 * README, "etcd robustness reports"): {@code :f} is {@code :range}, {@code :txn}, {@code :lease-grant},
 * {@code :lease-revoke}, {@code :defragment} or {@code :compact}; the invocation's value is {@code {:request R}}
 * and a completion's {@code {:request R, :response S}}.
 *
 * <p>Every key of a request is known and checked: an unknown one, or a request type etcd's tests do not write, is a
 * data error at its line and column, never skipped. Go's encoder writes {@code null} for empty slices and omits
 * zero fields marked {@code omitempty}: both read as zero values, as Go's decoder reads them.
 */
final class EtcdReportReader {
  static final String PERSISTED =
      "etcd: an Output marked Persisted (effect certain, response unknown) read as :info (effect unknown)";

  static final Keyword REQUEST = Keyword.of("request");
  static final Keyword RESPONSE = Keyword.of("response");
  private static final Keyword MEMBER_ID = Keyword.of("member-id");

  /** One operation as read, before the merge. */
  private record Operation(
      String file, int line, int column, int client, long call, long ret, Keyword f, Map<Keyword, Object> request,
      Map<Keyword, Object> response, String error, String memberId, boolean persisted) {}

  private final String source;
  private final List<Operation> ops;
  private JsonParser jp;

  private EtcdReportReader(String source, List<Operation> ops) {
    this.source = source;
    this.ops = ops;
  }

  /** Reads one {@code operations.json}. */
  static History read(InputStream in, String source) throws IOException {
    List<Operation> ops = new ArrayList<>();
    new EtcdReportReader(source, ops).readAll(JsonInput.utf8(in, source));
    return merge(source, ops, true);
  }

  /** Reads every {@code client-*}{@code /operations.json} of a report directory, in client order. */
  static History readReport(Path dir) throws IOException {
    List<Path> files = operationFiles(dir);
    if (files.isEmpty()) {
      throw new DataError(dir.toString(), 0, 0, -1,
          "expected a history file, or an etcd report directory with client-*/operations.json, found a directory "
              + "without them");
    }
    List<Operation> ops = new ArrayList<>();
    for (Path f : files) {
      try (InputStream in = Files.newInputStream(f)) {
        new EtcdReportReader(f.toString(), ops).readAll(JsonInput.utf8(in, f.toString()));
      }
    }
    // Ops from several files: a line number would not say which file, so errors after reading name the op index.
    return merge(dir.toString(), ops, false);
  }

  private static List<Path> operationFiles(Path dir) throws IOException {
    List<Path> clients = new ArrayList<>();
    try (Stream<Path> s = Files.list(dir)) {
      s.filter(p -> p.getFileName().toString().startsWith("client-") && Files.isDirectory(p))
          .filter(p -> Files.isRegularFile(p.resolve("operations.json")))
          .forEach(clients::add);
    }
    clients.sort(Comparator.comparingLong(EtcdReportReader::clientNumber)
        .thenComparing(p -> p.getFileName().toString()));
    List<Path> files = new ArrayList<>(clients.size());
    for (Path c : clients) {
      files.add(c.resolve("operations.json"));
    }
    return files;
  }

  /** N of {@code client-N}, or Long.MAX_VALUE when it is not a number (sorted last, by name). */
  private static long clientNumber(Path clientDir) {
    String n = clientDir.getFileName().toString().substring("client-".length());
    try {
      return Long.parseLong(n);
    } catch (NumberFormatException e) {
      return Long.MAX_VALUE;
    }
  }

  // ---- Merging operations into one history ----

  private static History merge(String source, List<Operation> ops, boolean keepLines) {
    // One client (Porcupine stream) runs one operation at a time: etcd's tests assert it, and pairing needs it.
    Integer[] byClient = new Integer[ops.size()];
    for (int i = 0; i < byClient.length; i++) {
      byClient[i] = i;
    }
    Arrays.sort(byClient, Comparator.<Integer>comparingInt(i -> ops.get(i).client())
        .thenComparingLong(i -> ops.get(i).call()).thenComparingInt(i -> i));
    for (int k = 1; k < byClient.length; k++) {
      Operation prev = ops.get(byClient[k - 1]);
      Operation op = ops.get(byClient[k]);
      if (prev.client() == op.client() && op.call() <= prev.ret()) {
        throw new DataError(DataError.Kind.PAIRING, op.file(), op.line(), op.column(), -1,
            "expected client " + op.client() + "'s operations one at a time, found one called at " + op.call()
                + " before its previous one returned at " + prev.ret());
      }
    }
    // Events: time, then calls before returns (closed intervals), then input order.
    long[] events = new long[2 * ops.size()];
    Long[] order = new Long[events.length];
    for (int i = 0; i < ops.size(); i++) {
      order[2 * i] = (long) 2 * i;
      order[2 * i + 1] = (long) 2 * i + 1;
    }
    Arrays.sort(order, Comparator.<Long>comparingLong(e -> time(ops, e)).thenComparingLong(e -> e & 1)
        .thenComparingLong(e -> e));
    HistoryBuilder b = new HistoryBuilder(source);
    for (Long e : order) {
      Operation op = ops.get((int) (e >>> 1));
      int line = keepLines ? op.line() : 0;
      int column = keepLines ? op.column() : 0;
      Map<Keyword, Object> req = Map.of(REQUEST, op.request());
      if ((e & 1) == 0) {
        b.add(Long.MIN_VALUE, op.call(), OpType.INVOKE, op.client(), op.f(), req, null, null, line, column);
      } else if (op.error() != null || op.persisted()) {
        if (op.persisted()) {
          b.note(PERSISTED);
        }
        b.add(Long.MIN_VALUE, op.ret(), OpType.INFO, op.client(), op.f(), req,
            op.error() == null ? "persisted" : op.error(), null, line, column);
      } else {
        Map<Keyword, Object> value = new LinkedHashMap<>();
        value.put(REQUEST, op.request());
        value.put(RESPONSE, op.response());
        Object[] extras = op.memberId() == null ? null : new Object[] {MEMBER_ID, op.memberId()};
        b.add(Long.MIN_VALUE, op.ret(), OpType.OK, op.client(), op.f(), Collections.unmodifiableMap(value), null,
            extras, line, column);
      }
    }
    return b.build();
  }

  private static long time(List<Operation> ops, long event) {
    Operation op = ops.get((int) (event >>> 1));
    return (event & 1) == 0 ? op.call() : op.ret();
  }

  // ---- Reading one file ----

  private void readAll(InputStream in) throws IOException {
    // Strict about repeated fields: Go's encoder never writes one, and which of two values counts is a guess.
    try (JsonParser parser = JsonInput.STRICT_FACTORY.createParser(in)) {
      jp = parser;
      JsonToken t;
      while ((t = jp.nextToken()) != null) {
        readOperation(t);
      }
    } catch (java.io.CharConversionException e) {
      throw JsonInput.notUtf8(source, e);
    } catch (JsonProcessingException e) {
      // Syntax errors and Jackson's limits alike (a number longer than its limit is no StreamReadException).
      throw JsonInput.invalid(source, e, jp);
    }
  }

  /** What the fields of an Output hold, before the request type says which of them must be there. */
  private static final class Output {
    Map<Keyword, Object> txn;
    Map<Keyword, Object> range;
    String clientError = "";
    long revision;
    String memberId;
    boolean persisted;
    String error = "";
    /** The Output part each type's response must have. */
    final Map<String, JsonLocation> present = new LinkedHashMap<>();
  }

  private void readOperation(JsonToken t) throws IOException {
    JsonLocation at = jp.currentTokenLocation();
    if (t != JsonToken.START_OBJECT) {
      throw error(at, "expected an etcd operation object '{\"ClientId\": ...}', found " + jp.getText());
    }
    long client = -1;
    long call = Long.MIN_VALUE;
    long ret = Long.MIN_VALUE;
    Keyword f = null;
    Map<Keyword, Object> request = null;
    Output output = null;
    JsonLocation inputAt = null;
    while ((t = jp.nextToken()) == JsonToken.FIELD_NAME) {
      String name = jp.currentName();
      t = jp.nextToken();
      JsonLocation vl = jp.currentTokenLocation();
      switch (name) {
        case "ClientId" -> {
          client = integer("ClientId");
          if (client < 0 || client > Integer.MAX_VALUE) {
            throw error(vl, "expected \"ClientId\" from 0 to " + Integer.MAX_VALUE + ", found " + client);
          }
        }
        case "Call" -> call = integer("Call");
        case "Return" -> ret = integer("Return");
        case "Input" -> {
          inputAt = vl;
          Object[] fr = readInput();
          f = (Keyword) fr[0];
          @SuppressWarnings("unchecked")
          Map<Keyword, Object> r = (Map<Keyword, Object>) fr[1];
          request = r;
        }
        case "Output" -> output = readOutput();
        case "Metadata" -> jp.skipChildren(); // etcd writes the Output again here, for Porcupine's visualization
        default -> throw unknownKey(vl, name, "ClientId, Input, Call, Output, Return or Metadata");
      }
    }
    String missing = client < 0 ? "ClientId" : request == null ? "Input" : call == Long.MIN_VALUE ? "Call"
        : output == null ? "Output" : ret == Long.MIN_VALUE ? "Return" : null;
    if (missing != null) {
      throw error(at, "expected an operation with \"" + missing + "\", found none");
    }
    if (ret < call) {
      throw error(at, "expected \"Return\" at or after \"Call\" " + call + ", found " + ret);
    }
    boolean failed = !output.error.isEmpty() || output.persisted;
    Map<Keyword, Object> response = failed ? null : response(f, output, inputAt);
    ops.add(new Operation(source, at.getLineNr(), at.getColumnNr(), (int) client, call, ret, f, request, response,
        output.error.isEmpty() ? null : output.error, output.memberId, output.persisted && output.error.isEmpty()));
  }

  // Request types as etcd's tests name them, and the keyword MadJep gives each.
  private static final String[][] TYPES = {
    {"range", "Range", "range"},
    {"txn", "Txn", "txn"},
    {"leaseGrant", "LeaseGrant", "lease-grant"},
    {"leaseRevoke", "LeaseRevoke", "lease-revoke"},
    {"defragment", "Defragment", "defragment"},
    {"compact", "Compact", "compact"},
  };

  /** {f, request map}. */
  private Object[] readInput() throws IOException {
    JsonLocation at = jp.currentTokenLocation();
    requireObject("Input");
    String type = null;
    JsonLocation typeAt = null;
    Map<String, Map<Keyword, Object>> parts = new LinkedHashMap<>();
    JsonToken t;
    while ((t = jp.nextToken()) == JsonToken.FIELD_NAME) {
      String name = jp.currentName();
      t = jp.nextToken();
      JsonLocation vl = jp.currentTokenLocation();
      if (name.equals("Type")) {
        type = string("Input.Type");
        typeAt = vl;
        continue;
      }
      if (t == JsonToken.VALUE_NULL) {
        if (!isPart(name)) {
          throw unknownKey(vl, name, "Type, Range, Txn, LeaseGrant, LeaseRevoke, Defragment or Compact");
        }
        continue;
      }
      Map<Keyword, Object> part = switch (name) {
        case "Range" -> readRangeOptions("Input.Range", true);
        case "Txn" -> readTxnRequest();
        case "LeaseGrant", "LeaseRevoke" -> readLease("Input." + name);
        case "Defragment" -> readEmpty("Input.Defragment");
        case "Compact" -> readCompactRequest();
        default -> throw unknownKey(vl, name, "Type, Range, Txn, LeaseGrant, LeaseRevoke, Defragment or Compact");
      };
      parts.put(name, part);
    }
    if (type == null) {
      throw error(at, "expected \"Input\" with a \"Type\", found none");
    }
    for (String[] ty : TYPES) {
      if (ty[0].equals(type)) {
        Map<Keyword, Object> part = parts.get(ty[1]);
        if (part == null) {
          throw error(at, "expected \"Input\" of type \"" + type + "\" to have \"" + ty[1] + "\", found none");
        }
        if (parts.size() > 1) {
          throw error(at, "expected \"Input\" of type \"" + type + "\" to have only \"" + ty[1] + "\", found "
              + String.join(", ", parts.keySet()));
        }
        return new Object[] {Keyword.of(ty[2]), part};
      }
    }
    throw error(typeAt, "expected \"Type\" range, txn, leaseGrant, leaseRevoke, defragment or compact, found \""
        + type + "\"");
  }

  private static boolean isPart(String name) {
    for (String[] ty : TYPES) {
      if (ty[1].equals(name)) {
        return true;
      }
    }
    return false;
  }

  /** {@code {:start s, :end e, :limit n, :keys-only true, :revision r}}, leaving out empty and zero fields. */
  private Map<Keyword, Object> readRangeOptions(String what, boolean withRevision) throws IOException {
    requireObject(what);
    String start = "";
    String end = "";
    long limit = 0;
    boolean keysOnly = false;
    long revision = 0;
    JsonToken t;
    while ((t = jp.nextToken()) == JsonToken.FIELD_NAME) {
      String name = jp.currentName();
      jp.nextToken();
      switch (name) {
        case "Start" -> start = string(what + ".Start");
        case "End" -> end = string(what + ".End");
        case "Limit" -> limit = integer(what + ".Limit");
        case "KeysOnly" -> keysOnly = bool(what + ".KeysOnly");
        case "Revision" -> {
          if (!withRevision) {
            throw unknownKey(jp.currentTokenLocation(), name, "Start, End, Limit or KeysOnly");
          }
          revision = integer(what + ".Revision");
        }
        default -> throw unknownKey(jp.currentTokenLocation(), name,
            withRevision ? "Start, End, Limit, KeysOnly or Revision" : "Start, End, Limit or KeysOnly");
      }
    }
    Map<Keyword, Object> m = new LinkedHashMap<>();
    m.put(K_START, start);
    if (!end.isEmpty()) {
      m.put(K_END, end);
    }
    if (limit != 0) {
      m.put(K_LIMIT, EdnParser.box(limit));
    }
    if (keysOnly) {
      m.put(K_KEYS_ONLY, Boolean.TRUE);
    }
    if (revision != 0) {
      m.put(K_REVISION, EdnParser.box(revision));
    }
    return Collections.unmodifiableMap(m);
  }

  static final Keyword K_START = Keyword.of("start");
  static final Keyword K_END = Keyword.of("end");
  static final Keyword K_LIMIT = Keyword.of("limit");
  static final Keyword K_KEYS_ONLY = Keyword.of("keys-only");
  static final Keyword K_REVISION = Keyword.of("revision");
  static final Keyword K_LEASE = Keyword.of("lease");
  static final Keyword K_IF = Keyword.of("if");
  static final Keyword K_THEN = Keyword.of("then");
  static final Keyword K_ELSE = Keyword.of("else");
  static final Keyword K_KVS = Keyword.of("kvs");
  static final Keyword K_COUNT = Keyword.of("count");
  static final Keyword K_SUCCEEDED = Keyword.of("succeeded");
  static final Keyword K_RESULTS = Keyword.of("results");
  static final Keyword K_DELETED = Keyword.of("deleted");
  static final Keyword K_CLIENT_ERROR = Keyword.of("client-error");
  static final Keyword PUT = Keyword.of("put");
  static final Keyword DELETE = Keyword.of("delete");
  static final Keyword RANGE = Keyword.of("range");
  static final Keyword MOD_REVISION = Keyword.of("mod-revision");
  static final Keyword VERSION = Keyword.of("version");

  /** {@code {:if [conditions], :then [ops], :else [ops]}}. */
  private Map<Keyword, Object> readTxnRequest() throws IOException {
    requireObject("Input.Txn");
    List<Object> conditions = List.of();
    List<Object> then = List.of();
    List<Object> otherwise = List.of();
    JsonToken t;
    while ((t = jp.nextToken()) == JsonToken.FIELD_NAME) {
      String name = jp.currentName();
      jp.nextToken();
      switch (name) {
        case "Conditions" -> conditions = readArray("Input.Txn.Conditions", this::readCondition);
        case "OperationsOnSuccess" -> then = readArray("Input.Txn.OperationsOnSuccess", this::readTxnOp);
        case "OperationsOnFailure" -> otherwise = readArray("Input.Txn.OperationsOnFailure", this::readTxnOp);
        default -> throw unknownKey(jp.currentTokenLocation(), name,
            "Conditions, OperationsOnSuccess or OperationsOnFailure");
      }
    }
    Map<Keyword, Object> m = new LinkedHashMap<>();
    m.put(K_IF, EdnVector.copyOf(conditions));
    m.put(K_THEN, EdnVector.copyOf(then));
    m.put(K_ELSE, EdnVector.copyOf(otherwise));
    return Collections.unmodifiableMap(m);
  }

  /** {@code [:version key v]} when ExpectedVersion is set, else {@code [:mod-revision key r]}, as etcd compares. */
  private Object readCondition() throws IOException {
    String what = "Input.Txn.Conditions[]";
    requireObject(what);
    String key = "";
    long revision = 0;
    long version = 0;
    JsonToken t;
    while ((t = jp.nextToken()) == JsonToken.FIELD_NAME) {
      String name = jp.currentName();
      jp.nextToken();
      switch (name) {
        case "Key" -> key = string(what + ".Key");
        case "ExpectedRevision" -> revision = integer(what + ".ExpectedRevision");
        case "ExpectedVersion" -> version = integer(what + ".ExpectedVersion");
        default -> throw unknownKey(jp.currentTokenLocation(), name, "Key, ExpectedRevision or ExpectedVersion");
      }
    }
    return version > 0
        ? EdnVector.of(VERSION, key, EdnParser.box(version))
        : EdnVector.of(MOD_REVISION, key, EdnParser.box(revision));
  }

  /** {@code [:put key value]}, {@code [:put key value lease]}, {@code [:delete key]} or {@code [:range {...}]}. */
  private Object readTxnOp() throws IOException {
    String what = "Input.Txn.Operations[]";
    JsonLocation at = jp.currentTokenLocation();
    requireObject(what);
    String type = null;
    JsonLocation typeAt = null;
    Map<Keyword, Object> range = null;
    String putKey = "";
    Object putValue = "";
    long lease = 0;
    String deleteKey = "";
    JsonToken t;
    while ((t = jp.nextToken()) == JsonToken.FIELD_NAME) {
      String name = jp.currentName();
      t = jp.nextToken();
      switch (name) {
        case "Type" -> {
          typeAt = jp.currentTokenLocation();
          type = string(what + ".Type");
        }
        case "Range" -> range = t == JsonToken.VALUE_NULL ? null : readRangeOptions(what + ".Range", false);
        case "Put" -> {
          if (t != JsonToken.VALUE_NULL) {
            requireObject(what + ".Put");
            while (jp.nextToken() == JsonToken.FIELD_NAME) {
              String n = jp.currentName();
              jp.nextToken();
              switch (n) {
                case "Key" -> putKey = string(what + ".Put.Key");
                case "Value" -> putValue = readValueOrHash(what + ".Put.Value");
                case "LeaseID" -> lease = integer(what + ".Put.LeaseID");
                default -> throw unknownKey(jp.currentTokenLocation(), n, "Key, Value or LeaseID");
              }
            }
          }
        }
        case "Delete" -> {
          if (t != JsonToken.VALUE_NULL) {
            requireObject(what + ".Delete");
            while (jp.nextToken() == JsonToken.FIELD_NAME) {
              String n = jp.currentName();
              jp.nextToken();
              if (!n.equals("Key")) {
                throw unknownKey(jp.currentTokenLocation(), n, "Key");
              }
              deleteKey = string(what + ".Delete.Key");
            }
          }
        }
        default -> throw unknownKey(jp.currentTokenLocation(), name, "Type, Range, Put or Delete");
      }
    }
    if (type == null) {
      throw error(at, "expected a txn operation with a \"Type\", found none");
    }
    return switch (type) {
      case "put-operation" -> lease == 0
          ? EdnVector.of(PUT, putKey, putValue)
          : EdnVector.of(PUT, putKey, putValue, EdnParser.box(lease));
      case "delete-operation" -> EdnVector.of(DELETE, deleteKey);
      case "range-operation" -> EdnVector.of(RANGE, range == null ? Map.of(K_START, "") : range);
      default -> throw error(typeAt,
          "expected \"Type\" put-operation, delete-operation or range-operation, found \"" + type + "\"");
    };
  }

  /** etcd's ValueOrHash: the value as a string, or its FNV-1a hash as a number when etcd kept only that. */
  private Object readValueOrHash(String what) throws IOException {
    JsonLocation at = jp.currentTokenLocation();
    if (jp.currentToken() == JsonToken.VALUE_NULL) {
      return "";
    }
    requireObject(what);
    String value = "";
    long hash = 0;
    while (jp.nextToken() == JsonToken.FIELD_NAME) {
      String n = jp.currentName();
      jp.nextToken();
      switch (n) {
        case "Value" -> value = string(what + ".Value");
        case "Hash" -> hash = integer(what + ".Hash");
        default -> throw unknownKey(jp.currentTokenLocation(), n, "Value or Hash");
      }
    }
    if (hash != 0 && !value.isEmpty()) {
      throw error(at, "expected \"" + what + "\" to hold a Value or a Hash, found both");
    }
    return hash != 0 ? EdnParser.box(hash) : value;
  }

  private Map<Keyword, Object> readLease(String what) throws IOException {
    requireObject(what);
    long lease = 0;
    while (jp.nextToken() == JsonToken.FIELD_NAME) {
      String n = jp.currentName();
      jp.nextToken();
      if (!n.equals("LeaseID")) {
        throw unknownKey(jp.currentTokenLocation(), n, "LeaseID");
      }
      lease = integer(what + ".LeaseID");
    }
    return Map.of(K_LEASE, EdnParser.box(lease));
  }

  private Map<Keyword, Object> readCompactRequest() throws IOException {
    requireObject("Input.Compact");
    long revision = 0;
    while (jp.nextToken() == JsonToken.FIELD_NAME) {
      String n = jp.currentName();
      jp.nextToken();
      if (!n.equals("Revision")) {
        throw unknownKey(jp.currentTokenLocation(), n, "Revision");
      }
      revision = integer("Input.Compact.Revision");
    }
    return Map.of(K_REVISION, EdnParser.box(revision));
  }

  /** An object etcd writes with no fields ({@code {}}); a field in it is one this reader does not know. */
  private Map<Keyword, Object> readEmpty(String what) throws IOException {
    requireObject(what);
    if (jp.nextToken() == JsonToken.FIELD_NAME) {
      throw unknownKey(jp.currentTokenLocation(), jp.currentName(), "no fields");
    }
    return Map.of();
  }

  private Output readOutput() throws IOException {
    requireObject("Output");
    Output o = new Output();
    JsonToken t;
    while ((t = jp.nextToken()) == JsonToken.FIELD_NAME) {
      String name = jp.currentName();
      t = jp.nextToken();
      JsonLocation vl = jp.currentTokenLocation();
      switch (name) {
        case "Txn" -> {
          if (t != JsonToken.VALUE_NULL) {
            o.txn = readTxnResponse();
            o.present.put(name, vl);
          }
        }
        case "Range" -> {
          if (t != JsonToken.VALUE_NULL) {
            o.range = readRangeResponse("Output.Range");
            o.present.put(name, vl);
          }
        }
        case "LeaseGrant", "LeaseRevoke", "Defragment", "Compact" -> {
          if (t != JsonToken.VALUE_NULL) {
            // Their responses carry nothing the model checks (etcd's own model leaves LeaseGrant's LeaseID empty).
            jp.skipChildren();
            o.present.put(name, vl);
          }
        }
        case "ClientError" -> o.clientError = string("Output.ClientError");
        case "Revision" -> o.revision = integer("Output.Revision");
        case "member-id" -> o.memberId = t == JsonToken.VALUE_NULL ? null : string("Output.member-id");
        case "Persisted" -> o.persisted = bool("Output.Persisted");
        case "PersistedRevision" -> integer("Output.PersistedRevision");
        case "Error" -> o.error = string("Output.Error");
        default -> throw unknownKey(vl, name, "Txn, Range, LeaseGrant, LeaseRevoke, Defragment, Compact, "
            + "ClientError, Revision, member-id, Persisted, PersistedRevision or Error");
      }
    }
    return o;
  }

  /** The response of a completed operation, with the part its request type needs. */
  private Map<Keyword, Object> response(Keyword f, Output o, JsonLocation at) {
    Map<Keyword, Object> m = new LinkedHashMap<>();
    m.put(K_REVISION, EdnParser.box(o.revision));
    if (!o.clientError.isEmpty()) {
      m.put(K_CLIENT_ERROR, o.clientError);
      return Collections.unmodifiableMap(m);
    }
    String part = null;
    for (String[] ty : TYPES) {
      if (ty[2].equals(f.name())) {
        part = ty[1];
      }
    }
    if (!o.present.containsKey(part) || o.present.size() > 1) {
      throw error(at, "expected the Output of a " + f.name() + " request to have \"" + part
          + "\" (or a ClientError or an Error), found " + (o.present.isEmpty() ? "none" : String.join(", ",
          o.present.keySet())));
    }
    if (o.range != null) {
      m.putAll(o.range);
    }
    if (o.txn != null) {
      m.putAll(o.txn);
    }
    return Collections.unmodifiableMap(m);
  }

  /** {@code {:kvs [[key value mod-revision version] ...], :count n}}. */
  private Map<Keyword, Object> readRangeResponse(String what) throws IOException {
    requireObject(what);
    List<Object> kvs = List.of();
    long count = 0;
    boolean hasKvs = false;
    long deleted = 0;
    boolean inTxn = what.startsWith("Output.Txn");
    JsonToken t;
    while ((t = jp.nextToken()) == JsonToken.FIELD_NAME) {
      String name = jp.currentName();
      t = jp.nextToken();
      switch (name) {
        case "KVs" -> {
          hasKvs = t != JsonToken.VALUE_NULL;
          kvs = readArray(what + ".KVs", this::readKeyValue);
        }
        case "Count" -> count = integer(what + ".Count");
        case "Deleted" -> {
          if (!inTxn) {
            throw unknownKey(jp.currentTokenLocation(), name, "KVs or Count");
          }
          deleted = integer(what + ".Deleted");
        }
        default -> throw unknownKey(jp.currentTokenLocation(), name, inTxn ? "KVs, Count or Deleted" : "KVs or Count");
      }
    }
    Map<Keyword, Object> m = new LinkedHashMap<>();
    if (!inTxn || hasKvs || count != 0) {
      m.put(K_KVS, EdnVector.copyOf(kvs));
      m.put(K_COUNT, EdnParser.box(count));
    }
    if (deleted != 0) {
      m.put(K_DELETED, EdnParser.box(deleted));
    }
    return Collections.unmodifiableMap(m);
  }

  private Object readKeyValue() throws IOException {
    String what = "KVs[]";
    requireObject(what);
    String key = "";
    Object value = "";
    long modRevision = 0;
    long version = 0;
    JsonToken t;
    while ((t = jp.nextToken()) == JsonToken.FIELD_NAME) {
      String name = jp.currentName();
      jp.nextToken();
      switch (name) {
        case "Key" -> key = string(what + ".Key");
        case "Value" -> value = readValueOrHash(what + ".Value");
        case "ModRevision" -> modRevision = integer(what + ".ModRevision");
        case "Version" -> version = integer(what + ".Version");
        default -> throw unknownKey(jp.currentTokenLocation(), name, "Key, Value, ModRevision or Version");
      }
    }
    return EdnVector.of(key, value, EdnParser.box(modRevision), EdnParser.box(version));
  }

  /** {@code {:succeeded true, :results [{...} ...]}}. */
  private Map<Keyword, Object> readTxnResponse() throws IOException {
    requireObject("Output.Txn");
    boolean failure = false;
    List<Object> results = List.of();
    JsonToken t;
    while ((t = jp.nextToken()) == JsonToken.FIELD_NAME) {
      String name = jp.currentName();
      jp.nextToken();
      switch (name) {
        case "Failure" -> failure = bool("Output.Txn.Failure");
        case "Results" -> results = readArray("Output.Txn.Results", () -> readRangeResponse("Output.Txn.Results[]"));
        default -> throw unknownKey(jp.currentTokenLocation(), name, "Failure or Results");
      }
    }
    Map<Keyword, Object> m = new LinkedHashMap<>();
    m.put(K_SUCCEEDED, !failure);
    m.put(K_RESULTS, EdnVector.copyOf(results));
    return Collections.unmodifiableMap(m);
  }

  // ---- Scalars and structure ----

  private interface ElementReader {
    Object read() throws IOException;
  }

  /** An array (null reads as empty, as Go writes a nil slice) of elements read by {@code element}. */
  private List<Object> readArray(String what, ElementReader element) throws IOException {
    JsonToken t = jp.currentToken();
    if (t == JsonToken.VALUE_NULL) {
      return List.of();
    }
    if (t != JsonToken.START_ARRAY) {
      throw error(jp.currentTokenLocation(), "expected \"" + what + "\" to be an array, found " + jp.getText());
    }
    List<Object> out = new ArrayList<>();
    while (jp.nextToken() != JsonToken.END_ARRAY) {
      out.add(element.read());
    }
    return out;
  }

  private void requireObject(String what) throws IOException {
    if (jp.currentToken() != JsonToken.START_OBJECT) {
      throw error(jp.currentTokenLocation(), "expected \"" + what + "\" to be an object, found " + jp.getText());
    }
  }

  private long integer(String what) throws IOException {
    JsonToken t = jp.currentToken();
    if (t == JsonToken.VALUE_NULL) {
      return 0;
    }
    if (t != JsonToken.VALUE_NUMBER_INT || jp.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
      throw error(jp.currentTokenLocation(), "expected \"" + what + "\" to be an integer, found " + jp.getText());
    }
    return jp.getLongValue();
  }

  private String string(String what) throws IOException {
    JsonToken t = jp.currentToken();
    if (t == JsonToken.VALUE_NULL) {
      return "";
    }
    if (t != JsonToken.VALUE_STRING) {
      throw error(jp.currentTokenLocation(), "expected \"" + what + "\" to be a string, found " + jp.getText());
    }
    return jp.getText();
  }

  private boolean bool(String what) throws IOException {
    JsonToken t = jp.currentToken();
    if (t == JsonToken.VALUE_NULL || t == JsonToken.VALUE_FALSE) {
      return false;
    }
    if (t != JsonToken.VALUE_TRUE) {
      throw error(jp.currentTokenLocation(), "expected \"" + what + "\" to be true or false, found " + jp.getText());
    }
    return true;
  }

  private DataError unknownKey(JsonLocation at, String name, String known) {
    return error(at, "expected " + known + ", found \"" + name + "\" (a field this reader does not know)");
  }

  private DataError error(JsonLocation at, String detail) {
    return new DataError(DataError.Kind.FIELD, source, at.getLineNr(), at.getColumnNr(), -1, detail);
  }
}
