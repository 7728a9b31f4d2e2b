package madjep.history.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import madjep.history.History;
import madjep.history.testing.Corpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RoundTripTest {
  static List<Path> files() {
    return Corpus.historyFiles();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void corpusFile_ednJsonEdnJson_isFixedPoint(Path file) throws IOException {
    History original = HistoryReader.read(file);
    String edn1 = Texts.write(original, HistoryFormat.EDN);
    History fromEdn = Texts.read(edn1);
    // EDN is lossless: the history read back equals the original, op for op.
    assertEquals(original.ops(), fromEdn.ops());
    assertEquals(edn1, Texts.write(fromEdn, HistoryFormat.EDN));

    String json1 = Texts.write(fromEdn, HistoryFormat.JSON);
    String edn2 = Texts.write(Texts.read(json1), HistoryFormat.EDN);
    String json2 = Texts.write(Texts.read(edn2), HistoryFormat.JSON);
    assertEquals(json1, json2);
    assertEquals(edn2, Texts.write(Texts.read(json2), HistoryFormat.EDN));
    assertEquals(original.size(), Texts.read(json2).size());
  }

  static List<Path> jsonTwins() {
    return Corpus.historyFiles().stream()
        .filter(p -> p.toString().endsWith(".json"))
        .filter(p -> Files.exists(twin(p)))
        .toList();
  }

  /** The EDN file a JSON file was written from: {@code x.json} and jepsen-rs's {@code x.keyword.json} twin {@code x.edn}. */
  private static Path twin(Path json) {
    String n = json.getFileName().toString().replaceFirst("(\\.keyword)?\\.json$", "");
    return json.resolveSibling(n + ".edn");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("jsonTwins")
  void elleCliTwins_readToEqualHistories(Path json) throws IOException {
    History fromJson = HistoryReader.read(json);
    History fromEdn = HistoryReader.read(twin(json));
    assertEquals(fromEdn.size(), fromJson.size());
    // Equal up to what JSON cannot say (keyword vs string, integer vs string map keys): compare as JSON.
    for (int i = 0; i < fromEdn.size(); i++) {
      int at = i;
      assertEquals(fromEdn.index(i), fromJson.index(i), () -> "index of op " + at);
      assertEquals(fromEdn.time(i), fromJson.time(i), () -> "time of op " + at);
      assertEquals(fromEdn.type(i), fromJson.type(i), () -> "type of op " + at);
      assertEquals(fromEdn.processValue(i), fromJson.processValue(i), () -> "process of op " + at);
      assertEquals(fromEdn.f(i), fromJson.f(i), () -> "f of op " + at);
      assertEquals(asJson(fromEdn.value(i)), asJson(fromJson.value(i)), () -> "value of op " + at);
      assertEquals(asJson(fromEdn.error(i)), asJson(fromJson.error(i)), () -> "error of op " + at);
      assertEquals(asJson(fromEdn.extras(i)), asJson(fromJson.extras(i)), () -> "extras of op " + at);
    }
  }

  /** A value as JSON sees it: names for keywords, string map keys, arrays for sets; map order ignored. */
  private static Object asJson(Object v) {
    if (v instanceof madjep.history.edn.Keyword k) {
      return k.name();
    }
    if (v instanceof madjep.history.edn.Symbol || v instanceof Character) {
      return v.toString();
    }
    if (v instanceof java.util.Map<?, ?> m) {
      java.util.Map<Object, Object> out = new java.util.HashMap<>();
      m.forEach((k, x) -> out.put(k instanceof String ? k : JsonValues.toJson(k, false).replace("\"", ""), asJson(x)));
      return out;
    }
    if (v instanceof java.util.Collection<?> c) {
      return c.stream().map(RoundTripTest::asJson).toList();
    }
    return v;
  }

  @Test
  void twinsExist_soTheTwinTestRuns() {
    assertEquals(7, jsonTwins().size(),
        "elle-cli holds five EDN/JSON twins, jepsen-rs one EDN file with a plain and a colon-dialect JSON twin");
  }

  @Test
  void writeToFile_isAtomic_andLeavesNoTemporaryFile(@TempDir Path dir) throws IOException {
    History h = Texts.read("{:type :invoke :process 0 :f :read}\n{:type :ok :process 0 :f :read :value 1}");
    Path out = dir.resolve("h.edn");
    Files.writeString(out, "old content");
    HistoryWriter.write(h, HistoryFormat.EDN, out);
    assertEquals(Texts.write(h, HistoryFormat.EDN), Files.readString(out));
    try (var s = Files.list(dir)) {
      assertEquals(List.of(out), s.toList());
    }
    assertFalse(Files.readString(out).contains("old"));
  }
}
