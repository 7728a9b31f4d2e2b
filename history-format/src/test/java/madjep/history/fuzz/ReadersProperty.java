package madjep.history.fuzz;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import madjep.history.DataError;
import madjep.history.History;
import madjep.history.fuzz.ReferenceEdn.Rejected;
import madjep.history.io.HistoryFormat;
import madjep.history.io.HistoryReader;
import madjep.history.txn.TxnEdnReader;
import madjep.history.txn.TxnHistories;
import madjep.history.txn.TxnHistory;

/**
 * The property of issue 9 that the fuzzer checks on every input, for every reader: the reader either fails with a
 * {@link DataError} that names a line (and column) inside the input or an op, or returns exactly the ops that a second,
 * independent reading of the same bytes ({@link ReferenceReadings}) says they hold. Anything else, another exception,
 * an {@link Error}, or a history that differs from the reference, fails with the input in the message. The streaming
 * transaction reader must return either null or what the generic reader returns.
 */
public final class ReadersProperty {
  private ReadersProperty() {}

  /** Checks every reader on {@code data}; throws {@link AssertionError} when one breaks the property. */
  public static void check(byte[] data) {
    HistoryFormat detected = detect(data);
    checkReader(data, null, detected);
    for (HistoryFormat f : HistoryFormat.values()) {
      if (f != detected) {
        checkReader(data, f, f);
      }
    }
    checkTxnReader(data);
  }

  private static HistoryFormat detect(byte[] data) {
    int from = ReferenceReadings.hasByteOrderMark(data) ? 3 : 0;
    byte[] head = java.util.Arrays.copyOfRange(data, from, Math.min(data.length, from + 4096));
    return HistoryFormat.detect(head, head.length);
  }

  private static History read(byte[] data, HistoryFormat format) throws IOException {
    return HistoryReader.read(new ByteArrayInputStream(data), "fuzz", format);
  }

  private static void checkReader(byte[] data, HistoryFormat asked, HistoryFormat format) {
    History h;
    try {
      h = read(data, asked);
    } catch (DataError e) {
      requirePosition(e, data, format);
      return;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (format == HistoryFormat.ETCD) {
      // Partial: etcd reports have no second reading yet, so an accepted report is not compared op for op; a
      // refused one must still say where (above), and no other exception may escape.
      return;
    }
    List<String> expected;
    try {
      expected = ReferenceReadings.ops(data, format);
    } catch (Rejected r) {
      throw fail(data, format, "silent accept: the reader read " + h.size() + " ops where the reference reading "
          + "finds no history (" + r.getMessage() + ")");
    }
    List<String> actual = Canon.ops(h, format == HistoryFormat.JSON);
    if (!expected.equals(actual)) {
      throw fail(data, format, "silent accept: the reader read\n  " + actual + "\nwhere the reference reads\n  " + expected);
    }
  }

  /** A data error must say where: a line inside the input (one past the last for "the end"), or an op. */
  static void requirePosition(DataError e, byte[] data, HistoryFormat format) {
    int lines = lineCount(data);
    boolean positioned = (e.line() >= 1 && e.line() <= lines + 1 && e.column() >= 1) || e.opIndex() >= 0;
    if (!positioned || !e.getMessage().contains("expected")) {
      throw fail(data, format, "a data error without a position inside the input (" + lines + " lines): "
          + e.getMessage());
    }
  }

  /** Lines as every reader counts them: LF, CRLF and a lone CR each end one. */
  static int lineCount(byte[] d) {
    int n = 1;
    for (int i = 0; i < d.length; i++) {
      if (d[i] == '\n' || (d[i] == '\r' && (i + 1 == d.length || d[i + 1] != '\n'))) {
        n++;
      }
    }
    return n;
  }

  private static void checkTxnReader(byte[] data) {
    TxnHistory fast;
    try {
      fast = TxnEdnReader.read(new ByteArrayInputStream(data), "fuzz", data.length);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (fast == null) {
      return;
    }
    TxnHistory slow;
    try {
      slow = TxnHistories.of(read(data, HistoryFormat.EDN).requireWellFormed());
    } catch (DataError e) {
      throw fail(data, HistoryFormat.EDN, "the transaction reader accepted what the generic reader refuses: "
          + e.getMessage());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String why = TxnHistoryDiff.firstDifference(slow, fast);
    if (why != null) {
      throw fail(data, HistoryFormat.EDN, "the transaction reader differs from the generic reader: " + why);
    }
  }

  private static AssertionError fail(byte[] data, HistoryFormat format, String what) {
    return new AssertionError(format + ": " + what + "\ninput (" + data.length + " bytes, Latin-1): "
        + new String(data, 0, Math.min(data.length, 2000), StandardCharsets.ISO_8859_1));
  }
}
