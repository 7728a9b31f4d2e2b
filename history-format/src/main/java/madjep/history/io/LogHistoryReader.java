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
 * <p>Lines end at LF, CRLF or a lone CR. Lines that are plainly not ops (setup, nemesis chatter from other
 * namespaces) are skipped and counted in {@link History#readingNotes()}. A line that looks like an op (a process, an
 * op type such as {@code :invoke}, a function) but does not parse, or whose prefix is damaged, is an error, never
 * skipped; so is a file that is not blank but holds no op line.
 */
final class LogHistoryReader {
  private static final byte[] MARKER = "jepsen.util".getBytes(StandardCharsets.US_ASCII);
  static final String SKIPPED = "log lines that are not ops (other loggers, messages) skipped";
  private static final String[] TYPES = {":invoke", ":ok", ":fail", ":info"};

  private final InputStream in;
  private final String source;
  private final HistoryBuilder b;
  private final EdnParser p;
  private byte[] buf;
  private int lim;
  private int pos;
  private boolean eof;
  private int lineNo;
  /** The previous line ended with a CR: an LF right after it completes a CRLF, not an empty line. */
  private boolean afterCr;
  private int nonBlankLines;

  private LogHistoryReader(InputStream in, String source) {
    this.in = in;
    this.source = source;
    this.buf = new byte[EdnParser.bufferSize(in, 1 << 16)];
    this.b = new HistoryBuilder(source);
    this.p = new EdnParser(new byte[0], 0, 0, source, 1);
  }

  static History read(InputStream in, String source) throws IOException {
    return new LogHistoryReader(in, source).readAll();
  }

  private History readAll() throws IOException {
    while (true) {
      if (afterCr) {
        if (pos < lim) {
          if (buf[pos] == '\n') {
            pos++;
            scanFrom = pos;
          }
          afterCr = false;
        } else if (!eof) {
          readMore();
          continue;
        }
      }
      int nl = findNewline();
      if (nl >= 0) {
        lineNo++;
        parseLine(pos, nl);
        afterCr = buf[nl] == '\r';
        pos = nl + 1;
        scanFrom = pos;
      } else if (!eof) {
        readMore();
      } else {
        if (pos < lim) {
          lineNo++;
          parseLine(pos, lim);
        }
        if (b.size() == 0 && nonBlankLines > 0) {
          throw NoOps.error(source, 1, 1, "jepsen.log lines such as 'INFO jepsen.util - 0\t:invoke\t:read\tnil'",
              "none in " + nonBlankLines + (nonBlankLines == 1 ? " line" : " lines"));
        }
        return b.build();
      }
    }
  }

  /** Where the search for the next line end resumes, so that a long line is not scanned twice. */
  private int scanFrom;

  private int findNewline() {
    byte[] bb = buf;
    for (int i = scanFrom; i < lim; i++) {
      byte c = bb[i];
      if (c <= '\r' && (c == '\n' || c == '\r')) {
        return i;
      }
    }
    scanFrom = lim;
    return -1;
  }

  /** Moves the partial line to the front of the buffer (growing it for long lines, up to a bound) and reads more. */
  private void readMore() throws IOException {
    int rest = lim - pos;
    if (pos == 0 && rest == buf.length) {
      if (buf.length >= EdnParser.MAX_TOKEN_BYTES) {
        throw new DataError(source, lineNo + 1, 1, -1, "expected a line of at most "
            + (EdnParser.MAX_TOKEN_BYTES >> 20) + " MiB, found a longer one");
      }
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
    if (blank(start, end)) {
      return;
    }
    nonBlankLines++;
    if (!parseOp(start, end)) {
      int at = opShape(start, end);
      if (at >= 0) {
        throw new DataError(source, lineNo, at - start + 1, -1,
            "expected an op line such as 'INFO jepsen.util - 4\t:invoke\t:read\tnil', found an op whose prefix is"
                + " damaged: '" + new String(buf, start, Math.min(end - start, 60), StandardCharsets.UTF_8) + "'");
      }
      b.note(SKIPPED, "line");
    }
  }

  /** Reads the op of a {@code jepsen.util} line; false when the line is not one. */
  private boolean parseOp(int start, int end) {
    int m = indexOf(start, end);
    if (m < 0) {
      return false;
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
        return false;
      }
    }
    p.reset(buf, i, end - i, lineNo, i - start + 1);
    int c = p.skipWhitespace();
    int col = p.column();
    boolean named = c == ':';
    if (!named && !(c >= '0' && c <= '9')) {
      return false; // a jepsen.util message that is not an op
    }
    Object process = p.readValue();
    c = p.skipWhitespace();
    if (c != ':' || !(process instanceof Long || process instanceof Keyword)) {
      return false;
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
      int vl = p.line();
      int vc = p.column();
      value = OpFields.checkValue(p.readValue(), source, vl, vc);
      if (p.skipWhitespace() != EdnParser.EOF) {
        error = readError(p.arrayOffset(), end, p.column());
      }
    }
    b.add(Long.MIN_VALUE, -1, type, processCode, f, value, error, null, lineNo, col);
    return true;
  }

  private boolean blank(int start, int end) {
    for (int i = start; i < end; i++) {
      byte c = buf[i];
      if (c != ' ' && c != '\t' && c != '\f') {
        return false;
      }
    }
    return true;
  }

  /**
   * Where the line holds what looks like an op (a process number or keyword, then {@code :invoke}, {@code :ok},
   * {@code :fail} or {@code :info}, then a keyword, separated by blanks), or -1: a line that does so without a
   * readable {@code jepsen.util} prefix is damaged, not another logger's.
   */
  private int opShape(int start, int end) {
    int i = start;
    int prev = -1;
    int prevEnd = -1;
    while (i < end) {
      while (i < end && (buf[i] == ' ' || buf[i] == '\t')) {
        i++;
      }
      int s = i;
      while (i < end && buf[i] != ' ' && buf[i] != '\t') {
        i++;
      }
      if (s < i && prev >= 0 && isType(s, i)) {
        int j = i;
        while (j < end && (buf[j] == ' ' || buf[j] == '\t')) {
          j++;
        }
        if (j + 1 < end && buf[j] == ':' && buf[j + 1] != ' ' && buf[j + 1] != '\t' && isProcess(prev, prevEnd)) {
          return prev;
        }
      }
      prev = s;
      prevEnd = i;
    }
    return -1;
  }

  private boolean isType(int s, int e) {
    for (String t : TYPES) {
      if (e - s == t.length() && Arrays.equals(buf, s, e, t.getBytes(StandardCharsets.US_ASCII), 0, t.length())) {
        return true;
      }
    }
    return false;
  }

  /**
   * A process token: digits, possibly after other text (a cut prefix), or a keyword such as {@code :nemesis}; not
   * {@code :type}, which makes {@code :type :invoke :f} a map printed by another logger.
   */
  private boolean isProcess(int s, int e) {
    if (e - s >= 2 && buf[s] == ':') {
      return !(e - s == 5 && buf[s + 1] == 't' && buf[s + 2] == 'y' && buf[s + 3] == 'p' && buf[s + 4] == 'e');
    }
    int digits = 0;
    for (int k = e - 1; k >= s && buf[k] >= '0' && buf[k] <= '9'; k--) {
      digits++;
    }
    return digits > 0;
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
    return p.utf8(buf, from, end - from, lineNo, firstColumn, "the error text").strip();
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
