package madjep.history.io;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import madjep.history.DataError;
import madjep.history.History;
import madjep.history.edn.EdnParser;

/**
 * Reads a history from EDN, JSON or a Jepsen log, streaming: the text is never held whole in memory. Example:
 *
 * <pre>{@code
 * History h = HistoryReader.read(Path.of("store/latest/history.edn"));
 * h.requireWellFormed();
 * }</pre>
 *
 * <p>Syntax errors and ops that cannot be represented throw {@link DataError} with file, line and column. Ops that
 * do not pair up are reported in {@link History#problems()}.
 */
public final class HistoryReader {
  private static final int DETECT_BYTES = 4096;

  private HistoryReader() {}

  /** Reads a file, detecting its format from its content; a directory is read as an etcd report. */
  public static History read(Path file) throws IOException {
    return read(file, null);
  }

  /** Reads a file in the given format, or detects it when {@code format} is null. */
  public static History read(Path file, HistoryFormat format) throws IOException {
    String source = file.toString();
    if (Files.isDirectory(file)) {
      // An etcd robustness report: every client-*/operations.json in it, merged (or a data error saying so).
      return EtcdReportReader.readReport(file);
    }
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, source, format);
    } catch (NoSuchFileException e) {
      throw new DataError(source, 0, 0, -1, "expected a history file, found no such file");
    }
  }

  /** Reads a stream in the given format, or detects it when {@code format} is null; {@code source} names it. */
  public static History read(InputStream raw, String source, HistoryFormat format) throws IOException {
    BufferedInputStream in = new BufferedInputStream(raw, EdnParser.bufferSize(raw, 1 << 16));
    skipByteOrderMark(in);
    if (format == null) {
      format = detect(in);
    }
    try {
      return switch (format) {
        case EDN -> EdnHistoryReader.read(in, source);
        case JSON -> JsonHistoryReader.read(in, source);
        case JEPSEN_LOG -> LogHistoryReader.read(in, source);
        case ETCD -> EtcdReportReader.read(in, source);
      };
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /**
   * Skips a UTF-8 byte order mark, which some Windows editors write: every format reads the text after it. (Columns
   * on the first line then count from after the mark, as an editor shows them.)
   */
  static void skipByteOrderMark(BufferedInputStream in) throws IOException {
    in.mark(3);
    byte[] head = new byte[3];
    int n = in.readNBytes(head, 0, 3);
    if (n < 3 || (head[0] & 0xff) != 0xEF || (head[1] & 0xff) != 0xBB || (head[2] & 0xff) != 0xBF) {
      in.reset();
    }
  }

  /** The format of a buffered stream, from its first bytes; the stream is left where it was. */
  public static HistoryFormat detect(BufferedInputStream in) throws IOException {
    in.mark(DETECT_BYTES);
    byte[] head = new byte[DETECT_BYTES];
    int n = 0;
    while (n < head.length) {
      int r = in.read(head, n, head.length - n);
      if (r < 0) {
        break;
      }
      n += r;
    }
    in.reset();
    return HistoryFormat.detect(head, n);
  }
}
