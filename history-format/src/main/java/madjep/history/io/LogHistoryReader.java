package madjep.history.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import madjep.history.DataError;
import madjep.history.History;
import madjep.history.HistoryBuilder;
import madjep.history.OpType;
import madjep.history.edn.EdnParser;
import madjep.history.edn.Keyword;

/**
 * Reads the op lines of a {@code jepsen.log}: {@code INFO  jepsen.util - 4	:invoke	:read	nil} (Porcupine's
 * corpus) or {@code 2023-05-10 14:29:03,842{GMT}	INFO	[jepsen worker 2] jepsen.util: 2	:invoke	:read	nil}
 * (current Jepsen). After the {@code jepsen.util} marker come, separated by tabs or spaces, the process, the type,
 * the function, the value (EDN, to the end of the line) and an optional error.
 *
 * <p>Other log lines (setup, nemesis chatter from other namespaces) are skipped. A line from {@code jepsen.util}
 * that starts like an op (a process, then a keyword) but does not parse is an error, never skipped.
 */
final class LogHistoryReader {
  private static final byte[] MARKER = "jepsen.util".getBytes(StandardCharsets.US_ASCII);

  private final InputStream in;
  private final String source;
  private final HistoryBuilder b;
  private final EdnParser p;
  private byte[] buf = new byte[1 << 16];
  private int lim;
  private int pos;
  private boolean eof;
  private int lineNo;

  private LogHistoryReader(InputStream in, String source) {
    this.in = in;
    this.source = source;
    this.b = new HistoryBuilder(source);
    this.p = new EdnParser(new byte[0], 0, 0, source, 1);
  }

  static History read(InputStream in, String source) throws IOException {
    return new LogHistoryReader(in, source).readAll();
  }

  private History readAll() throws IOException {
    while (true) {
      int nl = findNewline();
      if (nl >= 0) {
        lineNo++;
        parseLine(pos, nl);
        pos = nl + 1;
        scanFrom = pos;
      } else if (!eof) {
        readMore();
      } else {
        if (pos < lim) {
          lineNo++;
          parseLine(pos, lim);
        }
        return b.build();
      }
    }
  }

  /** Where the search for the next newline resumes, so that a long line is not scanned twice. */
  private int scanFrom;

  private int findNewline() {
    for (int i = scanFrom; i < lim; i++) {
      if (buf[i] == '\n') {
        return i;
      }
    }
    scanFrom = lim;
    return -1;
  }

  /** Moves the partial line to the front of the buffer (growing it for very long lines) and reads more. */
  private void readMore() throws IOException {
    int rest = lim - pos;
    if (pos == 0 && rest == buf.length) {
      buf = Arrays.copyOf(buf, buf.length * 2);
    } else {
      System.arraycopy(buf, pos, buf, 0, rest);
    }
    scanFrom -= pos;
    pos = 0;
    lim = rest;
    int n = in.read(buf, lim, buf.length - lim);
    if (n < 0) {
      eof = true;
    } else {
      lim += n;
    }
  }

  private void parseLine(int start, int end) {
    if (end > start && buf[end - 1] == '\r') {
      end--;
    }
    int m = indexOf(start, end);
    if (m < 0) {
      return;
    }
    int i = m + MARKER.length;
    // "jepsen.util - 4 ..." or "jepsen.util: 4 ..."
    if (i < end && buf[i] == ':') {
      i++;
    } else {
      while (i < end && buf[i] == ' ') {
        i++;
      }
      if (i < end && buf[i] == '-') {
        i++;
      } else {
        return;
      }
    }
    p.reset(buf, i, end - i, lineNo, i - start + 1);
    int c = p.skipWhitespace();
    int col = p.column();
    boolean named = c == ':';
    if (!named && !(c >= '0' && c <= '9')) {
      return; // a jepsen.util message that is not an op
    }
    Object process = p.readValue();
    c = p.skipWhitespace();
    if (c != ':' || !(process instanceof Long || process instanceof Keyword)) {
      return;
    }
    int processCode = named ? b.namedProcess((Keyword) process) : b.clientProcess((Long) process, lineNo, col);
    int tl = p.line();
    int tc = p.column();
    Keyword typeName = p.readKeyword("an op type");
    OpType type = OpType.of(typeName);
    if (type == null) {
      throw new DataError(DataError.Kind.OP_TYPE, source, tl, tc, -1, "expected an op type (:invoke, :ok, :fail or :info), found " + typeName);
    }
    Keyword f = p.readKeyword("an op function such as :read");
    Object value = null;
    Object error = null;
    if (p.skipWhitespace() != EdnParser.EOF) {
      value = p.readValue();
      if (p.skipWhitespace() != EdnParser.EOF) {
        error = readError(p.arrayOffset(), end, p.column());
      }
    }
    b.add(Long.MIN_VALUE, -1, type, processCode, f, value, error, null, lineNo, col);
  }

  /**
   * Jepsen logs the error with {@code str}, not {@code pr-str}: {@code indeterminate: timeout} is bare text. The
   * rest of the line is the error: one EDN value when it parses as exactly one, else the text itself.
   */
  private Object readError(int from, int end, int firstColumn) {
    try {
      p.reset(buf, from, end - from, lineNo, firstColumn);
      Object v = p.readValue();
      if (p.skipWhitespace() == EdnParser.EOF) {
        return v;
      }
    } catch (DataError notOneValue) {
      // fall through: keep the text
    }
    return new String(buf, from, end - from, StandardCharsets.UTF_8).strip();
  }

  private int indexOf(int start, int end) {
    outer:
    for (int i = start; i + MARKER.length <= end; i++) {
      for (int k = 0; k < MARKER.length; k++) {
        if (buf[i + k] != MARKER[k]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
