package madjep.txn.jepsen;

import java.io.IOException;
import static madjep.txn.jepsen.TestHistories.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import madjep.history.DataError;
import madjep.history.History;
import madjep.history.Op;
import madjep.history.Verdict;
import madjep.history.edn.Edn;
import madjep.history.edn.Keyword;
import madjep.history.io.HistoryReader;
import madjep.history.testing.Corpus;
import org.junit.jupiter.api.Test;

class BankCheckerTest {
  private static BankResult check(String... ops) {
    return BankChecker.check(parse(ops), BankChecker.Options.defaults());
  }

  private static Object get(Map<Keyword, Object> m, String... path) {
    Object v = m;
    for (String k : path) {
      v = ((Map<?, ?>) v).get(Keyword.of(k));
    }
    return v;
  }

  @Test
  void bank_readsConserveFirstTotal_valid() {
    BankResult r = check(
        "0 invoke read nil", "0 ok read {0 10, 1 10}", "1 invoke transfer {:from 0, :to 1, :amount 3}",
        "1 ok transfer {:from 0, :to 1, :amount 3}", "0 invoke read nil", "0 ok read {0 7, 1 13}");
    assertEquals(Verdict.VALID, r.valid());
    assertEquals(2, r.readCount());
    assertEquals(20L, r.totalAmount());
    assertEquals(List.of(0L, 1L), r.accounts());
  }

  @Test
  void bank_readWithWrongTotal_wrongTotalError() {
    BankResult r = check("0 invoke read nil", "0 ok read {0 10, 1 10}", "0 invoke read nil", "0 ok read {0 7, 1 10}");
    assertEquals(Verdict.INVALID, r.valid());
    assertEquals(List.of(new BankResult.Error(BankResult.Kind.WRONG_TOTAL, 3, 17, List.of(), List.of())), r.errors());
  }

  @Test
  void bank_negativeBalance_negativeValueError_unlessAllowed() {
    String[] ops = {"0 invoke read nil", "0 ok read {0 10, 1 10}", "0 invoke read nil", "0 ok read {0 21, 1 -1}"};
    BankResult r = check(ops);
    assertEquals(Verdict.INVALID, r.valid());
    assertEquals(BankResult.Kind.NEGATIVE_VALUE, r.errors().get(0).kind());
    assertEquals(List.of(-1L), r.errors().get(0).negative());
    BankResult allowed = BankChecker.check(parse(ops), new BankChecker.Options(null, null, true));
    assertEquals(Verdict.VALID, allowed.valid());
  }

  @Test
  void bank_unknownAccount_unexpectedKeyErrorFirst() {
    BankResult r = check("0 invoke read nil", "0 ok read {0 10, 1 10}", "0 invoke read nil", "0 ok read {0 10, 2 -5}");
    assertEquals(List.of(new BankResult.Error(BankResult.Kind.UNEXPECTED_KEY, 3, 0, List.of(2L), List.of())),
        r.errors());
  }

  @Test
  void bank_nilBalance_nilBalanceError() {
    BankResult r = check("0 invoke read nil", "0 ok read {0 10, 1 10}", "0 invoke read nil", "0 ok read {0 20, 1 nil}");
    assertEquals(BankResult.Kind.NIL_BALANCE, r.errors().get(0).kind());
    assertEquals("{:type :nil-balance, :nils {1 nil}, :op {:index 3, :time 3000000, :type :ok, :process 0, "
        + ":f :read, :value {0 20, 1 nil}}}", Edn.print(get(r.toData(), "first-error")));
  }

  @Test
  void bank_givenTotalAndAccounts_overrideFirstRead() {
    History h = parse("0 invoke read nil", "0 ok read {0 10, 1 10}", "0 invoke read nil", "0 ok read {0 5, 1 10}");
    BankResult r = BankChecker.check(h, new BankChecker.Options(List.of(0L, 1L, 2L), 15L, false));
    assertEquals(List.of(1), r.errors().stream().map(BankResult.Error::position).toList());
    assertEquals(List.of(0L, 1L, 2L), r.accounts());
  }

  @Test
  void bank_jsonStringAccountKeys_sameAsIntegerKeys() {
    Map<Object, Object> json = new LinkedHashMap<>();
    json.put("0", 12L);
    json.put("1", -2L);
    Map<Object, Object> edn = new LinkedHashMap<>();
    edn.put(0L, 12L);
    edn.put(1L, -2L);
    Op firstRead = TestHistories.op("0 ok read {0 5, 1 5}", 1);
    History hj = History.of("<json>", List.of(Op.invoke(0, "read", null), firstRead, Op.invoke(0, "read", null),
        Op.ok(0, "read", json)));
    History he = History.of("<edn>", List.of(Op.invoke(0, "read", null), firstRead, Op.invoke(0, "read", null),
        Op.ok(0, "read", edn)));
    BankResult rj = BankChecker.check(hj, new BankChecker.Options(List.of("0", "1"), null, false));
    BankResult re = BankChecker.check(he, BankChecker.Options.defaults());
    assertEquals(Verdict.INVALID, rj.valid());
    assertEquals(re.errors(), rj.errors());
    assertEquals(re.accounts(), rj.accounts());
  }

  @Test
  void bank_readOfNonMap_dataErrorAtOp() {
    DataError e = assertThrows(DataError.class, () -> check("0 invoke read nil", "0 ok read [1 2]"));
    assertEquals(1, e.opIndex());
    assertEquals("expected a map of account to balance in an :ok :read, found [1 2]", e.detail());
  }

  @Test
  void bank_nonIntegerBalance_dataErrorAtOp() {
    DataError e = assertThrows(DataError.class, () -> check("0 invoke read nil", "0 ok read {0 \"ten\"}"));
    assertEquals("expected an integer balance for account 0, found \"ten\"", e.detail());
  }

  @Test
  void bank_nemesisAndFailedReads_ignored() {
    BankResult r = check("n info read :all", "n info read {\"n1\" \"\"}", "0 invoke read nil", "0 fail read {0 1}",
        "0 invoke read nil", "0 ok read {0 1}");
    assertEquals(Verdict.VALID, r.valid());
    assertEquals(1, r.readCount());
  }

  @Test
  void bank_worstErrors_byJepsenBadness() {
    BankResult r = check("0 invoke read nil", "0 ok read {0 10, 1 10}",
        "0 invoke read nil", "0 ok read {0 9, 1 10}", "0 invoke read nil", "0 ok read {0 40, 1 10}",
        "0 invoke read nil", "0 ok read {0 2, 1 10}");
    Map<Keyword, Object> d = r.toData();
    assertEquals(3L, get(d, "errors", "wrong-total", "count"));
    assertEquals(19L, get(d, "errors", "wrong-total", "first", "total"));
    assertEquals(50L, get(d, "errors", "wrong-total", "worst", "total"));
    assertEquals(12L, get(d, "errors", "wrong-total", "last", "total"));
    assertEquals(12L, get(d, "errors", "wrong-total", "lowest", "total"));
    assertEquals(50L, get(d, "errors", "wrong-total", "highest", "total"));
  }

  @Test
  void bank_tidbCorpusHistory_matchesElleCliRecordedResult() throws IOException {
    // elle-cli test/test-data/bank-tidb-result.json: read-count 1805, error-count 1731, all wrong-total; first at
    // :index 258 (total 105), worst and highest :index 6142 (267), last :index 7125 (226), lowest :index 656 (97).
    History h = HistoryReader.read(Corpus.root().resolve("elle-cli/jepsen/bank-tidb.edn"));
    Map<Keyword, Object> d = BankChecker.check(h, BankChecker.Options.defaults()).toData();
    assertEquals(Boolean.FALSE, d.get(Keyword.of("valid?")));
    assertEquals(1805L, get(d, "read-count"));
    assertEquals(1731L, get(d, "error-count"));
    assertEquals(List.of(Keyword.of("wrong-total")), List.copyOf(((Map<?, ?>) get(d, "errors")).keySet()));
    assertEquals(258L, get(d, "first-error", "op", "index"));
    assertEquals(105L, get(d, "first-error", "total"));
    assertEquals(6142L, get(d, "errors", "wrong-total", "worst", "op", "index"));
    assertEquals(267L, get(d, "errors", "wrong-total", "highest", "total"));
    assertEquals(7125L, get(d, "errors", "wrong-total", "last", "op", "index"));
    assertEquals(226L, get(d, "errors", "wrong-total", "last", "total"));
    assertEquals(656L, get(d, "errors", "wrong-total", "lowest", "op", "index"));
    assertEquals(97L, get(d, "errors", "wrong-total", "lowest", "total"));
  }
}
