package madjep.history.io;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * The byte buffer the history writers fill one line at a time: ASCII written straight as bytes, numbers without a
 * string in between, and a mark to take back a line that the fast path could not write (the writer then writes
 * that line the general way). Full buffers go to the stream between lines.
 */
final class LineSink {
  private static final int FLUSH_AT = 1 << 16;

  private final OutputStream out;
  private byte[] buf = new byte[FLUSH_AT + 4096];
  private int n;
  private int mark;
  /** Digits of a number, written backwards. */
  private final byte[] digits = new byte[20];

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

  /**
   * Writes {@code s} when every character is printable ASCII that needs no escape in an EDN or JSON string: from
   * space to {@code ~}, but not {@code "} or {@code \}. Returns false, having written nothing, otherwise.
   */
  boolean plain(String s) {
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
    int d = 0;
    do {
      digits[d++] = (byte) ('0' + (int) (v % 10));
      v /= 10;
    } while (v != 0);
    while (d > 0) {
      buf[n++] = digits[--d];
    }
  }
}
