package madjep.history.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import madjep.history.History;
import madjep.history.OpType;
import madjep.history.edn.Keyword;
import org.junit.jupiter.api.Test;

/** Histories as other producers write them, read with zero conversion (jepsen-rs's serde JSON and EDN). */
class ProducerDialectsTest {
  private static final Keyword W = Keyword.of("w");
  private static final Keyword R = Keyword.of("r");

  @Test
  void colonPrefixedJson_readsAsTheSameHistoryAsPlainJson() {
    History colon = Texts.read("""
        [{":type": ":invoke", ":f": ":txn", ":value": [[":w", 2, 1], [":r", 3, null]], ":process": 0, ":index": 0},
         {":type": ":ok", ":f": ":txn", ":value": [[":w", 2, 1], [":r", 3, 7]], ":process": 0, ":index": 1,
          ":error": [":duplicate-key", "a string, not a keyword"], ":node": ":n1"}]
        """);
    History plain = Texts.read("""
        [{"type": "invoke", "f": "txn", "value": [["w", 2, 1], ["r", 3, null]], "process": 0, "index": 0},
         {"type": "ok", "f": "txn", "value": [["w", 2, 1], ["r", 3, 7]], "process": 0, "index": 1}]
        """);
    assertEquals(2, colon.size());
    assertEquals(plain.ops().get(0), colon.ops().get(0));
    assertEquals(plain.value(1), colon.value(1));
    assertEquals(OpType.OK, colon.type(1));
    assertEquals(List.of(List.of(W, 2L, 1L), List.of(R, 3L, 7L)), colon.value(1));
    // In the dialect a ":name" string is a keyword wherever it stands; other strings stay strings.
    assertEquals(List.of(Keyword.of("duplicate-key"), "a string, not a keyword"), colon.error(1));
    assertEquals(Keyword.of("n1"), colon.extra(1, Keyword.of("node")));
    assertEquals(List.of(JsonHistoryReader.COLON_DIALECT + " (2 ops)"), colon.readingNotes());
    assertTrue(plain.readingNotes().isEmpty());
  }

  @Test
  void colonPrefixedJsonLines_withNestedMaps_keywordizeKeysAndValues() {
    History h = Texts.read("""
        {":type": ":invoke", ":f": ":read", ":value": {":x": null}, ":process": 1}
        {":type": ":ok", ":f": ":read", ":value": {":x": ":on", "y": ":"}, ":process": 1}
        """);
    assertEquals(Map.of(Keyword.of("x"), Keyword.of("on"), "y", ":"), h.value(1));
  }

  @Test
  void plainJson_keepsColonStringsInValuesAsStrings() {
    History h = Texts.read("""
        {"type": "invoke", "f": "write", "value": ":not-a-keyword", "process": 0}
        {"type": "ok", "f": "write", "value": ":not-a-keyword", "process": 0}
        """);
    assertEquals(":not-a-keyword", h.value(1));
  }

  @Test
  void ednNemesisWithStringF_readsAsKeyword_andSaysSo() {
    History h = Texts.read("""
        {:type :info, :f "partition", :value "majority", :process :nemesis, :time 5}
        {:type :invoke, :f :read, :value nil, :process 0, :time 6}
        {:type :info, :f "partition", :value nil, :process :nemesis, :time 7}
        {:type :ok, :f :read, :value 1, :process 0, :time 8}
        """);
    assertEquals(Keyword.of("partition"), h.f(0));
    assertEquals(Keyword.of("partition"), h.f(2));
    assertEquals(List.of(EdnHistoryReader.STRING_F + " (2 ops)"), h.readingNotes());
    assertTrue(h.problems().isEmpty());
  }

  @Test
  void ednStringFThatIsNotAName_isStillRefused() {
    madjep.history.DataError e = org.junit.jupiter.api.Assertions.assertThrows(madjep.history.DataError.class,
        () -> Texts.read("{:type :info, :f \"two words\", :process :nemesis}\n"));
    assertTrue(e.getMessage().contains("expected :f to be a keyword"), e.getMessage());
  }

  @Test
  void jepsenRsOutHistoryEdn_oneVectorOnOneLine_reads() {
    History h = Texts.read("[{:type :invoke, :f :txn, :value [[:w 2 1]], :time 1, :process 0, :index 0} "
        + "{:type :info, :f \"start-partition\", :value nil, :time 2, :process :nemesis, :index 1} "
        + "{:type :ok, :f :txn, :value [[:w 2 1]], :time 3, :process 0, :index 2}]");
    assertEquals(3, h.size());
    assertEquals(2, h.pair(0));
    assertEquals(Keyword.of("start-partition"), h.f(1));
  }
}
