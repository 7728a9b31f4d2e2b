package madjep.history.txn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import madjep.history.io.HistoryReader;
import madjep.history.testing.Corpus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The streaming reader gives the same transactions as the generic reader, or declines and leaves it to it. */
class TxnEdnReaderTest {
  static List<String> files() {
    return List.of("elle/huge-scc.edn", "elle/si-without-g-single.edn", "elle/paper-example.edn",
        "elle-cli/elle/paper-example.edn", "elle-cli/elle/list-append-gh-30.edn", "elle-cli/elle/rw-register.edn");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void corpusFile_streamingReader_matchesGenericReader(String rel) throws IOException {
    Path f = Corpus.root().resolve(rel);
    TxnHistory fast = TxnEdnReader.readIfSimple(f);
    assertNotNull(fast, rel + " should be simple enough for the streaming reader");
    TxnHistory slow = TxnHistories.of(HistoryReader.read(f));
    assertEquals(slow.size(), fast.size());
    assertEquals(slow.mopCount(), fast.mopCount());
    assertEquals(slow.eventCount(), fast.eventCount());
    for (int e = 0; e < slow.eventCount(); e++) {
      assertEquals(slow.event(e), fast.event(e), "event " + e);
    }
    for (int t = 0; t < slow.size(); t++) {
      assertEquals(slow.type(t), fast.type(t));
      assertEquals(slow.process(t), fast.process(t));
      assertEquals(slow.index(t), fast.index(t));
      assertEquals(slow.invokeIndex(t), fast.invokeIndex(t));
      assertEquals(slow.time(t), fast.time(t));
      assertEquals(slow.line(t), fast.line(t), "line of txn " + t);
      for (int m = slow.mopStart(t); m < slow.mopStart(t + 1); m++) {
        assertEquals(slow.mopData(m), fast.mopData(m));
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "{:type :ok, :value [[:r :x \"s\"]], :process 0}",
    "{:type :invoke, :value [[:append :x 1]], :process 0}",
    "{:type :ok, :value [[:append :x 1]], :process 0}",
    "#jepsen.history.Op{:type :ok, :value [], :process 0}",
    "{:type :invoke, :value [], :process 0}\n{:type :invoke, :value [], :process 0}",
    "{:type :invoke, :value [], :process 0, :index 2}\n{:type :ok, :value [], :process 0, :index 1}",
  })
  void notSimple_streamingReader_declines(String edn) throws IOException {
    assertNull(TxnEdnReader.read(new ByteArrayInputStream(edn.getBytes(StandardCharsets.UTF_8)), "<t>"));
  }

  @ParameterizedTest
  @ValueSource(ints = {0xFF, 0xFE, 0x80})
  void byteAboveAsciiBetweenOrInCommentAfterOps_streamingReader_declines(int high) throws IOException {
    // Found by the fuzzer: 0xFF read as a signed byte was -1, "the end", and the ops after it were dropped.
    String ops = "{:type :invoke, :value [[:append 1 1]], :process 0}\n{:type :ok, :value [[:append 1 1]], :process 0}";
    for (String tail : new String[] {"", "\n; ", "\n"}) {
      byte[] head = (ops + tail).getBytes(StandardCharsets.ISO_8859_1);
      byte[] rest = "\n{:type :invoke, :value [[:r 1 nil]], :process 1}\n".getBytes(StandardCharsets.ISO_8859_1);
      byte[] b = new byte[head.length + 1 + rest.length];
      System.arraycopy(head, 0, b, 0, head.length);
      b[head.length] = (byte) high;
      System.arraycopy(rest, 0, b, head.length + 1, rest.length);
      assertNull(TxnEdnReader.read(new ByteArrayInputStream(b), "<t>"), "tail '" + tail + "', byte " + high);
    }
  }
}
