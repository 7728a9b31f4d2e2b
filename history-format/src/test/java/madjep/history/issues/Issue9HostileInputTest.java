package madjep.history.issues;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import madjep.history.DataError;
import madjep.history.History;
import madjep.history.HistoryProblem;
import madjep.history.edn.EdnParser;
import madjep.history.edn.Keyword;
import madjep.history.io.HistoryFormat;
import madjep.history.io.HistoryReader;
import madjep.history.txn.TxnEdnReader;
import madjep.history.txn.TxnHistory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 9, "Hostile input never wins": one regression test per finding that the readers own (items 1-6 and 11).
 * Each input is a few bytes, as the fuzzer found them.
 */
class Issue9HostileInputTest {
  private static History read(String text, HistoryFormat format) {
    return read(text.getBytes(StandardCharsets.ISO_8859_1), format);
  }

  private static History read(byte[] bytes, HistoryFormat format) {
    try {
      return HistoryReader.read(new ByteArrayInputStream(bytes), "f", format);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static DataError error(String text, HistoryFormat format) {
    return assertThrows(DataError.class, () -> read(text, format));
  }

  private static TxnHistory txn(String text) throws IOException {
    byte[] b = text.getBytes(StandardCharsets.ISO_8859_1);
    return TxnEdnReader.read(new ByteArrayInputStream(b), "f", b.length);
  }

  // 1. The transaction reader's value skipper looped on {:value [} and on a vector before a NUL.

  @ParameterizedTest
  @ValueSource(strings = {"{:value [}", "{:type :ok, :value [1 2]\u0000}", "{:type :ok, :x [}\n", "{:a \u0000}"})
  @Timeout(value = 10, unit = TimeUnit.SECONDS)
  void item1_unclosedOrNulValue_transactionReaderDeclines_genericReaderSaysWhere(String text) throws IOException {
    assertNull(txn(text));
    DataError e = error(text, HistoryFormat.EDN);
    assertEquals(1, e.line(), e.getMessage());
    assertTrue(e.column() >= 1, e.getMessage());
  }

  // 2. Deep nesting overflowed the stack; now every reader stops at EdnParser.MAX_DEPTH with a data error.

  @ParameterizedTest
  @ValueSource(strings = {"[", "{:a ", "#_", "#t ", "(", "#{"})
  void item2_nestingFarPastTheBound_isDataErrorWithPosition(String open) {
    String deep = "{:type :invoke, :process 0, :f :w, :value " + open.repeat(100_000) + "}";
    DataError e = error(deep, HistoryFormat.EDN);
    assertTrue(e.getMessage().contains("nested at most " + EdnParser.MAX_DEPTH), e.getMessage());
    assertEquals(1, e.line());
  }

  @Test
  void item2_nestingWithinTheBound_reads() {
    int depth = EdnParser.MAX_DEPTH - 2; // the op map and :value's own level count too
    String v = "[".repeat(depth) + "]".repeat(depth);
    History h = read("{:type :invoke, :process 0, :f :w, :value " + v + "}", HistoryFormat.EDN);
    assertEquals(1, h.size());
  }

  @Test
  void item2_deepValueInLogLine_isDataError() {
    DataError e = error("INFO  jepsen.util - 0\t:invoke\t:write\t" + "[".repeat(50_000) + "\n",
        HistoryFormat.JEPSEN_LOG);
    assertTrue(e.getMessage().contains("nested at most"), e.getMessage());
  }

  @Test
  void item2_deepJson_isDataErrorWithLineAndColumn() {
    DataError e = error("{\"type\": \"invoke\", \"value\": " + "[".repeat(100_000) + "}", HistoryFormat.JSON);
    assertEquals(1, e.line(), e.getMessage());
    assertTrue(e.column() > 1, e.getMessage());
  }

  // 3. A NUL or vertical tab inside a keyword, or a history cut right after ':', exited 70.

  @ParameterizedTest
  @ValueSource(strings = {"{:type :inv\u0000oke}", "{:type :inv\u000boke}", "{:type :invoke, :f :", "{:type :",
      "{:ty\u000bpe :invoke}"})
  void item3_controlByteInKeywordOrCutAfterColon_isDataError(String text) throws IOException {
    DataError e = error(text, HistoryFormat.EDN);
    assertEquals(1, e.line());
    assertTrue(e.getMessage().contains("expected"), e.getMessage());
    assertNull(txn(text));
  }

  @Test
  void item3_controlByte_isNamedInTheMessage() {
    DataError e = error("{:type :invoke, :f :re\u000bad}", HistoryFormat.EDN);
    assertTrue(e.getMessage().contains("control byte 0x0b"), e.getMessage());
  }

  // 4. check txn sized its arrays from the file size before reading the first byte.

  @Test
  void item4_hugeSparseFile_transactionReaderDeclinesWithoutReservingItsSize(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("sparse.edn");
    try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
      raf.setLength(2L << 30);
    }
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long before = threads.getCurrentThreadAllocatedBytes();
    assertNull(TxnEdnReader.readIfSimple(f));
    long allocated = threads.getCurrentThreadAllocatedBytes() - before;
    assertTrue(allocated < 64L << 20, "allocated " + allocated + " bytes to decline a 2 GiB file");
    DataError e = assertThrows(DataError.class, () -> HistoryReader.read(f));
    assertEquals(1, e.line());
    assertEquals(1, e.column());
  }

  @Test
  void item4_logLineLongerThanTheBound_isDataErrorNotNegativeArraySize() {
    byte[] head = "INFO  jepsen.util - 0\t:invoke\t:write\t\"".getBytes(StandardCharsets.US_ASCII);
    long total = head.length + (long) EdnParser.MAX_TOKEN_BYTES + 10;
    InputStream in = new InputStream() {
      long at;

      @Override
      public int read() {
        return at >= total ? -1 : (int) (at < head.length ? head[(int) at++] : 'a' + 0 * at++);
      }

      @Override
      public int read(byte[] b, int off, int len) {
        if (at >= total) {
          return -1;
        }
        int n = (int) Math.min(len, total - at);
        for (int i = 0; i < n; i++) {
          b[off + i] = at < head.length ? head[(int) at] : (byte) 'a';
          at++;
        }
        return n;
      }
    };
    DataError e = assertThrows(DataError.class, () -> HistoryReader.read(in, "long.log", HistoryFormat.JEPSEN_LOG));
    assertTrue(e.getMessage().contains("at most " + (EdnParser.MAX_TOKEN_BYTES >> 20) + " MiB"), e.getMessage());
  }

  // 5. Corrupted input accepted with a verdict.

  @Test
  void item5_logWithCrOnlyLineEndings_readsEveryOpOnItsLine() {
    String log = "INFO  jepsen.util - 0\t:invoke\t:write\t1\rINFO  jepsen.util - 0\t:ok\t:write\t1\r"
        + "INFO  jepsen.util - 1\t:invoke\t:read\tnil\r\nINFO  jepsen.util - 1\t:ok\t:read\t2\r";
    History h = read(log, HistoryFormat.JEPSEN_LOG);
    assertEquals(4, h.size());
    assertEquals(List.of(1, 2, 3, 4), List.of(h.line(0), h.line(1), h.line(2), h.line(3)));
    assertEquals(2L, h.value(3));
  }

  @Test
  void item5_ednWithCommentsAndCrOnlyLineEndings_readsEveryOp() throws IOException {
    String edn = "; a comment\r{:type :invoke, :process 0, :f :txn, :value [[:append :x 1]]}\r; another\r"
        + "{:type :ok, :process 0, :f :txn, :value [[:append :x 1]]}\r";
    History h = read(edn, HistoryFormat.EDN);
    assertEquals(2, h.size());
    assertEquals(2, h.line(0));
    assertEquals(4, h.line(1));
    TxnHistory t = txn(edn);
    assertEquals(1, t.size());
    assertEquals(4, t.line(0));
  }

  @Test
  void item5_logLineCutInsideNil_isDataError() {
    DataError e = error("INFO  jepsen.util - 0\t:invoke\t:read\tni\n", HistoryFormat.JEPSEN_LOG);
    assertTrue(e.getMessage().contains("symbol ni"), e.getMessage());
    assertEquals(1, e.line());
  }

  @Test
  void item5_completionOfAnotherFunction_isPairingProblem() {
    History h = read("INFO  jepsen.util - 0\t:invoke\t:write\t3\nINFO  jepsen.util - 0\t:ok\t:wri\n",
        HistoryFormat.JEPSEN_LOG);
    assertEquals(1, h.problems().size());
    HistoryProblem p = h.problems().get(0);
    assertEquals(HistoryProblem.Kind.COMPLETION_OF_ANOTHER_FUNCTION, p.kind());
    assertEquals(2, p.line());
    assertThrows(DataError.class, h::requireWellFormed);
  }

  @ParameterizedTest
  @ValueSource(strings = {"{:type :invoke, :process 0, :f :w, :value \u00005}", "INFO  jepsen.util - 0\t:invoke\t:w\t\u00005"})
  void item5_nulBeforeNumber_isDataError(String text) {
    DataError e = error(text, null);
    assertTrue(e.getMessage().contains("control byte 0x00"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"{:type :invoke, :process 0, :f :w, :value \"a\u00ffb\"}",
      "{:type :invoke, :process 0, :f :w\u00e9, :value 1}", "{:type :invoke, :process 0, :f :w, :value sym\u00c3}"})
  void item5_invalidUtf8_isDataErrorNotReplacementCharacter(String latin1) {
    DataError e = error(latin1, HistoryFormat.EDN);
    assertTrue(e.getMessage().contains("UTF-8"), e.getMessage());
  }

  @Test
  void item5_validUtf8_readsAsWritten() {
    History h = read("{:type :invoke, :process 0, :f :w, :value \"caf\u00e9 \u2603\"}".getBytes(StandardCharsets.UTF_8),
        HistoryFormat.EDN);
    assertEquals("caf\u00e9 \u2603", h.value(0));
  }

  @ParameterizedTest
  @ValueSource(strings = {"INFO  jepsen.utl - 0\t:invoke\t:read\tnil\n", "INFO  jepsen.util = 0\t:invoke\t:read\tnil\n",
      "til - 0\t:invoke\t:read\tnil\n", "INFO  jepsen.util - 0\t:invoke\t:read\tnil\nepsen.util - 1\t:ok\t:read\t3\n"})
  void item5_logLineWithDamagedPrefix_isDataErrorNotSkipped(String log) {
    DataError e = error(log, HistoryFormat.JEPSEN_LOG);
    assertTrue(e.getMessage().contains("prefix is damaged"), e.getMessage());
  }

  @Test
  void item5_linesOfOtherLoggers_areSkippedAndCounted() {
    History h = read("INFO  jepsen.core - Running test\nINFO  jepsen.util - 0\t:invoke\t:read\tnil\n"
        + "WARN  jepsen.db - something :ok happened\nINFO  jepsen.util - 0\t:ok\t:read\t1\n\n"
        + "INFO  jepsen.generator - emitted {:type :invoke :f :read :value nil}\n", HistoryFormat.JEPSEN_LOG);
    assertEquals(2, h.size());
    assertEquals(List.of("log lines that are not ops (other loggers, messages) skipped (3 lines)"), h.readingNotes());
  }

  @Test
  void item5_randomBytesOrPasswd_isDataErrorNotEmptyHistory() {
    DataError e = error("root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n", null);
    assertTrue(e.getMessage().contains("expected at least one op"), e.getMessage());
    java.util.SplittableRandom r = new java.util.SplittableRandom(9);
    for (int i = 0; i < 200; i++) {
      byte[] junk = new byte[1 + r.nextInt(300)];
      for (int k = 0; k < junk.length; k++) {
        junk[k] = (byte) r.nextInt(256);
      }
      boolean blank = true;
      for (byte b : junk) {
        blank &= b == ' ' || b == '\n' || b == '\t' || b == '\r';
      }
      if (!blank) {
        assertThrows(DataError.class, () -> read(junk, null), "junk " + i);
      }
    }
  }

  @Test
  void item5_onlyCommentsOrDiscards_isDataError_blankOrEmptyCollectionIsEmpty() {
    assertTrue(error("; just a comment\n", HistoryFormat.EDN).getMessage().contains("expected at least one op"));
    assertTrue(error("#_{:type :ok}", HistoryFormat.EDN).getMessage().contains("expected at least one op"));
    assertEquals(0, read(" \n\t\r\n", null).size());
    assertEquals(0, read("[]", null).size());
    assertEquals(0, read("[]", HistoryFormat.JSON).size());
  }

  // 6. Jackson's limit errors had no FILE:LINE:COLUMN.

  @Test
  void item6_jsonNumberPastJacksonsLimit_hasLineAndColumn() {
    DataError e = error("{\"type\": \"invoke\", \"process\": 0,\n \"value\": " + "9".repeat(5000) + "}",
        HistoryFormat.JSON);
    assertEquals(2, e.line(), e.getMessage());
    assertTrue(e.column() >= 1, e.getMessage());
    assertTrue(e.getMessage().startsWith("f:2:"), e.getMessage());
  }

  // 11. The EDN reader rejected a UTF-8 byte order mark.

  @ParameterizedTest
  @ValueSource(strings = {"{:type :invoke, :process 0, :f :txn, :value [[:append :x 1]]}\n",
      "{\"type\": \"invoke\", \"process\": 0, \"f\": \"read\"}\n", "INFO  jepsen.util - 0\t:invoke\t:read\tnil\n"})
  void item11_byteOrderMark_isSkippedByEveryReader(String text) throws IOException {
    byte[] body = text.getBytes(StandardCharsets.UTF_8);
    byte[] withBom = new byte[body.length + 3];
    withBom[0] = (byte) 0xEF;
    withBom[1] = (byte) 0xBB;
    withBom[2] = (byte) 0xBF;
    System.arraycopy(body, 0, withBom, 3, body.length);
    History h = read(withBom, null);
    assertEquals(1, h.size());
    assertEquals(Keyword.of("invoke"), h.type(0).keyword());
  }

  @Test
  void item11_byteOrderMark_transactionReaderSkipsItToo() throws IOException {
    String ops = "{:type :invoke, :process 0, :f :txn, :value [[:append :x 1]]}\n"
        + "{:type :ok, :process 0, :f :txn, :value [[:append :x 1]]}\n";
    assertEquals(1, txn("\u00ef\u00bb\u00bf" + ops).size());
  }

  @Test
  void item3_transactionCutAfterColon_inAFile_isDataErrorOnItsLine(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("cut.edn");
    Files.writeString(f, "{:type :invoke, :process 0, :f :txn, :value [[:append :x 1]]}\n{:type :ok, :process 0, :f :");
    assertNull(TxnEdnReader.readIfSimple(f));
    DataError e = assertThrows(DataError.class, () -> HistoryReader.read(f));
    assertEquals(2, e.line(), e.getMessage());
  }
}
