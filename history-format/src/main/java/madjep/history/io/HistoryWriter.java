package madjep.history.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import madjep.history.History;
import madjep.history.edn.Edn;
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
    switch (format) {
      case EDN -> writeEdn(h, out);
      case JSON -> writeJson(h, out);
      case JEPSEN_LOG, ETCD -> throw new IllegalArgumentException("MadJep writes EDN or JSON, not " + format.cliName());
    }
  }

  private static void writeEdn(History h, OutputStream os) throws IOException {
    Writer out = new OutputStreamWriter(new BufferedOutputStream(os, 1 << 16), StandardCharsets.UTF_8);
    StringBuilder sb = new StringBuilder(256);
    for (int i = 0, n = h.size(); i < n; i++) {
      sb.setLength(0);
      appendEdn(sb, h, i);
      sb.append('\n');
      out.append(sb);
    }
    out.flush();
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

  private static void writeJson(History h, OutputStream os) throws IOException {
    BufferedOutputStream buffered = new BufferedOutputStream(os, 1 << 16);
    try (JsonGenerator g = JSON.createGenerator(buffered)) {
      g.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
      g.setRootValueSeparator(new SerializedString("\n"));
      for (int i = 0, n = h.size(); i < n; i++) {
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
      g.writeRaw('\n');
    }
    buffered.flush();
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
