package madjep.history.edn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import madjep.history.DataError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EdnParserTest {
  @Test
  void scalars_parse_toEdnDataModel() {
    assertNull(Edn.parse("nil"));
    assertEquals(Boolean.TRUE, Edn.parse("true"));
    assertEquals(Boolean.FALSE, Edn.parse("false"));
    assertEquals(42L, Edn.parse("42"));
    assertEquals(-7L, Edn.parse("-7"));
    assertEquals(7L, Edn.parse("+7"));
    assertEquals(Long.MAX_VALUE, Edn.parse("9223372036854775807"));
    assertEquals(Long.MIN_VALUE, Edn.parse("-9223372036854775808"));
    assertEquals(new BigInteger("9223372036854775808"), Edn.parse("9223372036854775808"));
    assertEquals(new BigInteger("12"), Edn.parse("12N"));
    assertEquals(1.5, Edn.parse("1.5"));
    assertEquals(-2.5e10, Edn.parse("-2.5e10"));
    assertEquals(new BigDecimal("1.25"), Edn.parse("1.25M"));
    assertEquals(Double.POSITIVE_INFINITY, Edn.parse("##Inf"));
    assertTrue(Double.isNaN((Double) Edn.parse("##NaN")));
    assertEquals("a \"b\"\n\t\\ \u00e9 \u2603", Edn.parse("\"a \\\"b\\\"\\n\\t\\\\ \u00e9 \\u2603\""));
    assertEquals('a', Edn.parse("\\a"));
    assertEquals('\n', Edn.parse("\\newline"));
    assertEquals(' ', Edn.parse("\\space"));
    assertEquals('A', Edn.parse("\\u0041"));
    assertSame(Keyword.of("read"), Edn.parse(":read"));
    assertSame(Keyword.of("jepsen.history/op"), Edn.parse(":jepsen.history/op"));
    assertEquals(new Symbol("foo.bar"), Edn.parse("foo.bar"));
  }

  @Test
  void collections_parse_keepingOrderAndShape() {
    Object v = Edn.parse("[:append 5 nil [1 2] (3 4) #{:b :a} {:y 1, :x 2}]");
    List<?> l = (List<?>) v;
    assertInstanceOf(EdnVector.class, l);
    assertEquals(Keyword.of("append"), l.get(0));
    assertNull(l.get(2));
    assertEquals(List.of(1L, 2L), l.get(3));
    assertInstanceOf(EdnList.class, l.get(4));
    assertEquals(List.of(Keyword.of("b"), Keyword.of("a")), List.copyOf((Set<?>) l.get(5)));
    assertEquals(List.of(Keyword.of("y"), Keyword.of("x")), List.copyOf(((Map<?, ?>) l.get(6)).keySet()));
  }

  @Test
  void commentsAndDiscards_areSkipped() {
    assertEquals(List.of(1L, 3L), Edn.parse("[1 ; one\n #_ 2 #_[x y] 3] ; trailing"));
  }

  @Test
  void tags_keepTagAndValue() {
    Tagged t = (Tagged) Edn.parse("#inst \"2020-01-01T00:00:00Z\"");
    assertEquals(new Symbol("inst"), t.tag());
    assertEquals("2020-01-01T00:00:00Z", t.value());
  }

  @Test
  void print_parse_roundTrips() {
    String text = "[nil true 1 -2 12345678901234567890N 1.5 1.0E10 2.50M \"s\\\"\\n\" \\a \\newline :k sym"
        + " (1 2) #{1} {:a [1], \"b\" {}} #inst \"x\" ##Inf]";
    Object v = Edn.parse(text);
    assertEquals(v, Edn.parse(Edn.print(v)));
    assertEquals(Edn.print(v), Edn.print(Edn.parse(Edn.print(v))));
  }

  @Test
  void streamParser_handlesValuesAcrossBufferBoundaries() {
    // Strings, keywords and numbers that straddle the 64 KiB buffer edge must read whole.
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < 40_000; i++) {
      sb.append(":kw").append(i % 7).append(" \"str").append(i).append("\" ").append(i * 1_000_003L).append(' ');
    }
    sb.append(']');
    byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
    EdnParser p = new EdnParser(new ByteArrayInputStream(bytes), "big");
    List<?> v = (List<?>) p.readValue();
    assertEquals(120_000, v.size());
    for (int i = 0; i < 40_000; i++) {
      assertSame(Keyword.of("kw" + (i % 7)), v.get(3 * i));
      assertEquals("str" + i, v.get(3 * i + 1));
      assertEquals(i * 1_000_003L, v.get(3 * i + 2));
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "[1 2|1|1|expected ']' to close the vector opened here, found the end of the input",
        "{:a 1 :a 2}|1|11|expected distinct map keys, found :a twice",
        "{:a}|1|4|expected a value for map key :a, found '}'",
        "\"abc|1|1|expected '\"' to close the string opened here, found the end of the input",
        "12ab|1|1|expected a number, found '12ab'",
        "[1 ]]|1|5|expected the end of the value, found ']'",
        "#{1 1}|1|6|expected distinct set elements, found 1 twice",
        "\"\\q\"|1|2|expected a string escape (\\n \\t \\r \\b \\f \\\" \\\\ \\uXXXX), found '\\q'",
        "(1 2]|1|5|expected ')' to close the list opened at line 1, column 1, found ']'",
        ":|1|2|expected a keyword name after ':', found the end of the input",
      })
  void badEdn_fails_withPositionAndExpectation(String text, int line, int column, String detail) {
    DataError e = assertThrows(DataError.class, () -> EdnParser.parse(text, "t.edn"));
    assertEquals(detail, e.detail());
    assertEquals(line, e.line());
    assertEquals(column, e.column());
    assertEquals("t.edn:" + line + ":" + column + ": " + detail, e.getMessage());
  }

  @Test
  void errorOnLaterLine_reportsThatLineAndColumn() {
    DataError e = assertThrows(DataError.class, () -> EdnParser.parse("[1\n 2\n   \"x\\y\"]", "f"));
    assertEquals(3, e.line());
    assertEquals(6, e.column());
  }
}
