package madjep.history.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import madjep.history.History;
import madjep.history.edn.Edn;
import madjep.history.edn.EdnList;
import madjep.history.edn.Keyword;
import madjep.history.edn.Symbol;
import madjep.history.edn.Tagged;

/**
 * Writes a history as EDN (Jepsen's {@code history.edn}: one op map per line, keys in Jepsen's order {@code :index
 * :time :type :process :f :value :error}, then the op's other keys in their input order) or as JSON Lines (one
 * object per line, keywords as plain strings, as elle-cli and history.sim read them).
 *
 * <p>JSON has no keywords, sets, big decimals or non-string map keys, so EDN to JSON loses those distinctions inside values;
 * reading the JSON back restores keywords where their place says so ({@code type}, {@code f}, named processes,
 * micro-op names). EDN to JSON to EDN to JSON is therefore a fixed point.
 */
public final class HistoryWriter {
  private static final JsonFactory JSON = JsonFactory.builder().build();
  // The fast paths' fixed text, as bytes.
  private static final LineSink.Text EDN_INDEX = LineSink.text("{:index ");
  private static final LineSink.Text EDN_TIME = LineSink.text(", :time ");
  private static final LineSink.Text EDN_PROCESS = LineSink.text(", :process ");
  private static final LineSink.Text EDN_F = LineSink.text(", :f :");
  private static final LineSink.Text EDN_VALUE = LineSink.text(", :value ");
  private static final LineSink.Text EDN_ERROR = LineSink.text(", :error ");
  private static final LineSink.Text EDN_EXTRA = LineSink.text(", :");
  private static final LineSink.Text EDN_NIL = LineSink.text("nil");
  private static final LineSink.Text JSON_INDEX = LineSink.text("{\"index\":");
  private static final LineSink.Text JSON_TIME = LineSink.text(",\"time\":");
  private static final LineSink.Text JSON_PROCESS = LineSink.text(",\"process\":");
  private static final LineSink.Text JSON_PROCESS_NAME = LineSink.text(",\"process\":\"");
  private static final LineSink.Text JSON_F = LineSink.text(",\"f\":\"");
  private static final LineSink.Text JSON_VALUE = LineSink.text(",\"value\":");
  private static final LineSink.Text JSON_ERROR = LineSink.text(",\"error\":");
  private static final LineSink.Text JSON_NULL = LineSink.text("null");
  /** {@code , :type :invoke} and so on, by {@link madjep.history.OpType} ordinal. */
  private static final LineSink.Text[] EDN_TYPE = typeTexts(", :type :", "");
  /** {@code ,"type":"invoke"} and so on, by {@link madjep.history.OpType} ordinal. */
  private static final LineSink.Text[] JSON_TYPE = typeTexts(",\"type\":\"", "\"");

  private static LineSink.Text[] typeTexts(String before, String after) {
    madjep.history.OpType[] types = madjep.history.OpType.values();
    LineSink.Text[] out = new LineSink.Text[types.length];
    for (madjep.history.OpType t : types) {
      out[t.ordinal()] = LineSink.text(before + t.keyword().name() + after);
    }
    return out;
  }

  private HistoryWriter() {}

  /**
   * Writes {@code h} to {@code file} in {@code format} without ever leaving a half-written file: it writes a
   * temporary file beside it and renames it into place.
   */
  public static void write(History h, HistoryFormat format, Path file) throws IOException {
    AtomicFiles.write(file, out -> write(h, format, out));
  }

  /** Writes {@code h} to a stream in {@code format}; the stream is flushed, not closed. */
  public static void write(History h, HistoryFormat format, OutputStream out) throws IOException {
    Stream s = new Stream(format, out);
    s.append(h);
    s.finish();
  }

  /**
   * Writes a history while it grows (a simulation's store, written as the run goes): each {@link #append} writes the
   * ops after those written so far, {@link #finish} ends the file. The bytes are those that {@link #write(History,
   * HistoryFormat, OutputStream)} writes for the whole history at once. One thread at a time.
   */
  public static final class Stream {
    private final HistoryFormat format;
    private final LineSink out;
    private final StringBuilder sb = new StringBuilder(256);
    private final java.io.ByteArrayOutputStream general = new java.io.ByteArrayOutputStream(512);
    private JsonGenerator json;
    private int written;

    /** Writes {@code format} (EDN or JSON) to {@code out}, which {@link #finish} flushes but does not close. */
    public Stream(HistoryFormat format, OutputStream out) {
      if (format != HistoryFormat.EDN && format != HistoryFormat.JSON) {
        throw new IllegalArgumentException("MadJep writes EDN or JSON, not " + format.cliName());
      }
      this.format = format;
      this.out = new LineSink(out);
    }

    /** How many ops are written. */
    public int written() {
      return written;
    }

    /**
     * Writes the ops of {@code h} after the first {@link #written()}: {@code h} is the history so far, holding every
     * op written before in the same places.
     */
    public void append(History h) throws IOException {
      if (h.size() < written) {
        throw new IllegalArgumentException("expected the history so far, of at least " + written + " ops, found "
            + h.size());
      }
      for (int i = written, n = h.size(); i < n; i++) {
        out.mark();
        if (format == HistoryFormat.EDN ? fastEdn(out, h, i) : fastJson(out, h, i)) {
          out.put('\n');
          out.endLine();
        } else {
          // A value the fast path does not write (a string to escape, a double, a tagged element...): the whole
          // line the general way, so both ways give the same bytes.
          out.rollback();
          out.bytes(format == HistoryFormat.EDN ? generalEdn(h, i) : generalJson(h, i));
        }
      }
      written = h.size();
    }

    private byte[] generalEdn(History h, int i) {
      sb.setLength(0);
      appendEdn(sb, h, i);
      sb.append('\n');
      return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private byte[] generalJson(History h, int i) throws IOException {
      if (json == null) {
        json = JSON.createGenerator(general);
        // One object per call, and this writer ends each line: Jackson writes no separator of its own.
        json.setRootValueSeparator(null);
      }
      general.reset();
      writeJsonOp(json, h, i);
      json.flush();
      general.write('\n');
      return general.toByteArray();
    }

    /** Ends the file (JSON Lines of no ops is one empty line) and flushes the stream. */
    public void finish() throws IOException {
      if (json != null) {
        json.close();
      }
      if (format == HistoryFormat.JSON && written == 0) {
        out.put('\n');
      }
      out.flush();
    }
  }

  /**
   * Writes op {@code i} as {@link #appendEdn} does, straight as bytes, when all it holds is numbers, keywords,
   * plain ASCII strings, booleans, nil and collections of them (as simulated and most recorded histories do);
   * returns false as soon as it meets anything else.
   */
  private static boolean fastEdn(LineSink out, History h, int i) {
    out.raw(EDN_INDEX);
    out.number(h.index(i), out.index);
    if (h.time(i) != -1) {
      out.raw(EDN_TIME);
      out.number(h.time(i), out.time);
    }
    out.raw(EDN_TYPE[h.type(i).ordinal()]);
    // The bytes ednValue writes for processValue(i), without the boxed Long: a lookup in the shared cache of boxes,
    // and a load from a box allocated wherever, for every op.
    int p = h.process(i);
    if (p >= 0) {
      out.raw(EDN_PROCESS);
      out.number(p);
    } else {
      Keyword name = h.processName(p);
      if (name != null) {
        out.raw(EDN_PROCESS);
        out.put(':');
        if (!out.plain(name.name())) {
          return false;
        }
      }
    }
    Keyword f = h.f(i);
    if (f != null) {
      out.raw(EDN_F);
      if (!out.plain(f.name())) {
        return false;
      }
    }
    out.raw(EDN_VALUE);
    if (!ednValue(out, h.value(i))) {
      return false;
    }
    Object err = h.error(i);
    if (err != null) {
      out.raw(EDN_ERROR);
      if (!ednValue(out, err)) {
        return false;
      }
    }
    // Straight from the op's arrays (no map per op): a repeated key, which the map would merge, takes the general way.
    int extras = h.extraCount(i);
    if (extras > 1 && h.extraKeyRepeats(i)) {
      return false;
    }
    for (int k = 0; k < extras; k++) {
      out.raw(EDN_EXTRA);
      if (!out.plain(h.extraKey(i, k).name())) {
        return false;
      }
      out.put(' ');
      if (!ednValue(out, h.extraValue(i, k))) {
        return false;
      }
    }
    out.put('}');
    return true;
  }

  /** {@link Edn#print} for the values {@link #fastEdn} writes, in its order of cases; false for any other. */
  private static boolean ednValue(LineSink out, Object v) {
    if (v == null) {
      out.raw(EDN_NIL);
    } else if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
      out.number(((Number) v).longValue());
    } else if (v instanceof Keyword k) {
      out.put(':');
      return out.plain(k.name());
    } else if (v instanceof String s) {
      out.put('"');
      if (!out.plain(s)) {
        return false;
      }
      out.put('"');
    } else if (v instanceof List<?> list) {
      boolean isList = v instanceof EdnList;
      out.put(isList ? '(' : '[');
      for (int i = 0, n = list.size(); i < n; i++) {
        if (i > 0) {
          out.put(' ');
        }
        if (!ednValue(out, list.get(i))) {
          return false;
        }
      }
      out.put(isList ? ')' : ']');
    } else if (v instanceof Map<?, ?> map) {
      out.put('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (!first) {
          out.put(',');
          out.put(' ');
        }
        first = false;
        if (!ednValue(out, e.getKey())) {
          return false;
        }
        out.put(' ');
        if (!ednValue(out, e.getValue())) {
          return false;
        }
      }
      out.put('}');
    } else if (v instanceof java.util.Set<?> set) {
      out.put('#');
      out.put('{');
      boolean first = true;
      for (Object x : set) {
        if (!first) {
          out.put(' ');
        }
        first = false;
        if (!ednValue(out, x)) {
          return false;
        }
      }
      out.put('}');
    } else if (v instanceof Boolean b) {
      out.ascii(b ? "true" : "false");
    } else {
      return false;
    }
    return true;
  }

  /** Appends op {@code i} as one EDN map, as {@code history.edn} holds it. */
  public static void appendEdn(StringBuilder sb, History h, int i) {
    sb.append("{:index ").append(h.index(i));
    if (h.time(i) != -1) {
      sb.append(", :time ").append(h.time(i));
    }
    sb.append(", :type :").append(h.type(i).keyword().name());
    Object p = h.processValue(i);
    if (p != null) {
      sb.append(", :process ");
      Edn.print(sb, p);
    }
    if (h.f(i) != null) {
      sb.append(", :f :").append(h.f(i).name());
    }
    sb.append(", :value ");
    Edn.print(sb, h.value(i));
    Object err = h.error(i);
    if (err != null) {
      sb.append(", :error ");
      Edn.print(sb, err);
    }
    for (Map.Entry<Keyword, Object> e : h.extras(i).entrySet()) {
      sb.append(", :").append(e.getKey().name()).append(' ');
      Edn.print(sb, e.getValue());
    }
    sb.append('}');
  }

  /** Op {@code i} as one JSON object. */
  static void writeJsonOp(JsonGenerator g, History h, int i) throws IOException {
    g.writeStartObject();
    g.writeNumberField("index", h.index(i));
    if (h.time(i) != -1) {
      g.writeNumberField("time", h.time(i));
    }
    g.writeStringField("type", h.type(i).keyword().name());
    int p = h.process(i);
    if (p >= 0) {
      g.writeNumberField("process", p);
    } else if (p != History.NO_PROCESS) {
      g.writeStringField("process", h.processName(p).name());
    }
    if (h.f(i) != null) {
      g.writeStringField("f", h.f(i).name());
    }
    g.writeFieldName("value");
    writeJsonValue(g, h.value(i));
    Object err = untagged(h.error(i));
    if (err != null) {
      g.writeFieldName("error");
      writeJsonValue(g, err);
    }
    for (Map.Entry<Keyword, Object> e : h.extras(i).entrySet()) {
      g.writeFieldName(e.getKey().name());
      writeJsonValue(g, e.getValue());
    }
    g.writeEndObject();
  }

  /**
   * Writes op {@code i} as {@link #writeJsonOp} does, straight as bytes, when all it holds is numbers, keywords,
   * plain ASCII strings, booleans, nil and collections of them; returns false as soon as it meets anything else.
   */
  private static boolean fastJson(LineSink out, History h, int i) {
    out.raw(JSON_INDEX);
    out.number(h.index(i), out.index);
    if (h.time(i) != -1) {
      out.raw(JSON_TIME);
      out.number(h.time(i), out.time);
    }
    out.raw(JSON_TYPE[h.type(i).ordinal()]);
    int p = h.process(i);
    if (p >= 0) {
      out.raw(JSON_PROCESS);
      out.number(p);
    } else if (p != History.NO_PROCESS) {
      out.raw(JSON_PROCESS_NAME);
      if (!out.plain(h.processName(p).name())) {
        return false;
      }
      out.put('"');
    }
    if (h.f(i) != null) {
      out.raw(JSON_F);
      if (!out.plain(h.f(i).name())) {
        return false;
      }
      out.put('"');
    }
    out.raw(JSON_VALUE);
    if (!jsonValue(out, h.value(i))) {
      return false;
    }
    Object err = untagged(h.error(i));
    if (err != null) {
      out.raw(JSON_ERROR);
      if (!jsonValue(out, err)) {
        return false;
      }
    }
    int extras = h.extraCount(i);
    if (extras > 1 && h.extraKeyRepeats(i)) {
      return false;
    }
    for (int k = 0; k < extras; k++) {
      out.put(',');
      if (!jsonString(out, h.extraKey(i, k).name())) {
        return false;
      }
      out.put(':');
      if (!jsonValue(out, h.extraValue(i, k))) {
        return false;
      }
    }
    out.put('}');
    return true;
  }

  private static boolean jsonString(LineSink out, String s) {
    out.put('"');
    if (!out.plain(s)) {
      return false;
    }
    out.put('"');
    return true;
  }

  /** {@link #writeJsonValue} for the values {@link #fastJson} writes, in its order of cases; false for any other. */
  private static boolean jsonValue(LineSink out, Object v) {
    if (v == null) {
      out.raw(JSON_NULL);
    } else if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
      out.number(((Number) v).longValue());
    } else if (v instanceof String s) {
      return jsonString(out, s);
    } else if (v instanceof Keyword k) {
      return jsonString(out, k.name());
    } else if (v instanceof List<?> list) {
      out.put('[');
      for (int i = 0, n = list.size(); i < n; i++) {
        if (i > 0) {
          out.put(',');
        }
        if (!jsonValue(out, list.get(i))) {
          return false;
        }
      }
      out.put(']');
    } else if (v instanceof Map<?, ?> map) {
      out.put('{');
      java.util.Set<String> written = map.size() > 1 ? new java.util.HashSet<>() : null;
      boolean first = true;
      for (Map.Entry<?, ?> e : map.entrySet()) {
        String key = jsonKey(e.getKey());
        if (written == null || written.add(key)) {
          if (!first) {
            out.put(',');
          }
          first = false;
          if (!jsonString(out, key)) {
            return false;
          }
          out.put(':');
          if (!jsonValue(out, e.getValue())) {
            return false;
          }
        }
      }
      out.put('}');
    } else if (v instanceof Collection<?> c) {
      out.put('[');
      boolean first = true;
      for (Object e : c) {
        if (!first) {
          out.put(',');
        }
        first = false;
        if (!jsonValue(out, e)) {
          return false;
        }
      }
      out.put(']');
    } else if (v instanceof Boolean b) {
      out.ascii(b ? "true" : "false");
    } else {
      return false;
    }
    return true;
  }

  /** Writes an EDN value as JSON: keywords, symbols and characters as strings, sets and lists as arrays. */
  static void writeJsonValue(JsonGenerator g, Object v) throws IOException {
    if (v == null) {
      g.writeNull();
    } else if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
      g.writeNumber(((Number) v).longValue());
    } else if (v instanceof String s) {
      g.writeString(s);
    } else if (v instanceof Keyword k) {
      g.writeString(k.name());
    } else if (v instanceof List<?> list) {
      g.writeStartArray();
      for (int i = 0, n = list.size(); i < n; i++) {
        writeJsonValue(g, list.get(i));
      }
      g.writeEndArray();
    } else if (v instanceof Map<?, ?> map) {
      g.writeStartObject();
      java.util.Set<String> written = map.size() > 1 ? new java.util.HashSet<>() : null;
      for (Map.Entry<?, ?> e : map.entrySet()) {
        String key = jsonKey(e.getKey());
        // Distinct EDN keys can share a JSON name (:a and "a"); JSON keeps the first, so that reading it back and
        // writing again gives the same text.
        if (written == null || written.add(key)) {
          g.writeFieldName(key);
          writeJsonValue(g, e.getValue());
        }
      }
      g.writeEndObject();
    } else if (v instanceof Collection<?> c) {
      g.writeStartArray();
      for (Object e : c) {
        writeJsonValue(g, e);
      }
      g.writeEndArray();
    } else if (v instanceof Boolean b) {
      g.writeBoolean(b);
    } else if (v instanceof Double || v instanceof Float) {
      double d = ((Number) v).doubleValue();
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        g.writeString(Double.toString(d));
      } else {
        g.writeNumber(d);
      }
    } else if (v instanceof BigInteger b) {
      g.writeNumber(b);
    } else if (v instanceof BigDecimal d) {
      // JSON readers see a double; writing one keeps EDN -> JSON -> EDN -> JSON a fixed point.
      g.writeNumber(d.doubleValue());
    } else if (v instanceof Character || v instanceof Symbol) {
      g.writeString(v.toString());
    } else if (v instanceof Tagged t) {
      writeJsonValue(g, t.value());
    } else {
      throw new IllegalArgumentException("not an EDN value: " + v.getClass().getName());
    }
  }

  /** What JSON shows of a value: a tagged element shows its value, so {@code #tag nil} is null. */
  private static Object untagged(Object v) {
    while (v instanceof Tagged t) {
      v = t.value();
    }
    return v;
  }

  private static String jsonKey(Object k) {
    if (k instanceof String s) {
      return s;
    }
    if (k instanceof Keyword kw) {
      return kw.name();
    }
    if (k == null) {
      return "nil";
    }
    if (k instanceof Long || k instanceof Symbol || k instanceof Character) {
      return k.toString();
    }
    return Edn.print(k);
  }
}
