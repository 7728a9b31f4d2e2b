package madjep.history.io;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
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
  private static final long MILLION = 1_000_000L;
  /** "00" to "99": the two digits of {@code i} at {@code 2i} and {@code 2i + 1}. */
  private static final byte[] PAIRS = new byte[200];

  static {
    for (int i = 0; i < 100; i++) {
      PAIRS[2 * i] = (byte) ('0' + i / 10);
      PAIRS[2 * i + 1] = (byte) ('0' + i % 10);
    }
  }

  /** Eight bytes of a byte array at once: short texts are copied as one or two longs, not by a call to copy arrays. */
  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  /**
   * The strings {@link #plain} remembers: a table of this many slots (a power of two), at most half of them used
   * (then it starts again empty), each string at most {@link #RECENT_LENGTH} long.
   */
  private static final int RECENT = 64;
  private static final int RECENT_LENGTH = 64;

  private final OutputStream out;
  /** The lines' {@code :index} and {@code :time}, written through {@link #number(long, Recent)}. */
  final Recent index = new Recent();
  final Recent time = new Recent();
  private final String[] recent = new String[RECENT];
  private final Text[] recentText = new Text[RECENT];
  private int recentCount;
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

  /**
   * Fixed ASCII text to write (a key and its punctuation, a keyword's name), held as bytes and, when it is at most 16
   * bytes long, as the two longs those bytes make, which {@link #raw} stores at once.
   */
  static final class Text {
    final byte[] bytes;
    final long low;
    final long high;

    Text(byte[] bytes) {
      this.bytes = bytes;
      byte[] padded = Arrays.copyOf(bytes, 16);
      low = (long) LONGS.get(padded, 0);
      high = (long) LONGS.get(padded, 8);
    }
  }

  /** Writes {@code t}. */
  void raw(Text t) {
    byte[] b = t.bytes;
    int len = b.length;
    if (len <= 16) {
      // Sixteen bytes stored, the text's length kept: what lies past it is written over by what comes next.
      ensure(16);
      LONGS.set(buf, n, t.low);
      LONGS.set(buf, n + 8, t.high);
      n += len;
    } else {
      ensure(len);
      System.arraycopy(b, 0, buf, n, len);
      n += len;
    }
  }

  /** {@code ascii} as a {@link Text}, for {@link #raw}. */
  static Text text(String ascii) {
    return new Text(ascii.getBytes(StandardCharsets.US_ASCII));
  }

  /**
   * Writes {@code s} when every character is printable ASCII that needs no escape in an EDN or JSON string: from
   * space to {@code ~}, but not {@code "} or {@code \}. Returns false, having written nothing, otherwise.
   */
  boolean plain(String s) {
    // Keywords' names (an op's function, its node, its error) recur on every line as the same String objects:
    // those written lately are copied as bytes, found by identity, rather than checked a character at a time. The
    // table is probed linearly, not one slot per string: two of a history's few recurring strings whose identity
    // hashes met in one slot pushed each other out, and each line then copied them anew.
    int slot = System.identityHashCode(s) & (RECENT - 1);
    for (String r; (r = recent[slot]) != null; slot = (slot + 1) & (RECENT - 1)) {
      if (r == s) {
        raw(recentText[slot]);
        return true;
      }
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
      if (recentCount == RECENT / 2) {
        Arrays.fill(recent, null);
        Arrays.fill(recentText, null);
        recentCount = 0;
        slot = System.identityHashCode(s) & (RECENT - 1);
      }
      recent[slot] = s;
      recentText[slot] = new Text(Arrays.copyOfRange(buf, n, at));
      recentCount++;
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
    n = decimal(buf, n, v);
  }

  /**
   * A number field whose value changes little from one line to the next: an op's index (one more than the last op's)
   * or its time (within a millisecond or so of the last). It keeps the digits of the last value written through it,
   * so the next is written by changing their tail.
   */
  static final class Recent {
    private long value = -1;
    /** Twenty digits at most, and room to read them as three longs. */
    private final byte[] digits = new byte[24];
    private int length;
  }

  /**
   * Writes {@code v} as {@link #number(long)} does, through {@code r}: one more than the last value is the last one's
   * digits counted up, and a value in the same million (billion) as the last rewrites only the last six (nine)
   * digits.
   */
  void number(long v, Recent r) {
    if (v < 0) {
      number(v);
      return;
    }
    long last = r.value;
    byte[] d = r.digits;
    if (last < 0) {
      r.length = decimal(d, 0, v);
    } else if (v == last + 1) {
      int i = r.length - 1;
      while (i >= 0 && d[i] == '9') {
        d[i--] = '0';
      }
      if (i >= 0) {
        d[i]++;
      } else {
        // 99...9 + 1: a one before as many zeros.
        d[0] = '1';
        d[r.length++] = '0';
      }
    } else if (last >= MILLION && v / MILLION == last / MILLION) {
      fill(d, r.length, (int) (v % MILLION), 6);
    } else if (last >= BILLION && v / BILLION == last / BILLION) {
      fill(d, r.length, (int) (v % BILLION), 9);
    } else {
      r.length = decimal(d, 0, v);
    }
    r.value = v;
    raw(d, r.length);
  }

  /** Writes {@code b[0 .. len)}; {@code b} holds 24 bytes, {@code len} is at most 20. */
  private void raw(byte[] b, int len) {
    ensure(24);
    LONGS.set(buf, n, (long) LONGS.get(b, 0));
    LONGS.set(buf, n + 8, (long) LONGS.get(b, 8));
    LONGS.set(buf, n + 16, (long) LONGS.get(b, 16));
    n += len;
  }

  /** Writes {@code v} (at least 0) at {@code at} in decimal; returns the end. */
  private static int decimal(byte[] b, int at, long v) {
    // A history's times run to 13 digits, and JFR put half of the writers' samples in a long division per digit:
    // split into blocks of nine digits, each written as an int two digits at a time.
    if (v < BILLION) {
      return digits(b, at, (int) v);
    }
    long high = v / BILLION;
    int low = (int) (v - high * BILLION);
    if (high < BILLION) {
      at = digits(b, at, (int) high);
    } else {
      long top = high / BILLION;
      at = digits(b, at, (int) top);
      at = nineDigits(b, at, (int) (high - top * BILLION));
    }
    return nineDigits(b, at, low);
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
