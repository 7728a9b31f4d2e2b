package madjep.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import madjep.history.io.HistoryFormat;
import madjep.history.io.HistoryReader;
import org.junit.jupiter.api.Test;

/** Every kind of data error names file, line and column (or op index) and says what was expected. */
class DataErrorsTest {
  private static History read(String text, HistoryFormat format) {
    try {
      return HistoryReader.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "h.edn", format);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static DataError readError(String text, HistoryFormat format) {
    return assertThrows(DataError.class, () -> read(text, format));
  }

  @Test
  void completionWithoutInvoke_isPairingError_atTheCompletion() {
    History h = read("{:type :invoke, :process 0, :f :read}\n{:type :ok, :process 0, :f :read}\n"
        + "  {:type :ok, :process 1, :f :read, :value 2}\n", HistoryFormat.EDN);
    assertEquals(1, h.problemCount());
    HistoryProblem p = h.problems().get(0);
    assertEquals(HistoryProblem.Kind.COMPLETION_WITHOUT_INVOKE, p.kind());
    assertEquals(2, p.position());
    DataError e = assertThrows(DataError.class, h::requireWellFormed);
    assertEquals(DataError.Kind.PAIRING, e.kind());
    assertEquals("h.edn:3:3: expected an :invoke from process 1 before this :ok, found none open", e.getMessage());
  }

  @Test
  void secondInvokeOnBusyProcess_isPairingError_atTheSecondInvoke() {
    History h = read("{:type :invoke, :process 4, :f :read}\n{:type :invoke, :process 4, :f :write, :value 1}\n",
        HistoryFormat.EDN);
    DataError e = assertThrows(DataError.class, h::requireWellFormed);
    assertEquals(HistoryProblem.Kind.INVOKE_ON_BUSY_PROCESS, h.problems().get(0).kind());
    assertEquals("h.edn:2:1: expected process 4 to complete its op at line 1 before invoking another, found a second"
        + " :invoke", e.getMessage());
  }

  @Test
  void unknownOpType_inEdn_isOpTypeError_atTheValue() {
    DataError e = readError("{:type :invoke, :process 0, :f :read}\n{:process 0, :type :done, :f :read}\n",
        HistoryFormat.EDN);
    assertEquals(DataError.Kind.OP_TYPE, e.kind());
    assertEquals("h.edn:2:20: expected an op :type (:invoke, :ok, :fail or :info), found :done", e.getMessage());
  }

  @Test
  void unknownOpType_inJson_isOpTypeError() {
    DataError e = readError("{\"type\":\"invoke\",\"process\":0}\n{\"process\":0,\"type\":\"done\"}\n",
        HistoryFormat.JSON);
    assertEquals(DataError.Kind.OP_TYPE, e.kind());
    assertEquals(2, e.line());
    assertEquals(21, e.column());
    assertEquals("expected \"type\" to be \"invoke\", \"ok\", \"fail\" or \"info\", found \"done\"", e.detail());
  }

  @Test
  void unknownOpType_inLog_isOpTypeError() {
    DataError e = readError("INFO  jepsen.util - 0\t:invoke\t:read\tnil\nINFO  jepsen.util - 0\t:okay\t:read\t1\n",
        HistoryFormat.JEPSEN_LOG);
    assertEquals(DataError.Kind.OP_TYPE, e.kind());
    assertEquals("h.edn:2:23: expected an op type (:invoke, :ok, :fail or :info), found :okay", e.getMessage());
  }

  @Test
  void missingOpType_isOpTypeError_atTheMap() {
    DataError e = readError("{:process 0, :f :read}", HistoryFormat.EDN);
    assertEquals(DataError.Kind.OP_TYPE, e.kind());
    assertEquals("h.edn:1:1: expected the op to have a :type (:invoke, :ok, :fail or :info), found none",
        e.getMessage());
  }

  @Test
  void wrongValueShape_isValueShapeError_atTheOp() {
    History h = read("{:type :invoke, :process 0, :f :cas, :value [1 2]}\n"
        + "{:type :ok, :process 0, :f :cas, :value [1 2]}\n"
        + "{:type :invoke, :process 1, :f :cas, :value 7}\n", HistoryFormat.EDN);
    DataError e = assertThrows(DataError.class, () -> ValueShapes.requireRegister(h));
    assertEquals(DataError.Kind.VALUE_SHAPE, e.kind());
    assertEquals("h.edn:3:1: expected a :cas value [expected new], found 7", e.getMessage());
  }

  @Test
  void wrongMicroOpShape_isValueShapeError_namingTheMicroOp() {
    History h = read("{:type :invoke, :process 0, :f :txn, :value [[:append 1 2] [1 2]]}\n", HistoryFormat.EDN);
    DataError e = assertThrows(DataError.class, () -> ValueShapes.requireMicroOps(h));
    assertEquals("h.edn:1:1: expected micro-ops of the form [f key value] such as [:r 1 nil], found [1 2] in"
        + " [[:append 1 2] [1 2]]", e.getMessage());
  }

  @Test
  void valueShapeError_withoutPositions_namesTheOpIndex() {
    History h = History.of(Op.invoke(0, "cas", 3L).withIndex(17));
    DataError e = assertThrows(DataError.class, () -> ValueShapes.requireRegister(h));
    assertEquals("<ops>: op 17: expected a :cas value [expected new], found 3", e.getMessage());
  }

  @Test
  void indexOutOfOrder_isFieldError() {
    DataError e = readError("{:index 5 :type :invoke :process 0}\n{:index 5 :type :ok :process 0}\n",
        HistoryFormat.EDN);
    assertEquals(DataError.Kind.FIELD, e.kind());
    assertEquals("h.edn:2:1: expected an :index above the previous op's 5, found 5", e.getMessage());
  }

  @Test
  void indexOnSomeOpsOnly_isFieldError() {
    DataError e = readError("{:type :invoke :process 0}\n{:index 1 :type :ok :process 0}\n", HistoryFormat.EDN);
    assertEquals("h.edn:2:1: expected no :index, as the ops before it have none, found :index 1", e.getMessage());
  }

  @Test
  void processOfWrongKind_isFieldError_atTheValue() {
    DataError e = readError("{:type :invoke :process \"p\"}", HistoryFormat.EDN);
    assertEquals(DataError.Kind.FIELD, e.kind());
    assertEquals("h.edn:1:25: expected a :process (an integer or a keyword such as :nemesis), found \"p\"",
        e.getMessage());
  }

  @Test
  void duplicateKey_isFieldError() {
    DataError e = readError("{:type :invoke :type :ok}", HistoryFormat.EDN);
    assertEquals("h.edn:1:22: expected one :type per op, found a second", e.getMessage());
  }

  @Test
  void truncatedFile_isSyntaxError_atTheOpenBracket() {
    DataError e = readError("[{:type :invoke :process 0}\n {:type :ok :process 0", HistoryFormat.EDN);
    assertEquals(DataError.Kind.SYNTAX, e.kind());
    assertEquals("h.edn:2:2: expected '}' to close the map opened here, found the end of the input", e.getMessage());
  }

  @Test
  void trailingGarbageAfterVector_isSyntaxError() {
    DataError e = readError("[{:type :invoke :process 0}]\n{:type :ok}", HistoryFormat.EDN);
    assertEquals("h.edn:2:1: expected the end of the input after the collection of ops, found '{:type :ok}'",
        e.getMessage());
  }

  @Test
  void nonMapOp_isSyntaxError() {
    DataError e = readError("{:type :invoke :process 0}\n[1 2]", HistoryFormat.EDN);
    assertEquals("h.edn:2:1: expected an op map '{...}', found '[1 2]'", e.getMessage());
  }

  @Test
  void badJson_isSyntaxError_withJacksonsPosition() {
    DataError e = readError("[{\"type\":\"invoke\",}]", HistoryFormat.JSON);
    assertEquals(DataError.Kind.SYNTAX, e.kind());
    assertEquals(1, e.line());
    assertEquals(19, e.column());
  }
}
