package madjep.history.fuzz;

import static madjep.history.testing.EtcdReports.compact;
import static madjep.history.testing.EtcdReports.defragment;
import static madjep.history.testing.EtcdReports.delete;
import static madjep.history.testing.EtcdReports.deleteResponse;
import static madjep.history.testing.EtcdReports.failed;
import static madjep.history.testing.EtcdReports.get;
import static madjep.history.testing.EtcdReports.hashed;
import static madjep.history.testing.EtcdReports.kv;
import static madjep.history.testing.EtcdReports.leaseGrant;
import static madjep.history.testing.EtcdReports.leaseGrantResponse;
import static madjep.history.testing.EtcdReports.modRevisionIs;
import static madjep.history.testing.EtcdReports.op;
import static madjep.history.testing.EtcdReports.put;
import static madjep.history.testing.EtcdReports.putOp;
import static madjep.history.testing.EtcdReports.putResponse;
import static madjep.history.testing.EtcdReports.rangeOp;
import static madjep.history.testing.EtcdReports.rangeResponse;
import static madjep.history.testing.EtcdReports.result;
import static madjep.history.testing.EtcdReports.txn;
import static madjep.history.testing.EtcdReports.txnResponse;
import static madjep.history.testing.EtcdReports.versionIs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import madjep.history.fuzz.ReferenceEdn.Rejected;
import madjep.history.io.HistoryFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The second reading of etcd reports agrees with the reader on well-formed reports (so that the fuzz property compares
 * ops, not only refusals), and seeded byte mutations of a report keep {@link ReadersProperty}.
 */
class ReferenceEtcdTest {
  private static final String ACCEPTED = op(0, 10, put("a", "1"), putResponse(2), 20)
      + op(1, 15, get("a"), rangeResponse(2, kv("a", "1", 2, 1)), 20)
      + op(0, 30, txn(List.of(modRevisionIs("a", 2), versionIs("b", 1)), List.of(putOp("a", "2", 7), rangeOp("a", "c")),
          List.of(putOp("b", ""))), txnResponse(false, List.of(result(null, 0, 0), result(List.of(), 0, 0)), 3), 40)
      + op(2, 35, delete("a"), deleteResponse(1, 4), 45)
      + op(1, 50, get("a"), rangeResponse(9, kv("a", hashed(3735928559L), 9, 3)), 60)
      + op(3, 10, put("b", "2"), failed("context deadline exceeded"), 70)
      + op(5, 1, leaseGrant(7), leaseGrantResponse(5), 2);
  private static final String REPORT = ACCEPTED
      + op(4, 1, leaseGrant(7), txnResponse(false, List.of(), 5), 2)
      + op(4, 3, compact(4), txnResponse(false, List.of(), 5), 4)
      + op(4, 5, defragment(), txnResponse(false, List.of(), 5), 6);

  @Test
  void wellFormedReport_referenceReadsTheSameEventsAsTheReader() {
    byte[] b = REPORT.getBytes(StandardCharsets.UTF_8);
    // The last three ops answer with a Txn part where their type needs its own: both readings refuse them.
    assertThrows(Rejected.class, () -> ReferenceReadings.ops(b, HistoryFormat.ETCD));
    byte[] a = ACCEPTED.getBytes(StandardCharsets.UTF_8);
    List<String> events = ReferenceReadings.ops(a, HistoryFormat.ETCD);
    assertEquals(14, events.size());
    assertTrue(events.get(0).startsWith("invoke L5 K11:lease-grant"), events.get(0));
    assertTrue(events.stream().anyMatch(e -> e.contains("error context deadline exceeded")), events.toString());
    ReadersProperty.check(a);
    ReadersProperty.check(b);
  }

  @ParameterizedTest
  @ValueSource(strings = {"client-0", "client-1", "client-2"})
  void bundledExampleReport_referenceAgrees(String client) throws IOException {
    byte[] b = Files.readAllBytes(exampleReport().resolve(client).resolve("operations.json"));
    assertTrue(ReferenceReadings.ops(b, HistoryFormat.ETCD).size() >= 2);
    ReadersProperty.check(b);
  }

  @Test
  void differentReading_propertyFails() {
    // The oracle must be able to fail: a report whose reference reading differs (a swapped time) is caught.
    byte[] b = ACCEPTED.getBytes(StandardCharsets.UTF_8);
    List<String> events = ReferenceReadings.ops(b, HistoryFormat.ETCD);
    byte[] later = new String(b, StandardCharsets.UTF_8).replaceFirst("\"Return\": 20", "\"Return\": 21")
        .getBytes(StandardCharsets.UTF_8);
    assertTrue(!events.equals(ReferenceReadings.ops(later, HistoryFormat.ETCD)));
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4})
  void seededMutations_refusedWithAPositionOrReadAsTheReferenceReads(long seed) {
    byte[] base = ACCEPTED.getBytes(StandardCharsets.UTF_8);
    SplittableRandom random = new SplittableRandom(seed);
    String[] tokens = {"null", "0", "-1", "1.5", "\"\"", "{}", "[]", "true", "\"x\"", "9223372036854775808", ",", "}"};
    for (int n = 0; n < 150; n++) {
      byte[] b = base.clone();
      String s = new String(b, StandardCharsets.ISO_8859_1);
      int edits = 1 + random.nextInt(3);
      for (int e = 0; e < edits; e++) {
        int at = random.nextInt(s.length());
        int len = random.nextInt(Math.min(12, s.length() - at) + 1);
        s = switch (random.nextInt(3)) {
          case 0 -> s.substring(0, at) + s.substring(at + len);
          case 1 -> s.substring(0, at) + tokens[random.nextInt(tokens.length)] + s.substring(at + len);
          default -> s.substring(0, at) + s.substring(at, at + len) + s.substring(at);
        };
      }
      ReadersProperty.check(s.getBytes(StandardCharsets.ISO_8859_1));
    }
  }

  private static Path exampleReport() {
    Path p = Path.of("").toAbsolutePath();
    while (p != null && !Files.isDirectory(p.resolve("examples/etcd-report"))) {
      p = p.getParent();
    }
    return p.resolve("examples/etcd-report");
  }
}
