package madjep.history.fuzz;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A second, independent EDN reader for the fuzzer's oracle: small, recursive, slow and written from the EDN rules,
 * not from {@code EdnParser}. It reads values into {@link Canon} strings, so that what it reads can be compared with
 * what the production reader read. It is lenient where leniency cannot hide a wrong value (duplicate keys, nesting
 * depth), and exact about values: a token it cannot read makes it throw {@link Rejected}.
 */
final class ReferenceEdn {
  /** The bytes do not hold what the caller asked for. */
  static final class Rejected extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Rejected(String why) {
      super(why, null, false, false);
    }
  }

  private final byte[] b;
  private final int end;
  int pos;

  ReferenceEdn(byte[] b, int from, int to) {
    this.b = b;
    this.pos = from;
    this.end = to;
  }

  static boolean isWhitespace(int c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == ',';
  }

  private static boolean isDelimiter(int c) {
    return isWhitespace(c) || "()[]{}\";\\".indexOf(c) >= 0 || c < 0x20 || c == 0x7f;
  }

  boolean atEnd() {
    return pos >= end;
  }

  int peek() {
    return pos < end ? b[pos] & 0xff : -1;
  }

  /** Skips whitespace, comments (to the end of a line: LF or CR) and {@code #_} forms; true when any was a form. */
  boolean skipSpace() {
    boolean forms = false;
    while (pos < end) {
      int c = b[pos] & 0xff;
      if (isWhitespace(c)) {
        pos++;
      } else if (c == ';') {
        forms = true;
        while (pos < end && b[pos] != '\n' && b[pos] != '\r') {
          pos++;
        }
      } else if (c == '#' && pos + 1 < end && b[pos + 1] == '_') {
        forms = true;
        pos += 2;
        value();
      } else {
        break;
      }
    }
    return forms;
  }

  private String token() {
    int s = pos;
    while (pos < end && !isDelimiter(b[pos] & 0xff)) {
      pos++;
    }
    return utf8(s, pos);
  }

  private String utf8(int s, int e) {
    return utf8(b, s, e);
  }

  /** Strictly decoded UTF-8, or {@link Rejected}. */
  static String utf8(byte[] b, int s, int e) {
    try {
      return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(b, s, e - s)).toString();
    } catch (CharacterCodingException ex) {
      throw new Rejected("not UTF-8");
    }
  }

  /** The canonical form of the next value. */
  String value() {
    skipSpace();
    int c = peek();
    if (c < 0) {
      throw new Rejected("end of input");
    }
    switch (c) {
      case '[':
        pos++;
        return "[" + items(']') + "]";
      case '(':
        pos++;
        return "(" + items(')') + ")";
      case '{': {
        pos++;
        List<String> kv = itemList('}');
        if (kv.size() % 2 != 0) {
          throw new Rejected("odd map");
        }
        return "{" + String.join(" ", kv) + "}";
      }
      case '"':
        pos++;
        return Canon.string(string());
      case ':': {
        pos++;
        String name = token();
        if (!Canon.validKeywordName(name)) {
          throw new Rejected("keyword");
        }
        return Canon.keyword(name);
      }
      case '\\':
        pos++;
        return character();
      case '#':
        pos++;
        return dispatch();
      default:
        if (c == ')' || c == ']' || c == '}' || c < 0x20 || c == 0x7f) {
          throw new Rejected("unexpected " + c);
        }
        if ((c >= '0' && c <= '9') || ((c == '-' || c == '+') && pos + 1 < end && b[pos + 1] >= '0' && b[pos + 1] <= '9')) {
          return number(token());
        }
        String t = token();
        if (t.isEmpty()) {
          throw new Rejected("empty token");
        }
        return switch (t) {
          case "nil" -> Canon.NIL;
          case "true", "false" -> t;
          default -> Canon.symbol(t);
        };
    }
  }

  private String items(char close) {
    return String.join(" ", itemList(close));
  }

  private List<String> itemList(char close) {
    List<String> out = new ArrayList<>();
    while (true) {
      skipSpace();
      int c = peek();
      if (c == close) {
        pos++;
        return out;
      }
      if (c < 0) {
        throw new Rejected("unclosed");
      }
      out.add(value());
    }
  }

  private String string() {
    int[] at = {pos};
    String text = quoted(b, at, end, false);
    pos = at[0];
    return text;
  }

  /**
   * The text of a string literal whose opening quote is consumed, from {@code at[0]} (moved past the closing quote):
   * the escapes n t r b f, quote, backslash and u followed by four hex digits, and in JSON also the slash, with raw
   * control characters refused.
   */
  static String quoted(byte[] b, int[] at, int end, boolean json) {
    StringBuilder sb = new StringBuilder();
    int pos = at[0];
    int s = pos;
    while (true) {
      if (pos >= end) {
        throw new Rejected("unclosed string");
      }
      int c = b[pos] & 0xff;
      if (c == '"') {
        sb.append(utf8(b, s, pos));
        at[0] = pos + 1;
        return sb.toString();
      }
      if (json && c < 0x20) {
        throw new Rejected("control character in a string");
      }
      if (c != '\\') {
        pos++;
        continue;
      }
      sb.append(utf8(b, s, pos));
      if (pos + 1 >= end) {
        throw new Rejected("cut escape");
      }
      int e = b[pos + 1];
      pos += 2;
      switch (e) {
        case 'n' -> sb.append('\n');
        case 't' -> sb.append('\t');
        case 'r' -> sb.append('\r');
        case 'b' -> sb.append('\b');
        case 'f' -> sb.append('\f');
        case '"' -> sb.append('"');
        case '\\' -> sb.append('\\');
        case 'u' -> {
          String hex = pos + 4 <= end ? new String(b, pos, 4, StandardCharsets.ISO_8859_1) : "";
          if (!isHex(hex)) {
            throw new Rejected("bad \\u");
          }
          sb.append((char) Integer.parseInt(hex, 16));
          pos += 4;
        }
        default -> {
          if (!(json && e == '/')) {
            throw new Rejected("bad escape");
          }
          sb.append('/');
        }
      }
      s = pos;
    }
  }

  private String character() {
    if (pos >= end) {
      throw new Rejected("cut character");
    }
    int first = pos++;
    while (pos < end && !isDelimiter(b[pos] & 0xff)) {
      pos++;
    }
    String name = utf8(first, pos);
    char ch;
    switch (name) {
      case "newline" -> ch = '\n';
      case "space" -> ch = ' ';
      case "tab" -> ch = '\t';
      case "return" -> ch = '\r';
      case "formfeed" -> ch = '\f';
      case "backspace" -> ch = '\b';
      default -> {
        if (name.length() == 5 && name.charAt(0) == 'u' && isHex(name.substring(1))) {
          ch = (char) Integer.parseInt(name.substring(1), 16);
        } else if (name.length() == 1) {
          ch = name.charAt(0);
        } else {
          throw new Rejected("character");
        }
      }
    }
    return Canon.character(ch);
  }

  private String dispatch() {
    int c = peek();
    if (c == '{') {
      pos++;
      return "#{" + items('}') + "}";
    }
    if (c == '#') {
      pos++;
      String t = token();
      return switch (t) {
        case "Inf" -> Canon.dbl(Double.POSITIVE_INFINITY);
        case "-Inf" -> Canon.dbl(Double.NEGATIVE_INFINITY);
        case "NaN" -> Canon.dbl(Double.NaN);
        default -> throw new Rejected("##");
      };
    }
    String tag = tag();
    skipSpace();
    return "#" + tag + " " + value();
  }

  /** A tag's name after a consumed '#': it starts with a letter. */
  String tag() {
    int c = peek();
    if (c < 0 || !Character.isLetter(c) || isDelimiter(c)) {
      throw new Rejected("tag");
    }
    return token();
  }

  /** True when {@code s} is four hex digits. */
  static boolean isHex(String s) {
    return s.length() == 4 && only(s, "0123456789abcdefABCDEF");
  }

  /** True when {@code s} is not empty and every character of it is one of {@code chars}. */
  static boolean only(String s, String chars) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (chars.indexOf(s.charAt(i)) < 0) {
        return false;
      }
    }
    return true;
  }

  /** Numbers as MadJep reads them: longs, N big integers, M big decimals, doubles. */
  static String number(String t) {
    try {
      char last = t.charAt(t.length() - 1);
      if (last == 'N') {
        return Canon.bigInteger(new BigInteger(t.substring(0, t.length() - 1)));
      }
      if (last == 'M') {
        return Canon.bigDecimal(new BigDecimal(t.substring(0, t.length() - 1)));
      }
      if (only(t, "0123456789.eE+-") && (t.contains(".") || t.contains("e") || t.contains("E"))) {
        return Canon.dbl(Double.parseDouble(t));
      }
      if (!only(t.substring(t.charAt(0) == '-' || t.charAt(0) == '+' ? 1 : 0), "0123456789")) {
        throw new Rejected("number " + t);
      }
      BigInteger v = new BigInteger(t.startsWith("+") ? t.substring(1) : t);
      return v.bitLength() < 64 ? Canon.lng(v.longValue()) : Canon.bigInteger(v);
    } catch (NumberFormatException e) {
      throw new Rejected("number " + t);
    }
  }
}
