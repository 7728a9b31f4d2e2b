package madjep.history.io;

import static madjep.history.testing.EtcdReports.delete;
import static madjep.history.testing.EtcdReports.deleteResponse;
import static madjep.history.testing.EtcdReports.failed;
import static madjep.history.testing.EtcdReports.get;
import static madjep.history.testing.EtcdReports.hashed;
import static madjep.history.testing.EtcdReports.kv;
import static madjep.history.testing.EtcdReports.modRevisionIs;
import static madjep.history.testing.EtcdReports.op;
import static madjep.history.testing.EtcdReports.put;
import static madjep.history.testing.EtcdReports.putOp;
import static madjep.history.testing.EtcdReports.putResponse;
import static madjep.history.testing.EtcdReports.rangeResponse;
import static madjep.history.testing.EtcdReports.result;
import static madjep.history.testing.EtcdReports.txn;
import static madjep.history.testing.EtcdReports.txnResponse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import madjep.history.DataError;
import madjep.history.History;
import madjep.history.OpType;
import madjep.history.edn.Edn;
import madjep.history.edn.Keyword;
import madjep.history.testing.EtcdReports;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** etcd's robustness reports read as Jepsen histories: request and response as EDN, in time order. */
class EtcdReportReaderTest {
  @TempDir Path dir;

  private static History read(String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    return HistoryReader.read(new ByteArrayInputStream(bytes), "operations.json", null);
  }

  private static final Keyword REQUEST = Keyword.of("request");
  private static final Keyword RESPONSE = Keyword.of("response");

  @Test
  void oneFile_detected_opsBecomeInvokeAndCompletionWithEdnValues() throws IOException {
    String text = op(0, 10, put("a", "1"), putResponse(2), 20)
        + op(0, 30, get("a"), rangeResponse(2, kv("a", "1", 2, 1)), 40)
        + op(0, 50, txn(List.of(modRevisionIs("a", 2)), List.of(putOp("a", "2")), List.of()),
            txnResponse(false, List.of(result(null, 0, 0)), 3), 60)
        + op(0, 70, delete("a"), deleteResponse(1, 4), 80);
    assertEquals(HistoryFormat.ETCD,
        HistoryReader.detect(new java.io.BufferedInputStream(new ByteArrayInputStream(text.getBytes()))));
    History h = read(text);
    assertTrue(h.problems().isEmpty(), h.problems().toString());
    assertEquals(8, h.size());
    assertEquals(OpType.INVOKE, h.type(0));
    assertEquals(Keyword.of("txn"), h.f(0));
    assertEquals(10, h.time(0));
    assertEquals(20, h.time(1));
    assertEquals(0, h.process(0));
    assertEquals(1, h.pair(0));
    assertEquals("{:request {:if [], :then [[:put \"a\" \"1\"]], :else []}}", Edn.print(h.value(0)));
    assertEquals("{:request {:if [], :then [[:put \"a\" \"1\"]], :else []}, "
        + ":response {:revision 2, :succeeded true, :results [{}]}}", Edn.print(h.value(1)));
    assertEquals("8e9e05c52164694d", h.extra(1, Keyword.of("member-id")));
    assertEquals(Keyword.of("range"), h.f(2));
    assertEquals("{:request {:start \"a\"}, :response {:revision 2, :kvs [[\"a\" \"1\" 2 1]], :count 1}}",
        Edn.print(h.value(3)));
    assertEquals("{:if [[:mod-revision \"a\" 2]], :then [[:put \"a\" \"2\"]], :else []}",
        Edn.print(((Map<?, ?>) h.value(4)).get(REQUEST)));
    assertEquals("{:revision 4, :succeeded true, :results [{:deleted 1}]}",
        Edn.print(((Map<?, ?>) h.value(7)).get(RESPONSE)));
    long secondObjectLine = op(0, 10, put("a", "1"), putResponse(2), 20).lines().count() + 1;
    assertEquals(secondObjectLine, h.line(2), "each op keeps the line its object starts on");
    assertEquals(secondObjectLine, h.line(3));
  }

  @Test
  void failedRequest_isInfoWithTheError_andNoResponse() throws IOException {
    History h = read(op(3, 10, put("a", "1"), failed("context deadline exceeded"), 20));
    assertEquals(OpType.INFO, h.type(1));
    assertEquals("context deadline exceeded", h.error(1));
    assertNull(((Map<?, ?>) h.value(1)).get(RESPONSE));
    assertEquals(3, h.process(1));
  }

  @Test
  void reportDirectory_mergesClientsInTimeOrder_callsBeforeReturnsAtEqualTimes() throws IOException {
    EtcdReports.writeClient(dir, 0, op(0, 10, put("a", "1"), putResponse(2), 30));
    EtcdReports.writeClient(dir, 1, op(1, 20, get("a"), rangeResponse(1), 25),
        op(5, 30, get("a"), rangeResponse(2, kv("a", "1", 2, 1)), 40));
    Files.createDirectories(dir.resolve("client-2")); // watch-only clients have no operations.json
    History h = HistoryReader.read(dir);
    long[] times = new long[h.size()];
    for (int i = 0; i < h.size(); i++) {
      times[i] = h.time(i);
    }
    assertEquals("[10, 20, 25, 30, 30, 40]", java.util.Arrays.toString(times));
    // At 30, client 5's call comes before client 0's return: the two overlap (closed intervals).
    assertEquals(OpType.INVOKE, h.type(3));
    assertEquals(5, h.process(3));
    assertEquals(OpType.OK, h.type(4));
    assertEquals(0, h.process(4));
    assertEquals(dir.toString(), h.source());
    assertEquals(0, h.line(0), "lines of several files are not given as lines of the directory");
  }

  @Test
  void hashedValue_readAsItsNumber() throws IOException {
    History h = read(op(0, 1, get("a"), rangeResponse(9, kv("a", hashed(3735928559L), 9, 3)), 2));
    assertEquals("{:revision 9, :kvs [[\"a\" 3735928559 9 3]], :count 1}",
        Edn.print(((Map<?, ?>) h.value(1)).get(RESPONSE)));
  }

  private static DataError error(String text) {
    return assertThrows(DataError.class, () -> read(text));
  }

  @Test
  void unknownRequestType_dataErrorAtTheType() {
    String text = op(0, 1, get("a"), rangeResponse(1), 2).replace("\"Type\": \"range\"", "\"Type\": \"watch\"");
    DataError e = error(text);
    assertEquals("operations.json:4:13: expected \"Type\" range, txn, leaseGrant, leaseRevoke, defragment or "
        + "compact, found \"watch\"", e.getMessage());
  }

  @Test
  void unknownRequestField_dataError_neverSkipped() {
    String text = op(0, 1, get("a"), rangeResponse(1), 2).replace("\"KeysOnly\": false",
        "\"KeysOnly\": false, \"Serializable\": true");
    DataError e = error(text);
    assertTrue(e.getMessage().startsWith("operations.json:11:"), e.getMessage());
    assertTrue(e.getMessage().contains("found \"Serializable\" (a field this reader does not know)"), e.getMessage());
  }

  @Test
  void overlappingOpsOfOneClient_pairingErrorAtTheLaterOp() {
    String first = op(0, 10, put("a", "1"), putResponse(2), 30);
    DataError e = error(first + op(0, 20, get("a"), rangeResponse(2), 40));
    assertEquals(DataError.Kind.PAIRING, e.kind());
    long secondLine = first.lines().count() + 1;
    assertEquals("operations.json:" + secondLine + ":1: expected client 0's operations one at a time, found one "
        + "called at 20 before its previous one returned at 30", e.getMessage());
  }

  @Test
  void returnBeforeCall_missingFields_wrongTypes_dataErrors() {
    assertTrue(error(op(0, 10, get("a"), rangeResponse(1), 5)).getMessage()
        .contains("expected \"Return\" at or after \"Call\" 10, found 5"));
    assertTrue(error("{\"ClientId\": 0, \"Call\": 1, \"Return\": 2}").getMessage()
        .endsWith("expected an operation with \"Input\", found none"));
    assertTrue(error(op(0, 1, get("a"), rangeResponse(1), 2).replace("\"Call\": 1", "\"Call\": \"one\""))
        .getMessage().contains("expected \"Call\" to be an integer, found one"));
    assertTrue(error("{\"ClientId\": 0, \"Call\": 1,").getMessage().startsWith("operations.json:1:"));
  }

  @Test
  void outputWithoutTheRequestsPart_dataError() {
    DataError e = error(op(0, 1, get("a"), putResponse(1), 2));
    assertTrue(e.getMessage().contains("expected the Output of a range request to have \"Range\""), e.getMessage());
  }

  @Test
  void directoryWithoutClients_dataErrorNamingIt() throws IOException {
    DataError e = assertThrows(DataError.class, () -> HistoryReader.read(dir));
    assertTrue(e.getMessage().startsWith(dir + ": expected a history file, or an etcd report directory"),
        e.getMessage());
  }

  @Test
  void errorInSecondClientFile_namesThatFile() throws IOException {
    EtcdReports.writeClient(dir, 0, op(0, 10, put("a", "1"), putResponse(2), 30));
    Path bad = EtcdReports.writeClient(dir, 1, "{\"ClientId\": 1, \"Call\": true}");
    DataError e = assertThrows(DataError.class, () -> HistoryReader.read(dir));
    assertTrue(e.getMessage().startsWith(bad + ":1:"), e.getMessage());
  }
}
