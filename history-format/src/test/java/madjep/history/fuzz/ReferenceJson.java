package madjep.history.fuzz;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import madjep.history.fuzz.ReferenceEdn.Rejected;

/**
 * A second, independent JSON reader for the fuzzer's oracle, written from RFC 8259 (no comments, no trailing commas,
 * no NaN, no leading zeros, no raw control characters in strings). Values come back as {@link Canon} strings in JSON
 * mode; objects as ordered maps of name to canonical value, where a name repeated keeps its first place and its last
 * value, as a {@link LinkedHashMap} does.
 */
final class ReferenceJson {
  private final byte[] b;
  private final int end;
  int pos;

  ReferenceJson(byte[] b, int from, int to) {
    this.b = b;
    this.pos = from;
    this.end = to;
  }

  static boolean isWhitespace(int c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
  }

  void skipSpace() {
    while (pos < end && isWhitespace(b[pos])) {
      pos++;
    }
  }

  int peek() {
    skipSpace();
    return pos < end ? b[pos] & 0xff : -1;
  }

  /** An object's fields, name to canonical value; the reader is past its '{'. */
  Map<String, Object> objectBody() {
    Map<String, Object> m = new LinkedHashMap<>();
    if (peek() == '}') {
      pos++;
      return m;
    }
    while (true) {
      if (peek() != '"') {
        throw new Rejected("name");
      }
      pos++;
      String name = string();
      if (peek() != ':') {
        throw new Rejected("colon");
      }
      pos++;
      m.put(name, value());
      int c = peek();
      pos++;
      if (c == '}') {
        return m;
      }
      if (c != ',') {
        throw new Rejected("comma");
      }
    }
  }

  /**
   * The next value: a canonical string, except that an object comes back as its map (so that op fields can be
   * picked) and a string as {@link JsonString} (so that names can be told from other values).
   */
  Object value() {
    int c = peek();
    if (c < 0) {
      throw new Rejected("end");
    }
    if (c == '{') {
      pos++;
      return objectBody();
    }
    if (c == '[') {
      pos++;
      List<String> items = new ArrayList<>();
      if (peek() == ']') {
        pos++;
        return "[]";
      }
      while (true) {
        items.add(canon(value()));
        int d = peek();
        pos++;
        if (d == ']') {
          return "[" + String.join(" ", items) + "]";
        }
        if (d != ',') {
          throw new Rejected("comma");
        }
      }
    }
    if (c == '"') {
      pos++;
      return new JsonString(string());
    }
    if (literal("true")) {
      return "true";
    }
    if (literal("false")) {
      return "false";
    }
    if (literal("null")) {
      return Canon.NIL;
    }
    return number();
  }

  /** A JSON string's text. */
  record JsonString(String text) {}

  /** The canonical form of a value from {@link #value()}. */
  static String canon(Object v) {
    if (v instanceof JsonString s) {
      return Canon.jsonName(s.text());
    }
    if (v instanceof Map<?, ?> m) {
      List<String> items = new ArrayList<>();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        items.add(Canon.jsonName((String) e.getKey()));
        items.add(canon(e.getValue()));
      }
      return "{" + String.join(" ", items) + "}";
    }
    return (String) v;
  }

  private boolean literal(String word) {
    int n = word.length();
    if (pos + n > end) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      if (b[pos + i] != word.charAt(i)) {
        return false;
      }
    }
    if (pos + n < end && Character.isLetterOrDigit(b[pos + n])) {
      return false;
    }
    pos += n;
    return true;
  }

  private String number() {
    int s = pos;
    if (pos < end && b[pos] == '-') {
      pos++;
    }
    int digits = pos;
    while (pos < end && b[pos] >= '0' && b[pos] <= '9') {
      pos++;
    }
    if (pos == digits || (b[digits] == '0' && pos - digits > 1)) {
      throw new Rejected("number");
    }
    boolean integer = true;
    if (pos < end && b[pos] == '.') {
      integer = false;
      int f = ++pos;
      while (pos < end && b[pos] >= '0' && b[pos] <= '9') {
        pos++;
      }
      if (pos == f) {
        throw new Rejected("fraction");
      }
    }
    if (pos < end && (b[pos] == 'e' || b[pos] == 'E')) {
      integer = false;
      pos++;
      if (pos < end && (b[pos] == '+' || b[pos] == '-')) {
        pos++;
      }
      int e = pos;
      while (pos < end && b[pos] >= '0' && b[pos] <= '9') {
        pos++;
      }
      if (pos == e) {
        throw new Rejected("exponent");
      }
    }
    String t = new String(b, s, pos - s, StandardCharsets.ISO_8859_1);
    if (!integer) {
      return Canon.dbl(Double.parseDouble(t));
    }
    BigInteger v = new BigInteger(t);
    return v.bitLength() < 64 ? Canon.lng(v.longValue()) : Canon.bigInteger(v);
  }

  private String string() {
    int[] at = {pos};
    String text = ReferenceEdn.quoted(b, at, end, true);
    pos = at[0];
    return text;
  }
}
