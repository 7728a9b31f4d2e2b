package madjep.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * An append-only file of checksummed records on a {@link SimFile}: {@code [length:int][crc32c of length and payload:int][payload]}, each
 * record written in one write, so a crash can lose it or tear it at sector granularity. {@link #recover()} reads
 * records up to the first torn or missing one and cuts the file there, durably, so later appends stay readable.
 */
public final class RecordFile {
  private final SimFile file;
  private final CRC32C crc = new CRC32C();
  private byte[] buf = new byte[256];

  public RecordFile(SimFile file) {
    this.file = file;
  }

  public SimFile file() {
    return file;
  }

  /** Appends one record holding {@code payload[0..n)}. */
  public void append(byte[] payload, int n) {
    if (buf.length < n + 8) {
      buf = new byte[Math.max(n + 8, buf.length * 2)];
    }
    putInt(buf, 0, n);
    System.arraycopy(payload, 0, buf, 8, n);
    putInt(buf, 4, checksum(buf, 0, n));
    file.append(buf, 0, n + 8);
  }

  /** Makes every appended record durable. */
  public void fsync() {
    file.fsync();
  }

  /** Receives each valid record that {@link #recover(Reader)} finds. */
  @FunctionalInterface
  public interface Reader {
    /** The record is {@code bytes[offset .. offset + length)}; the array is only valid during the call. */
    void record(byte[] bytes, int offset, int length);
  }

  /** The valid records, in order; the file is cut (and synced) after the last valid one. */
  public List<byte[]> recover() {
    List<byte[]> out = new ArrayList<>();
    recover((b, off, n) -> out.add(java.util.Arrays.copyOfRange(b, off, off + n)));
    return out;
  }

  /**
   * As {@link #recover()}, without a copy of each record: a node that reads a long log at every restart reads it
   * in place. Returns the number of valid records.
   */
  public int recover(Reader reader) {
    byte[] all = file.readAll();
    int records = 0;
    int pos = 0;
    while (pos + 8 <= all.length) {
      int n = getInt(all, pos);
      if (n <= 0 || pos + 8 + n > all.length || checksum(all, pos, n) != getInt(all, pos + 4)) {
        break;
      }
      reader.record(all, pos + 8, n);
      records++;
      pos += 8 + n;
    }
    if (pos < all.length) {
      file.truncate(pos);
      file.fsync();
    }
    return records;
  }

  /** CRC32C of the length field and the payload, so that zeroed or torn space never reads as a record. */
  private int checksum(byte[] b, int at, int n) {
    crc.reset();
    crc.update(b, at, 4);
    crc.update(b, at + 8, n);
    return ~(int) crc.getValue();
  }

  static void putInt(byte[] b, int at, int v) {
    b[at] = (byte) (v >>> 24);
    b[at + 1] = (byte) (v >>> 16);
    b[at + 2] = (byte) (v >>> 8);
    b[at + 3] = (byte) v;
  }

  static int getInt(byte[] b, int at) {
    return (b[at] & 0xff) << 24 | (b[at + 1] & 0xff) << 16 | (b[at + 2] & 0xff) << 8 | (b[at + 3] & 0xff);
  }
}
