package madjep.history.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import madjep.history.History;
import madjep.history.OpType;
import madjep.history.edn.Keyword;
import org.junit.jupiter.api.Test;

class HistoryReaderTest {
  private static final Keyword READ = Keyword.of("read");

  @Test
  void ednOneMapPerLine_readsEveryField() {
    History h = Texts.read("""
        {:index 0, :time 10, :type :invoke, :process 0, :f :read, :value nil, :extra "x"}
        {:index 1, :time 20, :type :ok, :process 0, :f :read, :value 3, :error [:e "why"]}
        {:index 2, :time 30, :type :info, :process :nemesis, :f :kill, :value :all}
        """);
    assertEquals(3, h.size());
    assertEquals(OpType.INVOKE, h.type(0));
    assertEquals(10, h.time(0));
    assertSame(READ, h.f(0));
    assertNull(h.value(0));
    assertEquals("x", h.extra(0, Keyword.of("extra")));
    assertEquals(3L, h.value(1));
    assertEquals(List.of(Keyword.of("e"), "why"), h.error(1));
    assertEquals(Keyword.of("nemesis"), h.processValue(2));
    assertTrue(h.process(2) <= -2);
    assertEquals(1, h.pair(0));
    assertEquals(0, h.pair(1));
  }

  @Test
  void ednVectorWithCommentsTagsAndMultilineMaps_reads() {
    History h = Texts.read("""
        ; A multi-register with x=0 and y=0
        [{:type :invoke,
          :f :txn,
          :value [[:read :x nil]],
          :process 3}
         #jepsen.history.Op{:type :ok, :f :txn, :value [[:read :x 0]], :process 3}
         ; trailing comment
        ]
        """);
    assertEquals(2, h.size());
    assertEquals(0, h.index(0));
    assertEquals(1, h.index(1));
    assertEquals(2, h.line(0));
    assertEquals(2, h.column(0));
    assertEquals(6, h.line(1));
    assertEquals(List.of(List.of(Keyword.of("read"), Keyword.of("x"), 0L)), h.value(1));
  }

  @Test
  void ednList_readsLikeVector() {
    History h = Texts.read("({:type :invoke :process 1 :f :read} {:type :ok :process 1 :f :read :value 2})");
    assertEquals(2, h.size());
    assertEquals(2L, h.value(1));
  }

  @Test
  void missingIndex_isDense_andMissingTimeIsMinusOne() {
    History h = Texts.read("{:type :invoke :process 0 :f :read}\n{:type :ok :process 0 :f :read :value 1}\n");
    assertEquals(1, h.index(1));
    assertEquals(-1, h.time(1));
    assertTrue(!h.hasTime());
  }

  @Test
  void sparseIndices_areKept() {
    History h = Texts.read("{:index 10 :type :invoke :process 0 :f :read}\n{:index 41 :type :ok :process 0}");
    assertEquals(10, h.index(0));
    assertEquals(41, h.index(1));
  }

  @Test
  void jsonArray_readsWithKeywordConventions() {
    History h = Texts.read("""
        [{"type":"invoke","f":"txn","value":[["append",9,1],["r",9,null]],"process":7,"index":0,"time":5},
         {"type":"ok","f":"txn","value":[["append",9,1],["r",9,[1]]],"process":7,"index":1},
         {"type":"info","f":"pause","value":{"n1":""},"process":"nemesis","index":2}]
        """);
    assertEquals(3, h.size());
    assertEquals(List.of(List.of(Keyword.of("append"), 9L, 1L), List.of(Keyword.of("r"), 9L, List.of(1L))),
        h.value(1));
    assertEquals(Keyword.of("nemesis"), h.processValue(2));
    assertEquals(Map.of("n1", ""), h.value(2));
    assertEquals(5, h.time(0));
  }

  @Test
  void jsonLines_read() {
    History h = Texts.read("""
        {"index":0,"time":-1,"type":"invoke","process":7,"f":"txn","value":[["append",9,1],["r",9,null]]}
        {"index":1,"time":-1,"type":"ok","process":7,"f":"txn","value":[["append",9,1],["r",9,[1]]]}
        """);
    assertEquals(2, h.size());
    assertEquals(-1, h.time(0));
    assertEquals(OpType.OK, h.type(1));
  }

  @Test
  void jepsenLogLines_porcupineAndCurrentStyles_read() {
    History h = Texts.read("""
        INFO  jepsen.core - Running test
        INFO  jepsen.util - 0	:invoke	:read	nil
        INFO  jepsen.util - 0	:ok	:read	3
        INFO  jepsen.util - 1   :invoke :cas  [3 0]
        2023-05-10 14:29:03,842{GMT}	INFO	[jepsen worker 1] jepsen.util: 1	:info	:cas	[3 0]	indeterminate: timeout
        INFO  jepsen.util - :nemesis	:info	:start	nil
        INFO  jepsen.util - 3	:fail	:read	:timed-out
        """, null);
    assertEquals(6, h.size());
    assertEquals(OpType.INVOKE, h.type(0));
    assertEquals(3L, h.value(1));
    assertEquals(List.of(3L, 0L), h.value(2));
    assertEquals(OpType.INFO, h.type(3));
    assertEquals("indeterminate: timeout", h.error(3));
    assertEquals(Keyword.of("nemesis"), h.processValue(4));
    assertEquals(Keyword.of("timed-out"), h.value(5));
    assertEquals(2, h.line(0));
  }

  @Test
  void emptyInput_isEmptyHistory() {
    assertEquals(0, Texts.read("").size());
    assertEquals(0, Texts.read("  \n\t\n").size());
    assertEquals(0, Texts.read("[]").size());
    assertEquals(0, Texts.read("", HistoryFormat.JEPSEN_LOG).size());
  }

  @Test
  void formatDetection_byContent() {
    assertEquals(HistoryFormat.EDN, detect("{:type :invoke}"));
    assertEquals(HistoryFormat.EDN, detect(" [ {:type :invoke}]"));
    assertEquals(HistoryFormat.EDN, detect("; c\n{:type :invoke}"));
    assertEquals(HistoryFormat.EDN, detect("#jepsen.history.Op{:type :invoke}"));
    assertEquals(HistoryFormat.JSON, detect("{\"type\":\"invoke\"}"));
    assertEquals(HistoryFormat.JSON, detect("[\n {\"type\":\"invoke\"}]"));
    assertEquals(HistoryFormat.JEPSEN_LOG, detect("INFO  jepsen.util - 0\t:invoke\t:read\tnil"));
    assertEquals(HistoryFormat.JEPSEN_LOG, detect("2023-05-10 14:29:03,842{GMT}\tINFO\t..."));
  }

  private static HistoryFormat detect(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    return HistoryFormat.detect(b, b.length);
  }
}
