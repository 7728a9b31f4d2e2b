package madjep.history.edn;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import madjep.history.DataError;

/**
 * A streaming EDN reader over bytes. It holds one 64 KiB buffer of the input at a time, tracks line and column for
 * error messages, interns keywords straight from their bytes and boxes small integers from a cache, because it is
 * the hot path of reading a Jepsen history.
 *
 * <p>Reads EDN's data model: nil, booleans, longs (big integers past 64 bits or with {@code N}), doubles (big
 * decimals with {@code M}), strings with escapes, characters, keywords, symbols, vectors ({@link EdnVector}), lists
 * ({@link EdnList}), maps and sets (insertion-ordered, unmodifiable), tagged elements ({@link Tagged}), {@code ;}
 * comments and {@code #_} discards.
 *
 * <p>Hostile input cannot make it hang, overflow the stack or run out of memory by design: values nest at most
 * {@link #MAX_DEPTH} deep, a string or token holds at most {@link #MAX_TOKEN_BYTES}, control bytes outside strings
 * and bytes that are not UTF-8 are errors, and a line ends at LF, CRLF or a lone CR, so that line numbers and
 * {@code ;} comments agree with every editor. Every error is a {@link DataError} with line and column.
 */
public final class EdnParser {
  /** What {@link #peek()} and {@link #skipWhitespace()} return at the end of the input. */
  public static final int EOF = -1;

  /**
   * How deep values may nest (collections, tags and discards): Jepsen's values nest a few levels, and a bound far
   * below what the stack holds turns a hostile file into a data error instead of a StackOverflowError. Every reader
   * (EDN, jepsen.log, JSON through Jackson's constraints) uses this bound.
   */
  public static final int MAX_DEPTH = 500;

  /** The longest string, token or (in jepsen.log) line any reader holds: 64 MiB, far past any real op. */
  public static final int MAX_TOKEN_BYTES = 64 << 20;

  private static final int BUFFER_SIZE = 1 << 16;
  private static final long LONG_CACHE_LOW = -1024;
  private static final long LONG_CACHE_HIGH = 1 << 16;
  /**
   * Filled as values are met, not up front: 66,560 boxes made before the first byte is read cost a short check more
   * than the boxes save it. A race only makes a duplicate box, and a Long is safely published (its field is final).
   */
  private static final Long[] LONG_CACHE = new Long[(int) (LONG_CACHE_HIGH - LONG_CACHE_LOW)];

  /**
   * Byte classes: bit 1 = whitespace (incl. comma), bit 2 = delimiter that ends a token, bit 4 = a control byte,
   * which ends a token and is an error anywhere but inside a string.
   */
  private static final byte[] CLASS = new byte[256];

  private static final int WS = 1;
  private static final int DELIM = 2;
  private static final int CONTROL = 4;

  static {
    for (int c = 0; c < 0x20; c++) {
      CLASS[c] = CONTROL | DELIM;
    }
    CLASS[0x7f] = CONTROL | DELIM;
    for (char c : new char[] {' ', '\t', '\n', '\r', '\f', ','}) {
      CLASS[c] = WS | DELIM;
    }
    for (char c : new char[] {'(', ')', '[', ']', '{', '}', '"', ';', '\\'}) {
      CLASS[c] = DELIM;
    }
  }

  private final InputStream in;
  private final String source;
  private byte[] buf;
  private int pos;
  private int lim;
  /** Absolute offset of {@code buf[0]} in the input. */
  private long base;
  private int line;
  /** Absolute offset of the first byte of the current line. */
  private long lineStart;
  private boolean exhausted;
  /** Absolute offset of the latest CR, so that the LF of a CRLF does not count a second line. */
  private long lastCr = -2;
  /** How deep the value being read nests. */
  private int depth;
  /** True once a {@code ;} comment or a {@code #_} discard was skipped: the input was not blank. */
  private boolean skippedForms;

  private byte[] scratch = new byte[256];
  private final KeywordTable keywords = new KeywordTable();
  private final ShortKeywordTable shortKeywords = new ShortKeywordTable();

  /** A parser over a stream, which it reads in 64 KiB chunks; {@code source} names it in errors. */
  public EdnParser(InputStream in, String source) {
    this.in = in;
    this.source = source;
    this.buf = new byte[bufferSize(in, BUFFER_SIZE)];
    this.line = 1;
  }

  /**
   * A buffer size for reading {@code in}: {@code max}, or less when the stream says that it holds less (a small file
   * then costs no 64 KiB buffer to zero). Any size reads correctly; the size only saves work.
   */
  public static int bufferSize(InputStream in, int max) {
    try {
      int available = in.available();
      return available <= 0 || available >= max - 64 ? max : Math.max(256, available + 64);
    } catch (IOException e) {
      return max;
    }
  }

  /** A parser over {@code len} bytes of {@code data}, whose first byte is at column 1 of {@code firstLine}. */
  public EdnParser(byte[] data, int off, int len, String source, int firstLine) {
    this.in = null;
    this.source = source;
    reset(data, off, len, firstLine, 1);
  }

  /** Reuses this array parser for another slice, whose first byte is at {@code firstColumn} of {@code line}. */
  public void reset(byte[] data, int off, int len, int line, int firstColumn) {
    if (in != null) {
      throw new IllegalStateException("a stream parser cannot be reset");
    }
    this.buf = data;
    this.pos = off;
    this.lim = off + len;
    this.base = 0;
    this.line = line;
    this.lineStart = off - (firstColumn - 1L);
    this.exhausted = true;
    this.lastCr = -2;
    this.depth = 0;
  }

  /** Parses one EDN value from a string. */
  public static Object parse(String text) {
    return parse(text, "<edn>");
  }

  /** Parses exactly one EDN value from {@code text}; anything after it but whitespace is an error. */
  public static Object parse(String text, String source) {
    byte[] b = text.getBytes(StandardCharsets.UTF_8);
    EdnParser p = new EdnParser(b, 0, b.length, source, 1);
    Object v = p.readValue();
    if (p.skipWhitespace() != EOF) {
      throw p.error("expected the end of the value, found " + p.describeNext());
    }
    return v;
  }

  // ---------------------------------------------------------------- positions and errors

  /** The 1-based line of the next unread byte. */
  public int line() {
    return line;
  }

  /** The 1-based column (in bytes) of the next unread byte. */
  public int column() {
    return (int) (base + pos - lineStart) + 1;
  }

  /** The index of the next unread byte in the array given to {@link #reset}; meaningless for streams. */
  public int arrayOffset() {
    return pos;
  }

  /** The name of the input, as errors print it. */
  public String source() {
    return source;
  }

  /** A data error at the next unread byte. */
  public DataError error(String detail) {
    return new DataError(source, line, column(), -1, detail);
  }

  /** A data error at a position recorded earlier. */
  public DataError errorAt(int atLine, int atColumn, String detail) {
    return new DataError(source, atLine, atColumn, -1, detail);
  }

  /** A short description of the next input, for "found ..." in messages. */
  public String describeNext() {
    int c = peek();
    if (c == EOF) {
      return "the end of the input";
    }
    if ((CLASS[c] & CONTROL) != 0) {
      return describeByte(c);
    }
    ensure(24);
    int end = pos;
    while (end < lim && end - pos < 20 && (CLASS[buf[end] & 0xff] & CONTROL) == 0) {
      end++;
    }
    return "'" + new String(buf, pos, end - pos, StandardCharsets.UTF_8) + "'";
  }

  /** "the control byte 0x0b", for bytes that no EDN value may hold outside a string. */
  static String describeByte(int c) {
    return String.format("the control byte 0x%02x", c);
  }

  /** True once a {@code ;} comment or {@code #_} discard was skipped: input that looked blank was not. */
  public boolean skippedForms() {
    return skippedForms;
  }

  // ---------------------------------------------------------------- buffer

  private boolean fill() {
    if (exhausted) {
      return false;
    }
    try {
      base += lim;
      pos = 0;
      lim = 0;
      int n;
      do {
        n = in.read(buf, 0, buf.length);
      } while (n == 0);
      if (n < 0) {
        exhausted = true;
        return false;
      }
      lim = n;
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Makes at least {@code n} bytes available at {@code pos} unless the input ends first. */
  private void ensure(int n) {
    if (lim - pos >= n || exhausted) {
      return;
    }
    int rest = lim - pos;
    System.arraycopy(buf, pos, buf, 0, rest);
    base += pos;
    pos = 0;
    lim = rest;
    try {
      while (lim < n) {
        int r = in.read(buf, lim, buf.length - lim);
        if (r < 0) {
          exhausted = true;
          return;
        }
        lim += r;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The next byte without consuming it, or {@link #EOF}. */
  public int peek() {
    if (pos < lim || fill()) {
      return buf[pos] & 0xff;
    }
    return EOF;
  }

  private int read() {
    if (pos < lim || fill()) {
      return buf[pos++] & 0xff;
    }
    return EOF;
  }

  /** Consumes one byte that {@link #peek()} has just returned. */
  public void skip() {
    pos++;
  }

  /** Counts a line break just consumed: LF, CR, or the LF of a CRLF (which the CR already counted). */
  private void lineBreak(int c) {
    long at = base + pos - 1;
    if (c == '\r') {
      lastCr = at;
    } else if (at == lastCr + 1) {
      lineStart = base + pos;
      return;
    }
    line++;
    lineStart = base + pos;
  }

  /**
   * Skips whitespace, commas, {@code ;} comments and {@code #_} discarded forms, and returns the next byte without
   * consuming it, or {@link #EOF}.
   */
  public int skipWhitespace() {
    while (true) {
      if (pos >= lim && !fill()) {
        return EOF;
      }
      int c = buf[pos] & 0xff;
      if ((CLASS[c] & WS) != 0) {
        pos++;
        if (c <= '\r' && (c == '\n' || c == '\r')) {
          lineBreak(c);
        }
      } else if (c == ';') {
        skippedForms = true;
        skipComment();
      } else if (c == '#') {
        ensure(2);
        if (lim - pos >= 2 && buf[pos + 1] == '_') {
          pos += 2;
          skippedForms = true;
          readValue();
        } else {
          return c;
        }
      } else {
        return c;
      }
    }
  }

  private void skipComment() {
    while (true) {
      if (pos >= lim && !fill()) {
        return;
      }
      byte b = buf[pos++];
      if (b == '\n' || b == '\r') {
        lineBreak(b);
        return;
      }
    }
  }

  // ---------------------------------------------------------------- values

  /** Reads the next value; the end of the input or a closing bracket is an error. */
  public Object readValue() {
    if (++depth > MAX_DEPTH) {
      throw error("expected values nested at most " + MAX_DEPTH + " deep, found deeper nesting");
    }
    Object v = readValueAt(skipWhitespace());
    depth--;
    return v;
  }

  private Object readValueAt(int c) {
    switch (c) {
      case '{':
        pos++;
        return readMapBody();
      case '[':
        pos++;
        return readVectorBody();
      case '(':
        pos++;
        return readListBody();
      case '"':
        pos++;
        return readStringBody();
      case ':':
        pos++;
        return readKeywordBody();
      case '\\':
        pos++;
        return readCharacter();
      case '#':
        pos++;
        return readDispatch();
      case EOF:
        throw error("expected a value, found the end of the input");
      case ']':
      case '}':
      case ')':
        throw error("expected a value, found an unmatched '" + (char) c + "'");
      default:
        if ((CLASS[c] & CONTROL) != 0) {
          throw error("expected a value, found " + describeByte(c));
        }
        if (c >= '0' && c <= '9') {
          return readNumber();
        }
        if (c == '-' || c == '+') {
          ensure(2);
          if (lim - pos >= 2 && buf[pos + 1] >= '0' && buf[pos + 1] <= '9') {
            return readNumber();
          }
        }
        return readSymbolic();
    }
  }

  /** Reads a keyword, or fails saying what was expected. */
  public Keyword readKeyword(String expected) {
    int c = skipWhitespace();
    if (c != ':') {
      int l = line;
      int col = column();
      throw errorAt(l, col, "expected " + expected + ", found " + describeValueAhead());
    }
    pos++;
    return readKeywordBody();
  }

  /** Describes the value ahead by reading it, for error messages; the input is consumed. */
  private String describeValueAhead() {
    int c = peek();
    if (c == EOF || c == '}' || c == ']' || c == ')') {
      return describeNext();
    }
    try {
      return describe(readValue());
    } catch (DataError e) {
      return describeNext();
    }
  }

  /** A short rendering of a value for "found ..." in messages. */
  public static String describe(Object v) {
    String s = Edn.print(v);
    return s.length() > 60 ? s.substring(0, 57) + "..." : s;
  }

  private Map<Object, Object> readMapBody() {
    int l = line;
    int col = column() - 1;
    LinkedHashMap<Object, Object> map = new LinkedHashMap<>();
    while (true) {
      int c = skipWhitespace();
      if (c == '}') {
        pos++;
        return Collections.unmodifiableMap(map);
      }
      if (c == EOF) {
        throw errorAt(l, col, "expected '}' to close the map opened here, found the end of the input");
      }
      Object key = readValue();
      c = skipWhitespace();
      if (c == '}' || c == EOF) {
        throw error("expected a value for map key " + describe(key) + ", found " + describeNext());
      }
      Object value = readValue();
      if (map.containsKey(key)) {
        throw error("expected distinct map keys, found " + describe(key) + " twice");
      }
      map.put(key, value);
    }
  }

  private Set<Object> readSetBody(int l, int col) {
    LinkedHashSet<Object> set = new LinkedHashSet<>();
    while (true) {
      int c = skipWhitespace();
      if (c == '}') {
        pos++;
        return Collections.unmodifiableSet(set);
      }
      if (c == EOF) {
        throw errorAt(l, col, "expected '}' to close the set opened here, found the end of the input");
      }
      Object v = readValue();
      if (!set.add(v)) {
        throw error("expected distinct set elements, found " + describe(v) + " twice");
      }
    }
  }

  private Object[] readItems(char close, String what) {
    int l = line;
    int col = column() - 1;
    Object[] items = new Object[4];
    int n = 0;
    while (true) {
      int c = skipWhitespace();
      if (c == close) {
        pos++;
        return n == items.length ? items : java.util.Arrays.copyOf(items, n);
      }
      if (c == EOF) {
        throw errorAt(l, col, "expected '" + close + "' to close the " + what + " opened here, found the end of the input");
      }
      if (c == ']' || c == '}' || c == ')') {
        throw error("expected '" + close + "' to close the " + what + " opened at line " + l + ", column " + col
            + ", found '" + (char) c + "'");
      }
      Object v = readValue();
      if (n == items.length) {
        items = java.util.Arrays.copyOf(items, n * 2);
      }
      items[n++] = v;
    }
  }

  private EdnVector readVectorBody() {
    Object[] items = readItems(']', "vector");
    return EdnVector.wrap(items, items.length);
  }

  private EdnList readListBody() {
    Object[] items = readItems(')', "list");
    return EdnList.wrap(items, items.length);
  }

  private String readStringBody() {
    int l = line;
    int col = column() - 1;
    // Fast path: the whole string is in the buffer, ASCII, without escapes or newlines.
    int start = pos;
    int i = pos;
    while (i < lim) {
      byte b = buf[i];
      if (b == '"') {
        pos = i + 1;
        return new String(buf, start, i - start, StandardCharsets.ISO_8859_1);
      }
      if (b == '\\' || b == '\n' || b == '\r' || b < 0) {
        break;
      }
      i++;
    }
    int n = 0;
    boolean ascii = true;
    // Text before the latest \\u escape, decoded: an escape may name half of a surrogate pair, which bytes cannot hold.
    StringBuilder decoded = null;
    while (true) {
      int c = read();
      if (c == EOF) {
        throw errorAt(l, col, "expected '\"' to close the string opened here, found the end of the input");
      }
      if (c == '"') {
        String tail = text(scratch, n, ascii, l, col, "the string opened here");
        return decoded == null ? tail : decoded.append(tail).toString();
      }
      if (n + 8 > scratch.length) {
        growScratch(l, col, "string");
      }
      if (c == '\\') {
        int escLine = line;
        int escColumn = column() - 1;
        int e = read();
        switch (e) {
          case 'n' -> scratch[n++] = '\n';
          case 't' -> scratch[n++] = '\t';
          case 'r' -> scratch[n++] = '\r';
          case 'b' -> scratch[n++] = '\b';
          case 'f' -> scratch[n++] = '\f';
          case '"' -> scratch[n++] = '"';
          case '\\' -> scratch[n++] = '\\';
          case 'u' -> {
            char ch = (char) readHex4();
            if (decoded == null) {
              decoded = new StringBuilder();
            }
            decoded.append(text(scratch, n, ascii, l, col, "the string opened here"));
            decoded.append(ch);
            n = 0;
            ascii = true;
          }
          case EOF -> throw errorAt(l, col, "expected '\"' to close the string opened here, found the end of the input");
          default -> throw errorAt(escLine, escColumn,
              "expected a string escape (\\n \\t \\r \\b \\f \\\" \\\\ \\uXXXX), found '\\" + (char) e + "'");
        }
      } else {
        if (c == '\n' || c == '\r') {
          lineBreak(c);
        }
        ascii &= c < 0x80;
        scratch[n++] = (byte) c;
      }
    }
  }

  /** Doubles the scratch buffer, or fails when a string or token would pass {@link #MAX_TOKEN_BYTES}. */
  private void growScratch(int l, int col, String what) {
    if (scratch.length >= MAX_TOKEN_BYTES) {
      throw errorAt(l, col, "expected a " + what + " of at most " + (MAX_TOKEN_BYTES >> 20) + " MiB, found a longer one");
    }
    scratch = java.util.Arrays.copyOf(scratch, scratch.length * 2);
  }

  /** The text of {@code n} bytes: Latin-1 when all are ASCII, else strictly decoded UTF-8 (bad bytes fail). */
  private String text(byte[] b, int n, boolean ascii, int l, int col, String where) {
    return ascii ? new String(b, 0, n, StandardCharsets.ISO_8859_1) : utf8(b, 0, n, l, col, where);
  }

  /**
   * Strictly decoded UTF-8: a byte that is not part of a well-formed character is an error at {@code l}:{@code col},
   * never a silent U+FFFD that would change a value.
   */
  public String utf8(byte[] b, int off, int n, int l, int col, String where) {
    int bad = firstBadUtf8(b, off, n);
    if (bad >= 0) {
      throw errorAt(l, col, "expected UTF-8 text in " + where + ", found "
          + String.format("the byte 0x%02x, which is not UTF-8", b[bad] & 0xff));
    }
    return new String(b, off, n, StandardCharsets.UTF_8);
  }

  /** The offset of the first byte of {@code b[off, off + n)} that is not part of well-formed UTF-8, or -1. */
  public static int firstBadUtf8(byte[] b, int off, int n) {
    int end = off + n;
    int i = off;
    while (i < end) {
      int c = b[i] & 0xff;
      if (c < 0x80) {
        i++;
        continue;
      }
      int len = c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
      if (len == 0 || i + len > end) {
        return i;
      }
      int c1 = b[i + 1] & 0xff;
      // Overlong forms, surrogates and code points past U+10FFFF are not UTF-8.
      if ((c == 0xE0 && c1 < 0xA0) || (c == 0xED && c1 > 0x9F) || (c == 0xF0 && c1 < 0x90) || (c == 0xF4 && c1 > 0x8F)) {
        return i;
      }
      for (int k = 1; k < len; k++) {
        if ((b[i + k] & 0xC0) != 0x80) {
          return i;
        }
      }
      i += len;
    }
    return -1;
  }

  private int readHex4() {
    int v = 0;
    for (int k = 0; k < 4; k++) {
      int h = read();
      int d = Character.digit(h, 16);
      if (h == EOF || d < 0) {
        throw error("expected four hex digits after \\u");
      }
      v = v * 16 + d;
    }
    return v;
  }

  /** Reads token bytes (up to a delimiter) into {@code scratch}; returns the length. */
  private int readToken() {
    return readTokenAppend(0);
  }

  private Keyword readKeywordBody() {
    // Fast path: the token lies inside the buffer; intern it from there without copying.
    int start = pos;
    int i = pos;
    while (i < lim && (CLASS[buf[i] & 0xff] & DELIM) == 0) {
      i++;
    }
    if (i < lim) {
      if (i == start) {
        throw error("expected a keyword name after ':', found " + describeNext());
      }
      pos = i;
      int len = i - start;
      if (len <= 7) {
        // Most keywords in histories (:index :type :invoke :value :read :append ...) fit in a long, with the length
        // in the top byte so that no two names pack alike.
        long packed = 0;
        for (int k = start; k < i; k++) {
          packed = packed << 8 | (buf[k] & 0xff);
        }
        packed |= (long) len << 56;
        return shortKeywords.intern(packed, buf, start, len);
      }
      return keywords.intern(buf, start, len);
    }
    int n = readToken();
    if (n == 0) {
      throw error("expected a keyword name after ':', found " + describeNext());
    }
    return keywords.intern(scratch, 0, n);
  }

  private Object readNumber() {
    int l = line;
    int col = column();
    int start = pos;
    boolean neg = false;
    int c = buf[pos];
    if (c == '-' || c == '+') {
      neg = c == '-';
      pos++;
    }
    // Up to 18 digits cannot overflow a long, so the fast path needs no overflow check per digit.
    long v = 0;
    int i = pos;
    int digitsEnd = Math.min(lim, pos + 18);
    while (i < digitsEnd) {
      int d = buf[i] - '0';
      if (d < 0 || d > 9) {
        break;
      }
      v = v * 10 + d;
      i++;
    }
    if (i < lim && i > pos && (CLASS[buf[i] & 0xff] & DELIM) != 0) {
      pos = i;
      return box(neg ? -v : v);
    }
    // Slow path: a float, a suffix, a very long number or a number that crosses the buffer's end.
    pos = start;
    int n = readToken();
    String text = new String(scratch, 0, n, StandardCharsets.ISO_8859_1);
    try {
      char last = text.charAt(text.length() - 1);
      if (last == 'N') {
        return new BigInteger(text.substring(0, text.length() - 1));
      }
      if (last == 'M') {
        return new BigDecimal(text.substring(0, text.length() - 1));
      }
      if (text.indexOf('.') >= 0 || text.indexOf('e') >= 0 || text.indexOf('E') >= 0) {
        for (int k = 0; k < text.length(); k++) {
          char ch = text.charAt(k);
          if (!(ch >= '0' && ch <= '9') && ch != '.' && ch != 'e' && ch != 'E' && ch != '-' && ch != '+') {
            throw new NumberFormatException();
          }
        }
        return Double.parseDouble(text);
      }
      BigInteger big = new BigInteger(text.startsWith("+") ? text.substring(1) : text);
      return big.bitLength() < 64 ? (Object) box(big.longValue()) : big;
    } catch (NumberFormatException e) {
      throw errorAt(l, col, "expected a number, found '" + text + "'");
    }
  }

  /** The boxed long, shared for small values so that large histories do not hold millions of equal Longs. */
  public static Long box(long v) {
    if (v >= LONG_CACHE_LOW && v < LONG_CACHE_HIGH) {
      int i = (int) (v - LONG_CACHE_LOW);
      Long boxed = LONG_CACHE[i];
      if (boxed == null) {
        boxed = v;
        LONG_CACHE[i] = boxed;
      }
      return boxed;
    }
    return v;
  }

  private Object readSymbolic() {
    int l = line;
    int col = column();
    int n = readToken();
    if (n == 0) {
      int c = read();
      throw errorAt(l, col, "expected a value, found '" + (char) c + "'");
    }
    if (n == 3 && scratch[0] == 'n' && scratch[1] == 'i' && scratch[2] == 'l') {
      return null;
    }
    String s = utf8(scratch, 0, n, l, col, "the symbol here");
    switch (s) {
      case "true":
        return Boolean.TRUE;
      case "false":
        return Boolean.FALSE;
      default:
        return new Symbol(s);
    }
  }

  private Character readCharacter() {
    int l = line;
    int col = column() - 1;
    int first = read();
    if (first == EOF) {
      throw errorAt(l, col, "expected a character after '\\', found the end of the input");
    }
    scratch[0] = (byte) first;
    int n = 1 + readTokenAppend(1);
    if (n == 1 && first < 0x80) {
      return (char) first;
    }
    String name = utf8(scratch, 0, n, l, col, "the character here");
    switch (name) {
      case "newline":
        return '\n';
      case "space":
        return ' ';
      case "tab":
        return '\t';
      case "return":
        return '\r';
      case "formfeed":
        return '\f';
      case "backspace":
        return '\b';
      default:
        if (name.length() == 5 && name.charAt(0) == 'u') {
          try {
            return (char) Integer.parseInt(name.substring(1), 16);
          } catch (NumberFormatException e) {
            // fall through to the error below
          }
        }
        if (name.codePointCount(0, name.length()) == 1 && name.length() == 1) {
          return name.charAt(0);
        }
        throw errorAt(l, col, "expected a character such as \\a, \\newline or \\u0041, found '\\" + name + "'");
    }
  }

  /** Reads token bytes into {@code scratch} from {@code offset} on; returns how many it read. */
  private int readTokenAppend(int offset) {
    int n = 0;
    while (true) {
      if (pos >= lim && !fill()) {
        return n;
      }
      int c = buf[pos] & 0xff;
      if ((CLASS[c] & DELIM) != 0) {
        return n;
      }
      if (offset + n == scratch.length) {
        growScratch(line, column() - n, "token");
      }
      scratch[offset + n++] = (byte) c;
      pos++;
    }
  }

  private Object readDispatch() {
    int l = line;
    int col = column() - 1;
    int c = peek();
    if (c == '{') {
      pos++;
      return readSetBody(l, col);
    }
    if (c == '#') {
      pos++;
      int n = readToken();
      String s = new String(scratch, 0, n, StandardCharsets.ISO_8859_1);
      switch (s) {
        case "Inf":
          return Double.POSITIVE_INFINITY;
        case "-Inf":
          return Double.NEGATIVE_INFINITY;
        case "NaN":
          return Double.NaN;
        default:
          throw errorAt(l, col, "expected ##Inf, ##-Inf or ##NaN, found '##" + s + "'");
      }
    }
    Symbol tag = readTag(l, col);
    int next = skipWhitespace();
    if (next == EOF) {
      throw errorAt(l, col, "expected a value after the tag #" + tag + ", found the end of the input");
    }
    return new Tagged(tag, readValue());
  }

  /**
   * Reads a tag's symbol after a consumed '#'; {@code l}/{@code col} locate the '#'. Public so that op readers can
   * unwrap record tags such as {@code #jepsen.history.Op{...}}.
   */
  public Symbol readTag(int l, int col) {
    int c = peek();
    if (c == EOF || (CLASS[c] & DELIM) != 0 || !Character.isLetter(c)) {
      throw errorAt(l, col, "expected a tag, a set #{...} or a discard #_ after '#', found " + describeNext());
    }
    int n = readToken();
    return new Symbol(utf8(scratch, 0, n, l, col, "the tag here"));
  }

  /** Reads a map's entries after its consumed '{', calling {@code sink} for each; used by op readers. */
  public interface EntrySink {
    /**
     * Called with each key, positioned before its value: read the value through the parser. Returns false to
     * let the parser read and keep the value generically through {@link #other}.
     */
    boolean entry(Keyword key, EdnParser parser);

    /** A key that is not a keyword, or a keyword {@link #entry} declined, with its value. */
    void other(Object key, Object value, int line, int column);
  }

  /**
   * Reads the body of a map whose '{' was consumed at {@code l}:{@code col}, handing keyword keys to the sink so
   * that known fields are read without boxing.
   */
  public void readMapEntries(EntrySink sink, int l, int col) {
    while (true) {
      int c = skipWhitespace();
      if (c == '}') {
        pos++;
        return;
      }
      if (c == EOF) {
        throw errorAt(l, col, "expected '}' to close the map opened here, found the end of the input");
      }
      int kl = line;
      int kc = column();
      Object key;
      if (c == ':') {
        pos++;
        key = readKeywordBody();
      } else {
        key = readValue();
      }
      c = skipWhitespace();
      if (c == '}' || c == EOF) {
        throw error("expected a value for key " + describe(key) + ", found " + describeNext());
      }
      if (!(key instanceof Keyword k) || !sink.entry(k, this)) {
        sink.other(key, readValue(), kl, kc);
      }
    }
  }

  /** Reads a long, or fails saying what was expected; integers that fit 18 digits are read without boxing. */
  public long readLong(String expected) {
    int c = skipWhitespace();
    int l = line;
    int col = column();
    ensure(20);
    int i = pos;
    boolean neg = c == '-';
    if (neg || c == '+') {
      i++;
    }
    int start = i;
    long v = 0;
    int digitsEnd = Math.min(lim, start + 18);
    while (i < digitsEnd) {
      int d = buf[i] - '0';
      if (d < 0 || d > 9) {
        break;
      }
      v = v * 10 + d;
      i++;
    }
    if (i > start && i < lim && (CLASS[buf[i] & 0xff] & DELIM) != 0) {
      pos = i;
      return neg ? -v : v;
    }
    Object value = readValue();
    if (value instanceof Long x) {
      return x;
    }
    throw errorAt(l, col, "expected " + expected + ", found " + describe(value));
  }

  /**
   * A keyword seen for the first time, whose {@code len} name bytes end at the next unread byte: its name must be
   * UTF-8 and a keyword name, else the error points at its ':'.
   */
  private Keyword newKeyword(byte[] b, int off, int len) {
    int col = column() - len - 1;
    String name = utf8(b, off, len, line, col, "the keyword here");
    if (!Keyword.isValidName(name)) {
      throw errorAt(line, col, "expected a keyword name, found ':" + name + "'");
    }
    return Keyword.of(name);
  }

  /** Interns keywords of at most 7 bytes, keyed by their length and bytes packed into a (never zero) long. */
  private final class ShortKeywordTable {
    private long[] keys = new long[256];
    private Keyword[] values = new Keyword[256];
    private int size;

    Keyword intern(long packed, byte[] b, int off, int len) {
      int mask = keys.length - 1;
      long h = packed * 0x9E3779B97F4A7C15L;
      int slot = (int) (h ^ (h >>> 32)) & mask;
      while (true) {
        long k = keys[slot];
        if (k == packed) {
          return values[slot];
        }
        if (k == 0) {
          break;
        }
        slot = (slot + 1) & mask;
      }
      Keyword kw = newKeyword(b, off, len);
      put(packed, kw);
      return kw;
    }

    private void put(long packed, Keyword kw) {
      if ((size + 1) * 2 > keys.length) {
        long[] oldKeys = keys;
        Keyword[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new Keyword[oldKeys.length * 2];
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
          if (oldKeys[i] != 0) {
            put(oldKeys[i], oldValues[i]);
          }
        }
      }
      int mask = keys.length - 1;
      long h = packed * 0x9E3779B97F4A7C15L;
      int slot = (int) (h ^ (h >>> 32)) & mask;
      while (keys[slot] != 0) {
        slot = (slot + 1) & mask;
      }
      keys[slot] = packed;
      values[slot] = kw;
      size++;
    }
  }

  /** Interns keywords from bytes without building a String on a hit. */
  private final class KeywordTable {
    private byte[][] keys = new byte[256][];
    private Keyword[] values = new Keyword[256];
    private int size;

    Keyword intern(byte[] b, int off, int len) {
      int h = 1;
      for (int i = 0; i < len; i++) {
        h = 31 * h + b[off + i];
      }
      h ^= h >>> 16;
      int mask = keys.length - 1;
      int slot = h & mask;
      while (true) {
        byte[] k = keys[slot];
        if (k == null) {
          break;
        }
        if (k.length == len && java.util.Arrays.equals(k, 0, len, b, off, off + len)) {
          return values[slot];
        }
        slot = (slot + 1) & mask;
      }
      Keyword kw = newKeyword(b, off, len);
      keys[slot] = java.util.Arrays.copyOfRange(b, off, off + len);
      values[slot] = kw;
      if (++size * 2 > keys.length) {
        grow();
      }
      return kw;
    }

    private void grow() {
      byte[][] oldKeys = keys;
      Keyword[] oldValues = values;
      keys = new byte[oldKeys.length * 2][];
      values = new Keyword[oldKeys.length * 2];
      size = 0;
      for (int i = 0; i < oldKeys.length; i++) {
        if (oldKeys[i] != null) {
          intern(oldKeys[i], 0, oldKeys[i].length);
        }
      }
    }
  }
}
