package madjep.sim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A file on a simulated disk. Reads see every write at once; only {@link #fsync()} makes writes durable. A crash
 * ({@link SimDisk#crash}) rebuilds the file from its durable image and then, for each write since the last fsync,
 * in order, lets the seed choose: lost whole, kept whole, or torn (each {@value SimDisk#SECTOR}-byte sector it
 * touches kept or lost on its own). Pending truncations survive a crash with probability 1/2.
 */
public final class SimFile {
  private final String name;
  /** What survives a crash for sure; reads see it with the pending writes applied on top. */
  private byte[] durable = new byte[256];
  private int durableLength;
  /** The length reads see. */
  private int length;
  /** Writes since the last fsync, in order: their bytes (null for a truncation) and where they went. */
  private final ArrayList<Pending> pending = new ArrayList<>();

  private record Pending(long pos, byte[] bytes, long truncateTo) {}

  SimFile(String name) {
    this.name = name;
  }

  public String name() {
    return name;
  }

  /** The length that reads see. */
  public long size() {
    return length;
  }

  /** The length a crash would start from (before replaying unsynced writes). */
  public long durableSize() {
    return durableLength;
  }

  /** True when some write has not been made durable yet. */
  public boolean dirty() {
    return !pending.isEmpty();
  }

  /** Appends {@code n} bytes. */
  public void append(byte[] b, int off, int n) {
    write(length, b, off, n);
  }

  /** Writes {@code n} bytes at {@code pos}, extending the file (with zeros) when {@code pos} is beyond its end. */
  public void write(long pos, byte[] b, int off, int n) {
    if (pos < 0 || pos + n > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(name + ": write out of range at " + pos);
    }
    length = Math.max(length, (int) pos + n);
    pending.add(new Pending(pos, Arrays.copyOfRange(b, off, off + n), -1));
  }

  /** Cuts the file to {@code n} bytes. */
  public void truncate(long n) {
    length = (int) Math.min(length, n);
    pending.add(new Pending(-1, null, n));
  }

  /** Makes every write so far durable. */
  public void fsync() {
    if (pending.isEmpty()) {
      return;
    }
    for (Pending p : pending) {
      durableLength = apply(p, durableLength);
    }
    pending.clear();
  }

  /** Applies one pending write or truncation to the durable image; returns the new length. */
  private int apply(Pending p, int len) {
    if (p.bytes == null) {
      if (p.truncateTo < len) {
        Arrays.fill(durable, (int) p.truncateTo, len, (byte) 0);
        return (int) p.truncateTo;
      }
      return len;
    }
    int end = (int) p.pos + p.bytes.length;
    durable = ensure(durable, end);
    System.arraycopy(p.bytes, 0, durable, (int) p.pos, p.bytes.length);
    return Math.max(len, end);
  }

  /** Reads up to {@code n} bytes at {@code pos}; returns how many were read (0 at or past the end). */
  public int read(long pos, byte[] dst, int off, int n) {
    if (pos >= length) {
      return 0;
    }
    byte[] view = view();
    int k = (int) Math.min(n, length - pos);
    System.arraycopy(view, (int) pos, dst, off, k);
    return k;
  }

  /** A copy of the whole file as reads see it. */
  public byte[] readAll() {
    return Arrays.copyOf(view(), length);
  }

  /** The durable image with the pending writes on top (reads are rare: nodes read their files when they boot). */
  private byte[] view() {
    if (pending.isEmpty()) {
      return durable;
    }
    byte[] saved = durable;
    durable = Arrays.copyOf(durable, Math.max(durable.length, length));
    int len = durableLength;
    for (Pending p : pending) {
      len = apply(p, len);
    }
    byte[] v = durable;
    durable = saved;
    return v;
  }

  /**
   * Loses what a power failure would lose: see the class comment. Returns {lost, torn, kept} counts of the
   * unsynced writes.
   */
  int[] crash(SplittableRandom rng) {
    int lost = 0;
    int torn = 0;
    int kept = 0;
    int len = durableLength;
    for (Pending p : pending) {
      if (p.bytes == null) {
        if (rng.nextBoolean()) {
          len = apply(p, len);
        }
        continue;
      }
      int fate = rng.nextInt(3);
      if (fate == 0) {
        lost++;
        continue;
      }
      if (fate == 1) {
        kept++;
        len = apply(p, len);
        continue;
      }
      torn++;
      int start = (int) p.pos;
      int end = start + p.bytes.length;
      for (int s = start - start % SimDisk.SECTOR; s < end; s += SimDisk.SECTOR) {
        if (rng.nextBoolean()) {
          int from = Math.max(s, start);
          int to = Math.min(s + SimDisk.SECTOR, end);
          durable = ensure(durable, to);
          System.arraycopy(p.bytes, from - start, durable, from, to - from);
          len = Math.max(len, to);
        }
      }
    }
    pending.clear();
    durableLength = len;
    length = len;
    return new int[] {lost, torn, kept};
  }

  private static byte[] ensure(byte[] a, int n) {
    if (n <= a.length) {
      return a;
    }
    return Arrays.copyOf(a, Math.max(n, a.length + (a.length >> 1)));
  }
}
