package madjep.history.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The byte buffer the history writers fill one line at a time: ASCII written straight as bytes, numbers without a
 * string in between, and a mark to take back a line that the fast path could not write (the writer then writes
 * that line the general way). Full buffers go to the stream between lines.
 */
final class LineSink {
  private static final int FLUSH_AT = 1 << 16;
  private static final long BILLION = 1_000_000_000L;
  /** "00" to "99": the two digits of {@code i} at {@code 2i} and {@code 2i + 1}. */
  private static final byte[] PAIRS = new byte[200];

  static {
    for (int i = 0; i < 100; i++) {
      PAIRS[2 * i] = (byte) ('0' + i / 10);
      PAIRS[2 * i + 1] = (byte) ('0' + i % 10);
    }
  }

  /** How many strings {@link #plain} remembers (a power of two), and how long each may be. */
  private static final int RECENT = 32;
  private static final int RECENT_LENGTH = 64;

  private final OutputStream out;
  private final String[] recent = new String[RECENT];
  private final byte[][] recentBytes = new byte[RECENT][];
  private byte[] buf = new byte[FLUSH_AT + 4096];
  private int n;
  private int mark;

  LineSink(OutputStream out) {
    this.out = out;
  }

  /** Starts a line: {@link #rollback()} returns here. */
  void mark() {
    mark = n;
  }

  /** Forgets what was written since {@link #mark()}. */
  void rollback() {
    n = mark;
  }

  /** Ends a line; sends the buffer to the stream once it is full. */
  void endLine() throws IOException {
    if (n >= FLUSH_AT) {
      out.write(buf, 0, n);
      n = 0;
    }
    mark = n;
  }

  /** Writes bytes as they are (a line the general way wrote). */
  void bytes(byte[] b) throws IOException {
    if (n + b.length > buf.length) {
      out.write(buf, 0, n);
      n = 0;
      if (b.length > buf.length) {
        out.write(b);
        mark = 0;
        return;
      }
    }
    System.arraycopy(b, 0, buf, n, b.length);
    n += b.length;
    mark = n;
  }

  /** Writes what is buffered and flushes the stream. */
  void flush() throws IOException {
    out.write(buf, 0, n);
    n = 0;
    mark = 0;
    out.flush();
  }

  private void ensure(int more) {
    if (n + more > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, n + more));
    }
  }

  void put(char c) {
    ensure(1);
    buf[n++] = (byte) c;
  }

  /** Writes {@code s}, which the caller knows to be ASCII. */
  void ascii(String s) {
    int len = s.length();
    ensure(len);
    for (int i = 0; i < len; i++) {
      buf[n++] = (byte) s.charAt(i);
    }
  }

  /** Writes {@code b}, bytes made by {@link #bytes}. */
  void raw(byte[] b) {
    ensure(b.length);
    System.arraycopy(b, 0, buf, n, b.length);
    n += b.length;
  }

  /** The bytes of {@code ascii}, for {@link #raw}. */
  static byte[] bytes(String ascii) {
    return ascii.getBytes(StandardCharsets.US_ASCII);
  }

  /**
   * Writes {@code s} when every character is printable ASCII that needs no escape in an EDN or JSON string: from
   * space to {@code ~}, but not {@code "} or {@code \}. Returns false, having written nothing, otherwise.
   */
  boolean plain(String s) {
    // Keywords' names (an op's function, its node, its error) recur on every line as the same String objects:
    // those written lately are copied as bytes, found by identity, rather than checked a character at a time.
    int slot = System.identityHashCode(s) & (RECENT - 1);
    if (recent[slot] == s) {
      raw(recentBytes[slot]);
      return true;
    }
    int len = s.length();
    ensure(len);
    int at = n;
    for (int i = 0; i < len; i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') {
        return false;
      }
      buf[at++] = (byte) c;
    }
    if (len <= RECENT_LENGTH) {
      recent[slot] = s;
      recentBytes[slot] = Arrays.copyOfRange(buf, n, at);
    }
    n = at;
    return true;
  }

  /** Writes {@code v} in decimal, as {@link Long#toString(long)} does. */
  void number(long v) {
    if (v == Long.MIN_VALUE) {
      ascii("-9223372036854775808");
      return;
    }
    ensure(20);
    if (v < 0) {
      buf[n++] = '-';
      v = -v;
    }
    // A history's times run to 13 digits, and JFR put half of the writers' samples in a long division per digit:
    // split into blocks of nine digits, each written as an int two digits at a time.
    if (v < BILLION) {
      n = digits(buf, n, (int) v);
      return;
    }
    long high = v / BILLION;
    int low = (int) (v - high * BILLION);
    if (high < BILLION) {
      n = digits(buf, n, (int) high);
    } else {
      long top = high / BILLION;
      n = digits(buf, n, (int) top);
      n = nineDigits(buf, n, (int) (high - top * BILLION));
    }
    n = nineDigits(buf, n, low);
  }

  /** Writes {@code v} (at least 0) at {@code at} without leading zeros; returns the end. */
  private static int digits(byte[] b, int at, int v) {
    int end = at + size(v);
    fill(b, end, v, end - at);
    return end;
  }

  /** Writes {@code v} (0 to 999,999,999) at {@code at} as exactly nine digits; returns the end. */
  private static int nineDigits(byte[] b, int at, int v) {
    fill(b, at + 9, v, 9);
    return at + 9;
  }

  /** Fills the {@code count} bytes before {@code end} with the last {@code count} digits of {@code v}. */
  private static void fill(byte[] b, int end, int v, int count) {
    int i = end;
    int left = count;
    while (left >= 2) {
      int q = v / 100;
      int r = (v - q * 100) << 1;
      v = q;
      b[--i] = PAIRS[r + 1];
      b[--i] = PAIRS[r];
      left -= 2;
    }
    if (left == 1) {
      b[--i] = (byte) ('0' + v % 10);
    }
  }

  /** Digits of {@code v}, which is at least 0. */
  private static int size(int v) {
    int d = 1;
    for (int p = 10; d < 10 && v >= p; p *= 10) {
      d++;
    }
    return d;
  }
}
