package madjep.history.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import madjep.history.DataError;
import madjep.history.History;
import madjep.history.HistoryBuilder;
import madjep.history.OpType;
import madjep.history.edn.EdnParser;
import madjep.history.edn.EdnVector;
import madjep.history.edn.Keyword;

/**
 * Reads a JSON array of op objects, or JSON Lines, following the conventions of elle-cli and Jepsen's history.sim:
 * {@code "type"}, {@code "f"} and named processes ({@code "nemesis"}) are strings that become keywords, and so do
 * the function names of micro-ops ({@code ["append", 5, 3]}); other strings stay strings.
 *
 * <p>jepsen-rs's dialect is read as written: serde writes an EDN keyword as a string with a leading colon, keys
 * included ({@code {":type": ":invoke", ":value": [[":w", 2, 1]]}}). An op whose keys carry the colon is read in
 * that dialect: its keys lose the colon, and every string of the form {@code ":name"} in it is the keyword {@code
 * :name}. The history's {@link History#readingNotes()} say so.
 */
final class JsonHistoryReader {
  /** Jackson with the bounds every reader shares: nesting depth and string length (EdnParser's). */
  /** Jackson, bounded as every reader is (nesting depth, number and string length). */
  static final JsonFactory FACTORY = JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder()
          .maxNestingDepth(EdnParser.MAX_DEPTH)
          .maxStringLength(EdnParser.MAX_TOKEN_BYTES)
          .build())
      .build();
  private static final Set<String> MICRO_OP_NAMES = Set.of("r", "w", "append", "read", "write");
  static final String COLON_DIALECT =
      "jepsen-rs dialect: keys and \":name\" strings carry a leading colon, read as keywords";

  private final String source;
  private final HistoryBuilder b;
  private final OpFields op;
  private JsonParser jp;
  /** True while reading an op written in jepsen-rs's colon dialect. */
  private boolean colons;

  private JsonHistoryReader(String source) {
    this.source = source;
    this.b = new HistoryBuilder(source);
    this.op = new OpFields(source);
  }

  static History read(InputStream in, String source) throws IOException {
    if (!in.markSupported()) {
      in = new java.io.BufferedInputStream(in);
    }
    requireUtf8Start(in, source);
    return new JsonHistoryReader(source).readAll(in);
  }

  /**
   * JSON histories are UTF-8 (RFC 8259). Jackson would guess UTF-16 or UTF-32 from zero bytes or a byte-order mark
   * among the first four bytes and fail with an I/O error that has no position: such a start is a data error here.
   */
  static void requireUtf8Start(InputStream in, String source) throws IOException {
    in.mark(4);
    byte[] head = in.readNBytes(4);
    in.reset();
    for (int i = 0; i < head.length; i++) {
      int c = head[i] & 0xff;
      if (c == 0x00 || c == 0xFE || c == 0xFF) {
        throw new DataError(source, 1, i + 1, -1, "expected UTF-8 JSON, found the byte 0x"
            + Integer.toHexString(c) + " (UTF-16 and UTF-32 are not read)");
      }
    }
  }

  private History readAll(InputStream in) throws IOException {
    try (JsonParser parser = FACTORY.createParser(in)) {
      jp = parser;
      JsonToken t = jp.nextToken();
      if (t == JsonToken.START_ARRAY) {
        JsonLocation open = jp.currentTokenLocation();
        while (true) {
          t = jp.nextToken();
          if (t == JsonToken.END_ARRAY) {
            break;
          }
          if (t == null) {
            throw error(open, "expected ']' to close the array of ops opened here, found the end of the input");
          }
          readOp(t);
        }
        if (jp.nextToken() != null) {
          throw error(jp.currentTokenLocation(), "expected the end of the input after the array of ops, found "
              + jp.getText());
        }
      } else {
        while (t != null) {
          readOp(t);
          t = jp.nextToken();
        }
      }
      return b.build();
    } catch (java.io.CharConversionException | JsonProcessingException e) {
      throw toDataError(e, source, jp);
    }
  }

  /** Jackson's errors as data errors: where (its location, or the parser's), then what. */
  static DataError toDataError(IOException e, String source, JsonParser jp) {
    if (e instanceof java.io.CharConversionException) {
      // Jackson's own decoding of bytes that are not UTF-8: say so, at the start (it gives no position).
      return new DataError(source, 1, 1, -1, "expected UTF-8 JSON, found " + firstLine(e.getMessage()));
    }
    // Syntax errors and Jackson's limits (nesting depth, number and string length) alike.
    JsonProcessingException j = (JsonProcessingException) e;
    JsonLocation loc = j.getLocation();
    if ((loc == null || loc.getLineNr() <= 0) && jp != null) {
      loc = jp.currentLocation();
    }
    int line = loc == null ? 0 : Math.max(1, loc.getLineNr());
    return new DataError(source, line, loc == null ? 0 : Math.max(1, loc.getColumnNr()), -1,
        "expected valid JSON: " + firstLine(j.getOriginalMessage()));
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  private DataError error(JsonLocation loc, String detail) {
    return error(DataError.Kind.SYNTAX, loc, detail);
  }

  private DataError error(DataError.Kind kind, JsonLocation loc, String detail) {
    return new DataError(kind, source, loc.getLineNr(), loc.getColumnNr(), -1, detail);
  }

  private void readOp(JsonToken t) throws IOException {
    JsonLocation at = jp.currentTokenLocation();
    if (t != JsonToken.START_OBJECT) {
      throw error(at, "expected an op object '{...}', found " + jp.getText());
    }
    op.begin(at.getLineNr(), at.getColumnNr());
    colons = false;
    while ((t = jp.nextToken()) == JsonToken.FIELD_NAME) {
      String name = jp.currentName();
      if (name.length() > 1 && name.charAt(0) == ':') {
        name = name.substring(1);
        if (!colons) {
          colons = true;
          b.note(COLON_DIALECT);
        }
      }
      JsonToken vt = jp.nextToken();
      JsonLocation vl = jp.currentTokenLocation();
      int l = vl.getLineNr();
      int c = vl.getColumnNr();
      switch (name) {
        case "type" -> {
          op.see(1, "\"type\"", l, c);
          op.type = vt == JsonToken.VALUE_STRING ? OpType.of(withoutColon(jp.getText())) : null;
          if (op.type == null) {
            throw error(DataError.Kind.OP_TYPE, vl, "expected \"type\" to be \"invoke\", \"ok\", \"fail\" or \"info\", found " + describe(vt));
          }
        }
        case "process" -> {
          op.see(2, "\"process\"", l, c);
          if (vt == JsonToken.VALUE_NUMBER_INT) {
            op.process = b.clientProcess(jp.getLongValue(), l, c);
          } else if (vt == JsonToken.VALUE_STRING) {
            op.process = b.namedProcess(keyword(vl, "process"));
          } else if (vt != JsonToken.VALUE_NULL) {
            throw error(DataError.Kind.FIELD, vl, "expected \"process\" to be an integer or a name such as \"nemesis\", found "
                + describe(vt));
          }
        }
        case "f" -> {
          op.see(4, "\"f\"", l, c);
          if (vt == JsonToken.VALUE_STRING) {
            op.f = keyword(vl, "f");
          } else if (vt != JsonToken.VALUE_NULL) {
            throw error(DataError.Kind.FIELD, vl, "expected \"f\" to be a string such as \"read\", found " + describe(vt));
          }
        }
        case "value" -> {
          op.see(8, "\"value\"", l, c);
          op.value = readValue(vt);
        }
        case "index" -> {
          op.see(16, "\"index\"", l, c);
          if (vt != JsonToken.VALUE_NUMBER_INT || jp.getLongValue() < 0) {
            throw error(DataError.Kind.FIELD, vl, "expected \"index\" to be a non-negative integer, found " + describe(vt));
          }
          op.index = jp.getLongValue();
        }
        case "time" -> {
          op.see(32, "\"time\"", l, c);
          if (vt != JsonToken.VALUE_NUMBER_INT) {
            throw error(DataError.Kind.FIELD, vl, "expected \"time\" to be an integer (nanoseconds), found " + describe(vt));
          }
          op.time = jp.getLongValue();
        }
        case "error" -> {
          op.see(64, "\"error\"", l, c);
          op.error = readValue(vt);
        }
        default -> {
          if (!Keyword.isValidName(name)) {
            throw error(DataError.Kind.FIELD, vl,
                "expected a field name without spaces, commas, brackets or quotes, found \"" + name + "\"");
          }
          op.extra(Keyword.of(name), readValue(vt), l, c);
        }
      }
    }
    if (t != JsonToken.END_OBJECT) {
      throw error(jp.currentTokenLocation(), "expected a field or '}' in the op object, found " + describe(t));
    }
    op.value = keywordizeMicroOps(op.value);
    op.addTo(b);
  }

  private String describe(JsonToken t) throws IOException {
    if (t == null) {
      return "the end of the input";
    }
    return switch (t) {
      case START_OBJECT -> "an object";
      case START_ARRAY -> "an array";
      case VALUE_STRING -> "\"" + jp.getText() + "\"";
      default -> jp.getText();
    };
  }

  private static String withoutColon(String s) {
    return s.length() > 1 && s.charAt(0) == ':' ? s.substring(1) : s;
  }

  /** In the colon dialect, {@code ":name"} is the keyword {@code :name}; anything else stays a string. */
  private Object dialectString(String s) {
    if (colons && s.length() > 1 && s.charAt(0) == ':') {
      String name = s.substring(1);
      if (Keyword.isValidName(name)) {
        return Keyword.of(name);
      }
    }
    return s;
  }

  /** The current string token as a keyword; {@code ":read"} and {@code "read"} both name {@code :read}. */
  private Keyword keyword(JsonLocation at, String field) throws IOException {
    String s = withoutColon(jp.getText());
    if (!Keyword.isValidName(s)) {
      throw error(DataError.Kind.FIELD, at, "expected \"" + field
          + "\" to be a name without spaces, commas, brackets or quotes, found \"" + jp.getText() + "\"");
    }
    return Keyword.of(s);
  }

  private Object readValue(JsonToken t) throws IOException {
    switch (t) {
      case VALUE_NULL:
        return null;
      case VALUE_TRUE:
        return Boolean.TRUE;
      case VALUE_FALSE:
        return Boolean.FALSE;
      case VALUE_STRING:
        return dialectString(jp.getText());
      case VALUE_NUMBER_INT:
        if (jp.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
          return jp.getBigIntegerValue();
        }
        return EdnParser.box(jp.getLongValue());
      case VALUE_NUMBER_FLOAT:
        return jp.getDoubleValue();
      case START_ARRAY: {
        List<Object> items = new ArrayList<>();
        JsonToken e;
        while ((e = jp.nextToken()) != JsonToken.END_ARRAY) {
          items.add(readValue(e));
        }
        return EdnVector.copyOf(items);
      }
      case START_OBJECT: {
        Map<Object, Object> m = new LinkedHashMap<>();
        while (jp.nextToken() == JsonToken.FIELD_NAME) {
          Object k = dialectString(jp.currentName());
          m.put(k, readValue(jp.nextToken()));
        }
        return Collections.unmodifiableMap(m);
      }
      default:
        throw error(jp.currentTokenLocation(), "expected a JSON value, found " + describe(t));
    }
  }

  /**
   * Turns {@code [["append", 5, 3], ["r", 5, null]]} into {@code [[:append 5 3] [:r 5 nil]]}: a value whose every
   * element is a 2- or 3-element array headed by a micro-op name (r, w, append, read, write).
   */
  static Object keywordizeMicroOps(Object value) {
    if (!(value instanceof List<?> txn) || txn.isEmpty()) {
      return value;
    }
    for (Object m : txn) {
      if (!(m instanceof List<?> mop) || mop.size() < 2 || mop.size() > 3 || microOpName(mop.get(0)) == null) {
        return value;
      }
    }
    Object[] out = new Object[txn.size()];
    for (int i = 0; i < out.length; i++) {
      List<?> mop = (List<?>) txn.get(i);
      Object[] m = mop.toArray();
      m[0] = Keyword.of(microOpName(m[0]));
      out[i] = EdnVector.of(m);
    }
    return EdnVector.of(out);
  }

  /** The micro-op name a head stands for ({@code "append"}, or {@code :append} in the colon dialect), or null. */
  private static String microOpName(Object head) {
    String s = head instanceof String str ? str : head instanceof Keyword k ? k.name() : null;
    return s != null && MICRO_OP_NAMES.contains(s) ? s : null;
  }
}
