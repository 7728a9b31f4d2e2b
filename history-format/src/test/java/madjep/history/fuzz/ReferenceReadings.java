package madjep.history.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import madjep.history.fuzz.ReferenceEdn.Rejected;
import madjep.history.io.HistoryFormat;

/**
 * What a file's bytes hold, read a second way: the ops ({@link Canon#op}) that the fuzzer expects a production
 * reader to return when it accepts the bytes. Throws {@link Rejected} when the bytes do not hold a history in that
 * format. Written from the formats' descriptions (README and DESIGN.md), line by line for jepsen.log, not from the
 * production readers.
 */
final class ReferenceReadings {
  private ReferenceReadings() {}

  /** The ops of {@code data} read as {@code format}. */
  static List<String> ops(byte[] data, HistoryFormat format) {
    int from = hasByteOrderMark(data) ? 3 : 0;
    return switch (format) {
      case EDN -> edn(data, from);
      case JSON -> json(data, from);
      case JEPSEN_LOG -> log(data, from);
      case ETCD -> throw new IllegalArgumentException("no reference reading of etcd reports yet");
    };
  }

  static boolean hasByteOrderMark(byte[] d) {
    return d.length >= 3 && (d[0] & 0xff) == 0xEF && (d[1] & 0xff) == 0xBB && (d[2] & 0xff) == 0xBF;
  }

  // ---------------------------------------------------------------- EDN

  private static List<String> edn(byte[] data, int from) {
    ReferenceEdn r = new ReferenceEdn(data, from, data.length);
    List<String> ops = new ArrayList<>();
    boolean forms = r.skipSpace();
    int c = r.peek();
    if (c == '[' || c == '(') {
      int close = c == '[' ? ']' : ')';
      r.pos++;
      while (true) {
        r.skipSpace();
        if (r.peek() == close) {
          r.pos++;
          break;
        }
        ops.add(ednOp(r));
      }
      r.skipSpace();
      if (!r.atEnd()) {
        throw new Rejected("after the ops");
      }
      return ops;
    }
    while (!r.atEnd()) {
      ops.add(ednOp(r));
      forms |= r.skipSpace();
    }
    if (ops.isEmpty() && forms) {
      throw new Rejected("no op in a file that is not blank");
    }
    return ops;
  }

  private static String ednOp(ReferenceEdn r) {
    if (r.peek() == '#') {
      r.pos++;
      r.tag();
      r.skipSpace();
    }
    if (r.peek() != '{') {
      throw new Rejected("not an op map");
    }
    String map = r.value();
    // Split the canonical map back into its entries: a small reader of the canonical text.
    List<String> kv = CanonText.items(map.substring(1, map.length() - 1));
    String type = null;
    String process = Canon.NIL;
    String f = Canon.NIL;
    String value = Canon.NIL;
    for (int i = 0; i + 1 < kv.size(); i += 2) {
      String k = kv.get(i);
      String v = kv.get(i + 1);
      if (k.equals(Canon.keyword("type"))) {
        type = keywordName(v);
      } else if (k.equals(Canon.keyword("process"))) {
        process = v;
      } else if (k.equals(Canon.keyword("f"))) {
        f = v.startsWith("S") && Canon.validKeywordName(CanonText.stringText(v)) ? Canon.keyword(CanonText.stringText(v)) : v;
      } else if (k.equals(Canon.keyword("value"))) {
        value = v;
      }
    }
    if (type == null) {
      throw new Rejected("no :type");
    }
    return Canon.op(type, process, f, value);
  }

  private static String keywordName(String canon) {
    if (!canon.startsWith("K")) {
      throw new Rejected("type not a keyword");
    }
    return CanonText.stringText(canon);
  }

  // ---------------------------------------------------------------- JSON

  private static List<String> json(byte[] data, int from) {
    ReferenceJson r = new ReferenceJson(data, from, data.length);
    List<String> ops = new ArrayList<>();
    int c = r.peek();
    if (c == '[') {
      r.pos++;
      if (r.peek() == ']') {
        r.pos++;
      } else {
        while (true) {
          ops.add(jsonOp(r.value()));
          int d = r.peek();
          r.pos++;
          if (d == ']') {
            break;
          }
          if (d != ',') {
            throw new Rejected("comma");
          }
        }
      }
      if (r.peek() >= 0) {
        throw new Rejected("after the array");
      }
      return ops;
    }
    while (r.peek() >= 0) {
      ops.add(jsonOp(r.value()));
    }
    return ops;
  }

  private static String jsonOp(Object v) {
    if (!(v instanceof Map<?, ?> m)) {
      throw new Rejected("not an op object");
    }
    String type = null;
    String process = Canon.NIL;
    String f = Canon.NIL;
    String value = Canon.NIL;
    for (Map.Entry<?, ?> e : m.entrySet()) {
      String name = (String) e.getKey();
      if (name.length() > 1 && name.charAt(0) == ':') {
        name = name.substring(1);
      }
      Object x = e.getValue();
      switch (name) {
        case "type" -> type = x instanceof ReferenceJson.JsonString s ? Canon.jsonName(s.text()) : null;
        case "process" -> process = ReferenceJson.canon(x);
        case "f" -> f = ReferenceJson.canon(x);
        case "value" -> value = ReferenceJson.canon(x);
        default -> { }
      }
    }
    if (type == null) {
      throw new Rejected("no type");
    }
    return Canon.op(CanonText.stringText(type), process, f, value);
  }

  // ---------------------------------------------------------------- jepsen.log

  private static List<String> log(byte[] data, int from) {
    List<String> ops = new ArrayList<>();
    int nonBlank = 0;
    int start = from;
    while (start <= data.length) {
      int end = start;
      while (end < data.length && data[end] != '\n' && data[end] != '\r') {
        end++;
      }
      if (!blank(data, start, end)) {
        nonBlank++;
        String op = logOp(data, start, end);
        if (op != null) {
          ops.add(op);
        }
      }
      if (end >= data.length) {
        break;
      }
      start = end + (data[end] == '\r' && end + 1 < data.length && data[end + 1] == '\n' ? 2 : 1);
    }
    if (ops.isEmpty() && nonBlank > 0) {
      throw new Rejected("no op line");
    }
    return ops;
  }

  private static boolean blank(byte[] d, int s, int e) {
    for (int i = s; i < e; i++) {
      if (d[i] != ' ' && d[i] != '\t' && d[i] != '\f') {
        return false;
      }
    }
    return true;
  }

  private static final byte[] MARKER = "jepsen.util".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  /** The op of one line, or null when the line is not an op line. */
  private static String logOp(byte[] d, int s, int e) {
    int m = -1;
    for (int i = s; i + MARKER.length <= e && m < 0; i++) {
      if (java.util.Arrays.equals(d, i, i + MARKER.length, MARKER, 0, MARKER.length)) {
        m = i;
      }
    }
    if (m < 0) {
      return null;
    }
    int i = m + MARKER.length;
    if (i < e && d[i] == ':') {
      i++;
    } else {
      while (i < e && d[i] == ' ') {
        i++;
      }
      if (i >= e || d[i] != '-') {
        return null;
      }
      i++;
    }
    ReferenceEdn r = new ReferenceEdn(d, i, e);
    r.skipSpace();
    int c = r.peek();
    if (c != ':' && !(c >= '0' && c <= '9')) {
      return null;
    }
    String process = r.value();
    r.skipSpace();
    if (r.peek() != ':' || !(process.startsWith("K") || process.startsWith("L"))) {
      return null;
    }
    String type = r.value();
    String f = r.value();
    if (!type.startsWith("K") || !f.startsWith("K")) {
      throw new Rejected("type or f");
    }
    String value = Canon.NIL;
    r.skipSpace();
    if (!r.atEnd()) {
      value = r.value();
    }
    return Canon.op(CanonText.stringText(type), process, f, value);
  }
}
