package madjep.sim.blocking.kv;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable byte buffer that writes and reads back big-endian longs, ints and length-prefixed UTF-8 strings: the
 * log's records, encoded without a stream object per record (appends are on every replicated op's path).
 */
final class Bytes {
  byte[] buf;
  int pos;

  Bytes(int capacity) {
    buf = new byte[capacity];
  }

  /** Reads {@code b} from its start. */
  Bytes(byte[] b) {
    buf = b;
  }

  void reset() {
    pos = 0;
  }

  private void room(int n) {
    if (pos + n > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, pos + n));
    }
  }

  void putByte(int v) {
    room(1);
    buf[pos++] = (byte) v;
  }

  void putInt(int v) {
    room(4);
    for (int s = 24; s >= 0; s -= 8) {
      buf[pos++] = (byte) (v >>> s);
    }
  }

  void putLong(long v) {
    room(8);
    for (int s = 56; s >= 0; s -= 8) {
      buf[pos++] = (byte) (v >>> s);
    }
  }

  void putString(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    putInt(b.length);
    room(b.length);
    System.arraycopy(b, 0, buf, pos, b.length);
    pos += b.length;
  }

  byte getByte() {
    return buf[pos++];
  }

  int getInt() {
    int v = 0;
    for (int i = 0; i < 4; i++) {
      v = v << 8 | buf[pos++] & 0xff;
    }
    return v;
  }

  long getLong() {
    long v = 0;
    for (int i = 0; i < 8; i++) {
      v = v << 8 | buf[pos++] & 0xff;
    }
    return v;
  }

  String getString() {
    int n = getInt();
    String s = new String(buf, pos, n, StandardCharsets.UTF_8);
    pos += n;
    return s;
  }
}
