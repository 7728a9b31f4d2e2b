package madjep.systems.codec;

import java.util.Arrays;

/**
 * A growable byte buffer with the variable-length longs (zig-zag, seven bits a byte, least significant group first:
 * small numbers of either sign take one byte) that the bundled systems' record codecs build on. Writing grows the
 * buffer; reading trusts nothing: a number longer than ten bytes or a count larger than the bytes left is a corrupt
 * record and throws {@link IllegalStateException}, so damaged bytes (a store without checksums reads them) end a
 * decode instead of producing garbage or an allocation as large as the count claims.
 */
public class VarBytes {
  /** The most bytes a long takes: ten groups of seven bits cover 64. */
  public static final int MAX_LONG_BYTES = 10;

  /** The bytes: written from 0 to {@link #pos}, or read from {@link #pos} on. */
  public byte[] buf;
  /** Where the next byte is written or read. */
  public int pos;

  /** An empty buffer for writing. */
  public VarBytes() {
    buf = new byte[256];
  }

  /** A reader over {@code bytes} from {@code at}. */
  public VarBytes(byte[] bytes, int at) {
    buf = bytes;
    pos = at;
  }

  /** Makes the buffer empty for writing; the bytes stay allocated. */
  public final void rewind() {
    pos = 0;
  }

  /** The bytes written so far, copied. */
  public final byte[] bytes() {
    return Arrays.copyOf(buf, pos);
  }

  /** Room for {@code n} more bytes. */
  public final void ensure(int n) {
    if (pos + n > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(pos + n, buf.length * 2));
    }
  }

  public final void writeByte(int b) {
    ensure(1);
    buf[pos++] = (byte) b;
  }

  public final void writeLong(long v) {
    ensure(MAX_LONG_BYTES);
    long z = (v << 1) ^ (v >> 63);
    while ((z & ~0x7FL) != 0) {
      buf[pos++] = (byte) ((z & 0x7F) | 0x80);
      z >>>= 7;
    }
    buf[pos++] = (byte) z;
  }

  /** {@code n} bytes of {@code b}, as they are. */
  public final void writeBytes(byte[] b, int n) {
    ensure(n);
    System.arraycopy(b, 0, buf, pos, n);
    pos += n;
  }

  public final byte readByte() {
    return buf[pos++];
  }

  /** A long {@link #writeLong} wrote; more than {@link #MAX_LONG_BYTES} bytes is corrupt. */
  public final long readLong() {
    long z = 0;
    int shift = 0;
    while (true) {
      byte b = buf[pos++];
      z |= (long) (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        break;
      }
      shift += 7;
      if (shift > 63) {
        throw new IllegalStateException("corrupt record: a number longer than " + MAX_LONG_BYTES + " bytes");
      }
    }
    return (z >>> 1) ^ -(z & 1);
  }

  /** A count of items (or bytes) that follow, each at least a byte long: a larger one is corrupt bytes. */
  public final int readCount() {
    long n = readLong();
    if (n < 0 || n > buf.length - pos) {
      throw new IllegalStateException("corrupt record: " + n + " items in " + (buf.length - pos) + " bytes");
    }
    return (int) n;
  }
}
