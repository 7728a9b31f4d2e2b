package madjep.linear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import madjep.history.DataError;
import madjep.history.Verdict;
import org.junit.jupiter.api.Test;

/** The etcd model's rules, one small history each (ops written in the EDN that the etcd report reader produces). */
class EtcdModelTest {
  private static String put(String key, String value) {
    return "{:if [] :then [[:put \"" + key + "\" \"" + value + "\"]] :else []}";
  }

  private static String get(String key) {
    return "{:start \"" + key + "\"}";
  }

  /** The invocation and completion of one op: {@code [process, f, request, response]}, response null for :info. */
  private static List<String> op(int p, String f, String request, String response) {
    String inv = p + " :invoke :" + f + " {:request " + request + "}";
    String done = response == null ? p + " :info :" + f + " {:request " + request + "}"
        : p + " :ok :" + f + " {:request " + request + " :response " + response + "}";
    return List.of(inv, done);
  }

  /** Ops one after another (each completes before the next is invoked). */
  @SafeVarargs
  private static List<String> seq(List<String>... ops) {
    List<String> out = new ArrayList<>();
    for (List<String> o : ops) {
      out.addAll(o);
    }
    return out;
  }

  private static LinearizabilityResult check(List<String> ops) {
    return LinearizabilityChecker.check(Hist.of(ops), Models.byName("etcd"), LinearizabilityOptions.defaults());
  }

  private static Verdict verdict(List<String> ops) {
    return check(ops).verdict();
  }

  private static String putOk(long revision) {
    return "{:revision " + revision + " :succeeded true :results [{}]}";
  }

  private static String read(long revision, String key, String value, long mod, long version) {
    return "{:revision " + revision + " :kvs [[\"" + key + "\" \"" + value + "\" " + mod + " " + version
        + "]] :count 1}";
  }

  @Test
  void putsAndReads_revisionAdvancesByOnePerWrite_valid() {
    assertEquals(Verdict.VALID, verdict(seq(
        op(0, "range", get("a"), "{:revision 1 :kvs [] :count 0}"),
        op(0, "txn", put("a", "1"), putOk(2)),
        op(1, "txn", put("a", "2"), putOk(3)),
        op(1, "range", get("a"), read(3, "a", "2", 3, 2)),
        op(0, "txn", "{:if [] :then [[:delete \"a\"]] :else []}", "{:revision 4 :succeeded true :results [{:deleted 1}]}"),
        op(0, "range", get("a"), "{:revision 4 :kvs [] :count 0}"))));
  }

  @Test
  void readOfValueNeverWritten_invalid_explainedWithTheStore() {
    LinearizabilityResult r = check(seq(
        op(0, "txn", put("a", "1"), putOk(2)),
        op(1, "range", get("a"), read(2, "a", "999", 2, 1))));
    assertEquals(Verdict.INVALID, r.verdict());
    assertEquals("process 1 range {:start \"a\"} -> {:revision 2, :kvs [[\"a\" \"999\" 2 1]], :count 1} at op 3, "
        + "but every order of the 1 earlier op leaves the store at {:revision 2, :kvs {\"a\" [\"1\" 2 1]}}",
        r.failure().explanation());
  }

  @Test
  void twoWritesClaimingOneRevision_invalid() {
    assertEquals(Verdict.INVALID, verdict(seq(op(0, "txn", put("a", "1"), putOk(2)), op(1, "txn", put("b", "1"),
        putOk(2)))));
  }

  @Test
  void readHeaderRevisionAheadOfTheWrites_invalid() {
    assertEquals(Verdict.INVALID, verdict(seq(op(0, "txn", put("a", "1"), putOk(2)),
        op(1, "range", get("a"), read(3, "a", "1", 2, 1)))));
  }

  @Test
  void concurrentWrites_orderFromTheirRevisions() {
    // Both puts overlap; the read after them sees b's value, which therefore came second (revision 3).
    List<String> h = List.of(
        "0 :invoke :txn {:request " + put("a", "1") + "}", "1 :invoke :txn {:request " + put("a", "2") + "}",
        "0 :ok :txn {:request " + put("a", "1") + " :response " + putOk(2) + "}",
        "1 :ok :txn {:request " + put("a", "2") + " :response " + putOk(3) + "}");
    List<String> ok = new ArrayList<>(h);
    ok.addAll(op(2, "range", get("a"), read(3, "a", "2", 3, 2)));
    assertEquals(Verdict.VALID, verdict(ok));
    List<String> bad = new ArrayList<>(h);
    bad.addAll(op(2, "range", get("a"), read(3, "a", "1", 3, 2)));
    assertEquals(Verdict.INVALID, verdict(bad));
  }

  @Test
  void failedPut_mayOrMayNotHaveTakenEffect() {
    List<String> failed = op(0, "txn", put("a", "1"), null);
    assertEquals(Verdict.VALID, verdict(seq(failed, op(1, "range", get("a"), read(2, "a", "1", 2, 1)))));
    assertEquals(Verdict.VALID, verdict(seq(failed, op(1, "range", get("a"), "{:revision 1 :kvs [] :count 0}"))));
    // But not both: seen, then gone without a write.
    assertEquals(Verdict.INVALID, verdict(seq(failed, op(1, "range", get("a"), read(2, "a", "1", 2, 1)),
        op(1, "range", get("a"), "{:revision 1 :kvs [] :count 0}"))));
  }

  @Test
  void failedWrite_onlyAtARevisionNoCompletedWriteClaims() {
    // b's put failed; a read sees it at mod-revision 2, which a's completed put wrote: impossible.
    List<String> failed = op(1, "txn", put("b", "1"), null);
    assertEquals(Verdict.INVALID, verdict(seq(failed, op(0, "txn", put("a", "1"), putOk(2)),
        op(2, "range", get("b"), read(2, "b", "1", 2, 1)))));
    // At revision 3 it is possible, as long as the header says so.
    assertEquals(Verdict.VALID, verdict(seq(failed, op(0, "txn", put("a", "1"), putOk(2)),
        op(2, "range", get("b"), read(3, "b", "1", 3, 1)))));
  }

  @Test
  void failedWrite_beyondEveryRevisionRead_stillFoundWhereACompactionNeedsIt() {
    // Only a failed put can bring the store to revision 3, which the compaction needs.
    assertEquals(Verdict.VALID, verdict(seq(op(0, "txn", put("a", "1"), putOk(2)), op(1, "txn", put("b", "1"), null),
        op(2, "compact", "{:revision 3}", "{:revision -1}"))));
    assertEquals(Verdict.INVALID, verdict(seq(op(0, "txn", put("a", "1"), putOk(2)),
        op(2, "compact", "{:revision 3}", "{:revision -1}"))));
  }

  @Test
  void completedOpsWithoutResponse_takeEffectUnchecked() {
    // An :ok op whose response is unknown still happens: here two writes with no revision mentioned anywhere, and a
    // failed one that must not crowd them out.
    List<String> h = new ArrayList<>();
    h.addAll(op(1, "txn", put("b", "1"), null));
    h.addAll(List.of("0 :invoke :txn {:request " + put("a", "1") + "}", "0 :ok :txn {:request " + put("a", "1") + "}"));
    h.addAll(List.of("0 :invoke :txn {:request " + put("a", "2") + "}", "0 :ok :txn {:request " + put("a", "2") + "}"));
    assertEquals(Verdict.VALID, verdict(h));
  }

  @Test
  void guardedTxn_comparesModRevisionAndVersion() {
    String cas = "{:if [[:mod-revision \"a\" 2]] :then [[:put \"a\" \"2\"]] :else [[:range {:start \"a\"}]]}";
    List<String> first = op(0, "txn", put("a", "1"), putOk(2));
    assertEquals(Verdict.VALID, verdict(seq(first, op(1, "txn", cas, putOk(3)))));
    assertEquals(Verdict.INVALID, verdict(seq(first,
        op(1, "txn", cas, "{:revision 2 :succeeded false :results [{:kvs [[\"a\" \"1\" 2 1]] :count 1}]}"))));
    String byVersion = "{:if [[:version \"a\" 2]] :then [[:delete \"a\"]] :else []}";
    assertEquals(Verdict.VALID, verdict(seq(first, op(1, "txn", byVersion, "{:revision 2 :succeeded false :results []}"))));
    assertEquals(Verdict.INVALID, verdict(seq(first, op(1, "txn", byVersion,
        "{:revision 3 :succeeded true :results [{:deleted 1}]}"))));
  }

  @Test
  void rangeOverKeys_sortedLimitedAndCounted() {
    List<String> writes = seq(op(0, "txn", put("b", "2"), putOk(2)), op(0, "txn", put("a", "1"), putOk(3)),
        op(0, "txn", put("c", "3"), putOk(4)));
    String range = "{:start \"a\" :end \"c\" :limit 1}";
    assertEquals(Verdict.VALID, verdict(seq(writes,
        op(1, "range", range, "{:revision 4 :kvs [[\"a\" \"1\" 3 1]] :count 2}"))));
    assertEquals(Verdict.INVALID, verdict(seq(writes,
        op(1, "range", range, "{:revision 4 :kvs [[\"a\" \"1\" 3 1]] :count 3}"))));
    assertEquals(Verdict.VALID, verdict(seq(writes, op(1, "range", "{:start \"b\" :end \"\\u0000\" :keys-only true}",
        "{:revision 4 :kvs [[\"b\" \"\" 2 1] [\"c\" \"\" 4 1]] :count 2}"))));
  }

  @Test
  void leaseRevoke_deletesItsKeysInOneRevision() {
    List<String> h = seq(op(0, "lease-grant", "{:lease 7}", "{:revision 1}"),
        op(0, "txn", "{:if [] :then [[:put \"a\" \"1\" 7]] :else []}", putOk(2)),
        op(0, "txn", "{:if [] :then [[:put \"b\" \"1\" 7]] :else []}", putOk(3)),
        op(0, "lease-revoke", "{:lease 7}", "{:revision 4}"));
    List<String> gone = new ArrayList<>(h);
    gone.addAll(op(1, "range", "{:start \"a\" :end \"z\"}", "{:revision 4 :kvs [] :count 0}"));
    assertEquals(Verdict.VALID, verdict(gone));
    List<String> still = new ArrayList<>(h);
    still.addAll(op(1, "range", get("a"), read(4, "a", "1", 2, 1)));
    assertEquals(Verdict.INVALID, verdict(still));
    // A put under a lease never granted does nothing, and advances nothing.
    assertEquals(Verdict.VALID, verdict(seq(op(0, "txn", "{:if [] :then [[:put \"a\" \"1\" 9]] :else []}",
        putOk(1)), op(1, "range", get("a"), "{:revision 1 :kvs [] :count 0}"))));
  }

  @Test
  void compaction_errorsAndStaleReads() {
    List<String> h = seq(op(0, "txn", put("a", "1"), putOk(2)), op(0, "txn", put("a", "2"), putOk(3)),
        op(0, "compact", "{:revision 2}", "{:revision -1}"));
    List<String> again = new ArrayList<>(h);
    again.addAll(op(1, "compact", "{:revision 1}",
        "{:revision 0 :client-error \"mvcc: required revision has been compacted\"}"));
    assertEquals(Verdict.VALID, verdict(again));
    List<String> wrong = new ArrayList<>(h);
    wrong.addAll(op(1, "compact", "{:revision 1}", "{:revision -1}"));
    assertEquals(Verdict.INVALID, verdict(wrong));
    List<String> stale = new ArrayList<>(h);
    stale.addAll(op(1, "range", "{:start \"a\" :revision 2}", read(3, "a", "1", 2, 1)));
    stale.addAll(op(1, "range", "{:start \"a\" :revision 1}",
        "{:revision 0 :client-error \"mvcc: required revision has been compacted\"}"));
    assertEquals(Verdict.VALID, verdict(stale));
    List<String> future = new ArrayList<>(h);
    future.addAll(op(1, "range", "{:start \"a\" :revision 9}", "{:revision 3 :kvs [] :count 0}"));
    assertEquals(Verdict.INVALID, verdict(future));
  }

  @Test
  void longValue_comparedByEtcdsHash() {
    String longValue = "a value of more than twenty bytes";
    long hash = EtcdOp.fnv1a32(longValue.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    List<String> h = op(0, "txn", put("a", longValue), putOk(2));
    assertEquals(Verdict.VALID, verdict(seq(h, op(1, "range", get("a"),
        "{:revision 2 :kvs [[\"a\" " + hash + " 2 1]] :count 1}"))));
    assertEquals(Verdict.INVALID, verdict(seq(h, op(1, "range", get("a"),
        "{:revision 2 :kvs [[\"a\" " + (hash ^ 1) + " 2 1]] :count 1}"))));
  }

  @Test
  void fnv1a32_knownVectors() {
    assertEquals(0x811c9dc5L, EtcdOp.fnv1a32(new byte[0]));
    assertEquals(0xe40c292cL, EtcdOp.fnv1a32("a".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    assertEquals(0xbf9cf968L, EtcdOp.fnv1a32("foobar".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }

  @Test
  void malformedOp_dataErrorAtItsLine() {
    DataError e = assertThrows(DataError.class, () -> check(List.of("0 :invoke :txn {:request {:if [] :then "
        + "[[:put \"a\"]] :else []}}", "0 :ok :txn {:request {:if [] :then [[:put \"a\"]] :else []} :response "
        + "{:revision 2 :succeeded true :results [{}]}}")));
    assertEquals("test.edn:2:1: expected a txn op [:put k v], [:put k v lease], [:delete k] or [:range {...}], "
        + "found [:put \"a\"]", e.getMessage());
    e = assertThrows(DataError.class, () -> check(op(0, "watch", get("a"), "{:revision 1}")));
    assertTrue(e.getMessage().contains("expected :f :range, :txn, :lease-grant, :lease-revoke, :defragment or "
        + ":compact, found :watch"), e.getMessage());
    e = assertThrows(DataError.class, () -> check(op(0, "compact", "{:revision 1}",
        "{:revision 0 :client-error \"etcdserver: too many requests\"}")));
    assertTrue(e.getMessage().contains("the only client errors the model predicts"), e.getMessage());
  }

  @Test
  void initialValue_onlyNil() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Models.byName("etcd", madjep.history.edn.Edn.parse("{:revision 5}")));
    assertEquals("expected an initial value for etcd: nil (an empty store at revision 1), found {:revision 5}",
        e.getMessage());
  }
}
