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
  /** Where each record of the last recovery ends, for {@link #keep}. */
  private it.unimi.dsi.fastutil.ints.IntArrayList ends = new it.unimi.dsi.fastutil.ints.IntArrayList();

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
    frameInto(buf, payload, n);
    file.append(buf, 0, n + 8);
  }

  /**
   * The bytes {@link #append(byte[], int)} writes for {@code payload[0..n)}, as an array of their own: for a record
   * that goes unchanged into several files (a replicated log's entry, written by a leader and each follower), framed
   * and checksummed once and written to each with {@link #appendFrame}. The frame must not change once made: the
   * files it is appended to keep it, not a copy, until it is on their disks.
   */
  public byte[] frame(byte[] payload, int n) {
    byte[] frame = new byte[n + 8];
    frameInto(frame, payload, n);
    return frame;
  }

  /** Appends a record that {@link #frame} made (on this file or another): the same bytes {@link #append} writes. */
  public void appendFrame(byte[] frame) {
    if (frame.length < 8 || getInt(frame, 0) != frame.length - 8) {
      throw new IllegalArgumentException("expected a record framed by RecordFile.frame, found " + frame.length
          + " bytes whose length field says otherwise");
    }
    file.appendImmutable(frame);
  }

  private void frameInto(byte[] dst, byte[] payload, int n) {
    putInt(dst, 0, n);
    System.arraycopy(payload, 0, dst, 8, n);
    putInt(dst, 4, checksum(dst, 0, n));
  }

  /** Makes every appended record durable. */
  public void fsync() {
    file.fsync();
  }

  /** Receives each valid record that {@link #recover(Reader)} finds. */
  @FunctionalInterface
  public interface Reader {
    /**
     * The record is {@code bytes[offset .. offset + length)}; the array is only valid during the call, and must not
     * be changed (it may be the file's own). A reader does not write to the file being recovered.
     */
    void record(byte[] bytes, int offset, int length);
  }

  /**
   * The valid records, in order; the file is cut (and synced) after the last valid one. A sector that cannot be read
   * (a latent sector error) ends the valid records as a torn one does.
   */
  public List<byte[]> recover() {
    return collect(true);
  }

  /**
   * As {@link #recover()}, but without verifying checksums: any record whose length fits is taken as written. This is
   * what a system without checksums does; corrupted bytes come back as data.
   */
  public List<byte[]> recoverUnchecked() {
    return collect(false);
  }

  /**
   * As {@link #recover()}, without a copy of each record: a node that reads a long log at every restart reads it
   * in place. Returns the number of valid records.
   */
  public int recover(Reader reader) {
    return recover(true, reader);
  }

  /** As {@link #recoverUnchecked()}, handing each record to {@code reader} in place. */
  public int recoverUnchecked(Reader reader) {
    return recover(false, reader);
  }

  private List<byte[]> collect(boolean verify) {
    List<byte[]> out = new ArrayList<>();
    recover(verify, (b, off, n) -> out.add(java.util.Arrays.copyOfRange(b, off, off + n)));
    return out;
  }

  private int recover(boolean verify, Reader reader) {
    byte[] all = readable();
    int length = (int) Math.min(all.length, file.size());
    int records = 0;
    ends.clear();
    // Room for records of 32 bytes on average at once, instead of growing by half from ten (a long log's restart).
    ends.ensureCapacity(length >>> 5);
    int pos = 0;
    while (pos + 8 <= length) {
      int n = getInt(all, pos);
      // n > length - pos - 8, not pos + 8 + n > length: a damaged length near 2^31 would wrap the sum and pass.
      if (n <= 0 || n > length - pos - 8 || verify && checksum(all, pos, n) != getInt(all, pos + 4)) {
        break;
      }
      reader.record(all, pos + 8, n);
      records++;
      pos += 8 + n;
      ends.add(pos);
    }
    if (pos < length) {
      file.truncate(pos);
      file.fsync();
    }
    return records;
  }

  /**
   * Keeps only the first {@code k} records of the last {@link #recover()} (the caller could not use the rest) and cuts
   * the file after them, durably, so that later appends stay readable.
   */
  public void keep(int k) {
    int at = k == 0 ? 0 : ends.getInt(k - 1);
    if (at < file.size()) {
      file.truncate(at);
      file.fsync();
    }
  }

  /**
   * The file up to its first unreadable sector: the file's first {@link SimFile#size()} bytes, in an array that may be
   * longer (its page cache, read in place: nothing here writes to the file until the records are read), or an array
   * of exactly the readable bytes when a sector cannot be read.
   */
  private byte[] readable() {
    try {
      return file.readAllShared();
    } catch (DiskException e) {
      byte[] out = new byte[(int) file.size()];
      int pos = 0;
      while (pos < out.length) {
        int n = Math.min(SimDisk.SECTOR - pos % SimDisk.SECTOR, out.length - pos);
        try {
          file.read(pos, out, pos, n);
        } catch (DiskException bad) {
          break;
        }
        pos += n;
      }
      return java.util.Arrays.copyOf(out, pos);
    }
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
