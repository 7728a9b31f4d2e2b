package madjep.history.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * EDN values as JSON, with the conventions of {@link HistoryWriter}: keywords, symbols and characters become
 * strings, sets and lists arrays, map keys strings. Checkers describe results as EDN data; the CLI writes that
 * data as {@code results.edn} with {@link madjep.history.edn.Edn} and as {@code results.json} with this class.
 */
public final class JsonValues {
  private static final JsonFactory JSON = JsonFactory.builder().build();

  private JsonValues() {}

  /** The JSON text of an EDN value; indented when {@code pretty}. */
  public static String toJson(Object value, boolean pretty) {
    StringWriter w = new StringWriter();
    try (JsonGenerator g = JSON.createGenerator(w)) {
      if (pretty) {
        g.useDefaultPrettyPrinter();
      }
      HistoryWriter.writeJsonValue(g, value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return w.toString();
  }

  /** Writes the JSON text of an EDN value to a stream, which is flushed but not closed. */
  public static void write(Object value, OutputStream out, boolean pretty) throws IOException {
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
      if (pretty) {
        g.useDefaultPrettyPrinter();
      }
      HistoryWriter.writeJsonValue(g, value);
    }
    out.flush();
  }
}
