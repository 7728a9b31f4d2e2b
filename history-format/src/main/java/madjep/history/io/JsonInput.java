package madjep.history.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.BufferedInputStream;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import madjep.history.DataError;
import madjep.history.edn.EdnParser;

/**
 * What the JSON readers (op objects, etcd reports) share: Jackson with the bounds every reader has (nesting depth and
 * string length, EdnParser's), a UTF-8 start, and one way to turn Jackson's failures into a {@link DataError} with a
 * position.
 */
final class JsonInput {
  private JsonInput() {}

  /** Jackson with the shared bounds. */
  static final JsonFactory FACTORY = factory(false);

  /** The same, refusing a field name repeated in one object (etcd's encoder never writes one). */
  static final JsonFactory STRICT_FACTORY = factory(true);

  private static JsonFactory factory(boolean strictDuplicates) {
    return JsonFactory.builder()
        .streamReadConstraints(StreamReadConstraints.builder()
            .maxNestingDepth(EdnParser.MAX_DEPTH)
            .maxStringLength(EdnParser.MAX_TOKEN_BYTES)
            .build())
        .configure(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION, strictDuplicates)
        .build();
  }

  /** {@code in}, able to mark, after checking that its first bytes do not make Jackson guess UTF-16 or UTF-32. */
  static InputStream utf8(InputStream in, String source) throws IOException {
    if (!in.markSupported()) {
      in = new BufferedInputStream(in);
    }
    requireUtf8Start(in, source);
    return in;
  }

  /**
   * JSON is UTF-8 (RFC 8259). Jackson would guess UTF-16 or UTF-32 from zero bytes or a byte-order mark among the
   * first four bytes and fail with an I/O error that has no position: such a start is a data error here.
   */
  private static void requireUtf8Start(InputStream in, String source) throws IOException {
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

  /** Jackson's decoding of bytes that are not UTF-8, at the start (it gives no position). */
  static DataError notUtf8(String source, CharConversionException e) {
    return new DataError(source, 1, 1, -1, "expected UTF-8 JSON, found " + firstLine(e.getMessage()));
  }

  /** Syntax errors and Jackson's limits (nesting depth, number and string length) alike: where, then what. */
  static DataError invalid(String source, JsonProcessingException e, JsonParser jp) {
    JsonLocation loc = e.getLocation();
    if ((loc == null || loc.getLineNr() <= 0) && jp != null) {
      loc = jp.currentLocation();
    }
    int line = loc == null ? 0 : Math.max(1, loc.getLineNr());
    return new DataError(source, line, loc == null ? 0 : Math.max(1, loc.getColumnNr()), -1,
        "expected valid JSON: " + firstLine(e.getOriginalMessage()));
  }

  static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
