package madjep.txn.revision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import madjep.history.History;
import madjep.history.Verdict;
import madjep.history.io.HistoryFormat;
import madjep.history.io.HistoryReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RevisionCheckerTest {
  private static History edn(String... lines) throws IOException {
    byte[] b = String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
    return HistoryReader.read(new ByteArrayInputStream(b), "test", HistoryFormat.EDN);
  }

  private static String invoke(int p, String value) {
    return "{:type :invoke, :process " + p + ", :f :txn, :value " + value + "}";
  }

  private static String ok(int p, String value, String extras) {
    return "{:type :ok, :process " + p + ", :f :txn, :value " + value + extras + "}";
  }

  @Test
  void consistentRevisions_valid() throws IOException {
    History h = edn(
        invoke(0, "[[:append 1 1]]"),
        ok(0, "[[:append 1 1]]", ", :revision 2, :mod-revisions {1 0}"),
        invoke(1, "[[:r 1 nil] [:append 1 2]]"),
        ok(1, "[[:r 1 [1]] [:append 1 2]]", ", :revision 3, :mod-revisions {1 2}"),
        invoke(0, "[[:r 1 nil]]"),
        ok(0, "[[:r 1 [1 2]]]", ", :mod-revisions {1 3}"));
    RevisionResult r = RevisionChecker.check(h);
    assertEquals(Verdict.VALID, r.valid(), r.toData().toString());
    assertEquals(Verdict.VALID, r.serializable());
    assertEquals(2, r.revisions());
  }

  @Test
  void readDisagreesWithTheWritersRevision_invalidNamingBothNodes() throws IOException {
    History h = edn(
        invoke(0, "[[:append 1 1]]"),
        "{:type :ok, :process 0, :f :txn, :value [[:append 1 1]], :revision 7, :node \"n1\"}",
        invoke(1, "[[:r 1 nil]]"),
        "{:type :ok, :process 1, :f :txn, :value [[:r 1 [1]]], :mod-revisions {1 8}, :node \"n4\"}");
    RevisionResult r = RevisionChecker.check(h);
    assertEquals(Verdict.INVALID, r.valid());
    assertEquals(Verdict.INVALID, r.serializable());
    assertEquals(List.of("revision-disagreement"), r.anomalyTypes());
    String e = r.anomalies().get(0).explanation();
    assertTrue(e.contains("n1") && e.contains("n4") && e.contains("7") && e.contains("8"), e);
  }

  @Test
  void twoWritesOneRevision_duplicate() throws IOException {
    History h = edn(
        invoke(0, "[[:append 1 1]]"),
        invoke(1, "[[:append 2 1]]"),
        ok(0, "[[:append 1 1]]", ", :revision 5"),
        ok(1, "[[:append 2 1]]", ", :revision 5"));
    RevisionResult r = RevisionChecker.check(h);
    assertEquals(List.of("duplicate-revision"), r.anomalyTypes());
    assertEquals(Verdict.INVALID, r.serializable());
  }

  @Test
  void revisionsAgainstRealTimeOnly_serializableButNotStrict() throws IOException {
    // The first write ends before the second begins, but recovery ordered them the other way: reads say so.
    History h = edn(
        invoke(0, "[[:append 1 1]]"),
        ok(0, "[[:append 1 1]]", ""),
        invoke(1, "[[:append 2 1]]"),
        ok(1, "[[:append 2 1]]", ""),
        invoke(2, "[[:r 1 nil] [:r 2 nil]]"),
        ok(2, "[[:r 1 [1]] [:r 2 [1]]]", ", :mod-revisions {1 9, 2 8}"));
    RevisionResult r = RevisionChecker.check(h);
    assertEquals(Verdict.VALID, r.serializable(), r.toData().toString());
    assertEquals(Verdict.INVALID, r.valid());
    assertEquals(List.of("realtime-revision-order"), r.anomalyTypes());
  }

  @Test
  void laterVersionLowerRevision_orderAnomaly() throws IOException {
    History h = edn(
        invoke(0, "[[:append 1 1]]"),
        invoke(1, "[[:append 1 2]]"),
        ok(0, "[[:append 1 1]]", ", :revision 6"),
        ok(1, "[[:append 1 2]]", ", :revision 4"),
        invoke(2, "[[:r 1 nil]]"),
        ok(2, "[[:r 1 [1 2]]]", ", :mod-revisions {1 4}"));
    RevisionResult r = RevisionChecker.check(h);
    assertTrue(r.anomalyTypes().contains("revision-order"), r.toData().toString());
  }

  @Test
  void noRevisionsAnywhere_unknown() throws IOException {
    History h = edn(invoke(0, "[[:append 1 1]]"), ok(0, "[[:append 1 1]]", ""));
    assertEquals(Verdict.UNKNOWN, RevisionChecker.check(h).valid());
  }

  /**
   * A serial store numbering writes in order, run by concurrent clients: every history it makes is valid; the same
   * history with one write's reported revision changed is not.
   */
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void serialStore_randomHistories_validAndOneTamperedRevisionCaught(long seed) throws IOException {
    SplittableRandom rng = new SplittableRandom(seed);
    List<String> lines = new ArrayList<>();
    java.util.Map<Long, List<Long>> store = new java.util.TreeMap<>();
    java.util.Map<Long, Long> modRev = new java.util.TreeMap<>();
    long rev = 0;
    long next = 1;
    int tamperAt = -1;
    for (int op = 0; op < 60; op++) {
      int p = rng.nextInt(4);
      long k = rng.nextInt(3);
      boolean write = rng.nextBoolean();
      List<Long> cur = store.getOrDefault(k, List.of());
      String extras = ", :mod-revisions {" + k + " " + modRev.getOrDefault(k, 0L) + "}";
      if (write) {
        List<Long> n = new ArrayList<>(cur);
        n.add(next);
        store.put(k, n);
        modRev.put(k, ++rev);
        lines.add(invoke(p, "[[:append " + k + " " + next + "]]"));
        if (tamperAt < 0 && rev > 3) {
          tamperAt = lines.size();
        }
        lines.add(ok(p, "[[:append " + k + " " + next + "]]", extras + ", :revision " + rev));
        next++;
      } else {
        lines.add(invoke(p, "[[:r " + k + " nil]]"));
        lines.add(ok(p, "[[:r " + k + " " + cur.toString().replace(",", "") + "]]", extras));
      }
    }
    assertEquals(Verdict.VALID, RevisionChecker.check(edn(lines.toArray(new String[0]))).valid());
    String tampered = lines.get(tamperAt).replaceFirst(":revision (\\d+)", ":revision 1000");
    lines.set(tamperAt, tampered);
    RevisionResult r = RevisionChecker.check(edn(lines.toArray(new String[0])));
    assertEquals(Verdict.INVALID, r.valid(), tampered);
  }
}
