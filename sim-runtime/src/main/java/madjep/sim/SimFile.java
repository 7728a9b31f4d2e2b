package madjep.sim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * A file on a simulated disk, as the operating system shows it: reads see the page cache, which holds every write at
 * once; only an fsync makes writes durable. A crash ({@link SimDisk#crash}) throws the cache away and rebuilds the file
 * from its durable image plus, for each write not yet durable, in order, the seed's choice: lost whole, kept whole, or
 * torn (each {@value SimDisk#SECTOR}-byte sector it touches kept or lost on its own). Pending truncations survive a
 * crash with probability 1/2.
 *
 * <p>Time: when the disk has latencies, each synchronous read, write and fsync blocks the calling handler for a draw
 * of its latency, and an fsync's writes become durable only when it completes: a crash that lands while the fsync is
 * in flight finds them still pending. {@link #fsync(Completion)} is the asynchronous form: the handler goes on and
 * the completion arrives later as an event (never after a crash).
 *
 * <p>Faults (see {@link DiskFaults}): a failed fsync throws {@link DiskException} and drops the writes it covered
 * (they stay in the cache, so reads still see them, but never become durable); a full disk makes growing writes throw;
 * latent sector errors make reads throw; bit flips on read corrupt what a read returns (the disk keeps the right
 * data); misdirected writes reach the disk at another place (another sector of this file, or of another file); at-rest
 * corruption flips bits, garbles sectors or cuts the file on the disk itself.
 */
public final class SimFile {
  private final String name;
  private final SimDisk disk;
  /**
   * What is on the disk: what survives a crash. Null while {@link #mirrored}: the disk then holds the cache's first
   * {@link #durableLength} bytes, and settling an append only moves that length (most files only ever append, and
   * copying each write a second time cost the simulated hour a tenth of its time).
   */
  private byte[] durable;
  private int durableLength;
  /**
   * True while the disk's image is the cache's first {@link #durableLength} bytes: every write since has been an
   * append still pending or settled in order. Anything else (a write before the end, a truncation below it, a
   * dropped or misdirected write, a fault on the disk itself) first makes the image a copy of its own.
   */
  private boolean mirrored = true;
  /**
   * True when the cache may differ from the disk's image with the pending writes on top (a write dropped by a failed
   * fsync, or sent elsewhere): the image cannot become a mirror again until a crash or a reload rebuilds the cache.
   */
  private boolean diverged;
  /**
   * Appends since the image got an array of its own, or negative after a write elsewhere: a file written in place (a
   * superblock) keeps its array instead of copying its cache into a new one at every write.
   */
  private int appendsSinceUnmirror;
  /** False only for a test's reference file, which keeps its image in an array of its own all the time. */
  private boolean mayMirror = true;
  /** The page cache: what reads see. */
  private byte[] cache = new byte[256];
  private int length;
  /** Writes and truncations not yet settled on the disk, in order; entries before {@link #head} are settled. */
  private final ArrayList<Pending> pending = new ArrayList<>();
  private int head;
  /** Entries from here on are covered by no fsync yet: the dirty ones. */
  private int unstamped;
  /** Sectors with a latent error: reads touching them fail until a write covers them whole. */
  private TreeSet<Integer> badSectors;

  /**
   * Settled entries kept for the next writes: a node's log and superblock see tens of millions of writes on a simulated
   * hour, each settled within its handler, and their entries were a sixth of what the simulation allocated.
   */
  private final Pending[] spare = new Pending[16];
  private int spareCount;
  /** The longest copy of a write that a spare entry keeps for reuse. */
  private static final int REUSABLE_MAX = 4096;

  /** A write (bytes) or truncation (bytes == null) and what became of it; reused once settled (see {@link #spare}). */
  private static final class Pending {
    long pos;
    byte[] bytes;
    long truncateTo;
    long issuedAt;
    /** When an fsync covering it completes (it is then durable), or never. */
    long syncAt;
    /** When a failed fsync covering it completes (it is then dropped), or never. */
    long dropAt;
    /** A misdirected write reaches the disk here instead. */
    SimFile misFile;
    long misPos;
    /** True when {@link #bytes} is this entry's own copy, not a caller's array: reused once the entry is settled. */
    boolean owned;
    /** A settled entry's own copy, kept for the next write of the same length (a superblock's, every time). */
    byte[] reusable;

    Pending set(long pos, byte[] bytes, long truncateTo, long issuedAt) {
      this.pos = pos;
      this.bytes = bytes;
      this.truncateTo = truncateTo;
      this.issuedAt = issuedAt;
      syncAt = Long.MAX_VALUE;
      dropAt = Long.MAX_VALUE;
      misFile = null;
      misPos = 0;
      return this;
    }
  }

  private Pending pendingEntry(long pos, byte[] bytes, long truncateTo) {
    Pending p = spareCount > 0 ? spare[--spareCount] : new Pending();
    p.owned = false;
    return p.set(pos, bytes, truncateTo, disk.now());
  }

  /** An entry for a write of {@code b[off .. off + n)}, with a copy of its own (the caller may change its array). */
  private Pending pendingCopy(long pos, byte[] b, int off, int n) {
    Pending p = pendingEntry(pos, null, -1);
    byte[] copy = p.reusable != null && p.reusable.length == n ? p.reusable : new byte[n];
    p.reusable = null;
    System.arraycopy(b, off, copy, 0, n);
    p.bytes = copy;
    p.owned = true;
    return p;
  }

  SimFile(String name, SimDisk disk) {
    this.name = name;
    this.disk = disk;
  }

  public String name() {
    return name;
  }

  /** The length that reads see. */
  public long size() {
    return length;
  }

  /** The length on the disk: what a crash would start from (before replaying writes that are not yet durable). */
  public long durableSize() {
    settle(disk.simNow());
    return durableLength;
  }

  /** True when some write is covered by no fsync yet. */
  public boolean dirty() {
    return unstamped < pending.size();
  }

  /** Bytes written and covered by no fsync yet. */
  public long dirtyBytes() {
    long n = 0;
    for (int i = unstamped; i < pending.size(); i++) {
      byte[] b = pending.get(i).bytes;
      n += b == null ? 0 : b.length;
    }
    return n;
  }

  /**
   * Sizes the file's buffers for {@code bytes} bytes, as a hint from a caller that knows how far it will grow (a log
   * rewritten at each compaction): what the file holds, its length, its faults and its timing stay the same; only
   * the copies of growing step by step are spared.
   */
  public void reserve(int bytes) {
    if (bytes > cache.length) {
      cache = Arrays.copyOf(cache, bytes);
    }
    if (!mirrored && bytes > durable.length) {
      durable = Arrays.copyOf(durable, bytes);
    }
  }

  /** Appends {@code n} bytes. */
  public void append(byte[] b, int off, int n) {
    write(length, b, off, n);
  }

  /**
   * Writes {@code n} bytes at {@code pos}, extending the file (with zeros) when {@code pos} is beyond its end.
   *
   * @throws DiskException {@code ENOSPC} when the file would grow past the disk's free space (nothing is written)
   */
  public void write(long pos, byte[] b, int off, int n) {
    write(pos, b, off, n, false);
  }

  /**
   * Appends all of {@code b}, which the caller will never change again: the pending write keeps the array itself
   * instead of a copy (a replicated log's record, framed once and written by a leader and each follower).
   */
  void appendImmutable(byte[] b) {
    write(length, b, 0, b.length, true);
  }

  private void write(long pos, byte[] b, int off, int n, boolean immutable) {
    if (pos < 0 || pos + n > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(name + ": write out of range at " + pos);
    }
    DiskFaults faults = disk.faults;
    int end = (int) pos + n;
    long growth = Math.max(0, end - length);
    if (growth > 0 && disk.used + growth > faults.capacity) {
      faults.noSpace++;
      throw new DiskException(DiskException.Kind.NO_SPACE, name, "no space left for " + n + " bytes at " + pos);
    }
    disk.spend(faults.writeDelay());
    if (pos != length) {
      unmirror();
      appendsSinceUnmirror = Integer.MIN_VALUE;
    } else {
      appendsSinceUnmirror++;
    }
    if (pos > length) {
      cache = ensure(cache, (int) pos);
    }
    cache = ensure(cache, end);
    System.arraycopy(b, off, cache, (int) pos, n);
    length = Math.max(length, end);
    disk.used += growth;
    Pending p = immutable ? pendingEntry(pos, b, -1) : pendingCopy(pos, b, off, n);
    if (faults.misdirect > 0 && n > 0 && faults.roll(faults.misdirect) && faults.allows(name, pos)) {
      misdirect(p, faults);
    }
    pending.add(p);
    if (badSectors != null) {
      for (int s = (int) ((pos + SimDisk.SECTOR - 1) / SimDisk.SECTOR); (long) (s + 1) * SimDisk.SECTOR <= end; s++) {
        badSectors.remove(s);
      }
    }
  }

  /** Chooses where a misdirected write lands: a sector of another file of the disk, or another sector of this one. */
  private void misdirect(Pending p, DiskFaults faults) {
    unmirror();
    diverged = true;
    SimFile target = disk.pickOther(this, faults.faultRng);
    if (target == null || target.durableLength == 0) {
      target = this;
    }
    int room = target.durableLength - p.bytes.length;
    long at = room <= 0 ? 0 : (long) faults.faultRng.nextInt(room / SimDisk.SECTOR + 1) * SimDisk.SECTOR;
    if (target == this && at == p.pos) {
      at = p.pos + SimDisk.SECTOR;
    }
    p.misFile = target;
    p.misPos = at;
    faults.misdirected++;
  }

  /** Cuts the file to {@code n} bytes. */
  public void truncate(long n) {
    if (mirrored && n < length) {
      unmirror();
    }
    if (badSectors != null) {
      badSectors.tailSet((int) ((n + SimDisk.SECTOR - 1) / SimDisk.SECTOR)).clear();
    }
    if (n < length) {
      Arrays.fill(cache, (int) n, length, (byte) 0);
      disk.used -= length - n;
      length = (int) n;
    }
    pending.add(pendingEntry(-1, null, n));
  }

  /**
   * Makes every write so far durable. With a latency, the handler blocks until the fsync completes, and the writes
   * are durable only from then on.
   *
   * @throws DiskException {@code EIO} when the fsync fails: the writes it covered are dropped (reads still see them
   *     until the next crash, which loses them), so the file is no longer dirty and a retry "succeeds"
   */
  public void fsync() {
    if (!dirty()) {
      return;
    }
    DiskFaults faults = disk.faults;
    long done = disk.now() + faults.fsyncDelay();
    boolean fail = faults.fsyncFail > 0 && faults.roll(faults.fsyncFail);
    stamp(done, fail);
    disk.spend(done - disk.now());
    settle(disk.simNow());
    if (fail) {
      throw new DiskException(DiskException.Kind.IO_ERROR, name, "fsync failed; the dirty pages were dropped");
    }
  }

  /** What an asynchronous fsync calls when it completes: {@code error} is null on success. */
  @FunctionalInterface
  public interface Completion {
    void done(DiskException error);
  }

  /**
   * Starts an fsync and returns at once; {@code done} runs when it completes, as an event of this node's current
   * incarnation (a crash first means it never runs, and the writes it covered are still pending at the crash).
   */
  public void fsync(Completion done) {
    DiskFaults faults = disk.faults;
    long at = disk.now() + (dirty() ? faults.fsyncDelay() : 0);
    boolean fail = dirty() && faults.fsyncFail > 0 && faults.roll(faults.fsyncFail);
    stamp(at, fail);
    DiskException error = fail
        ? new DiskException(DiskException.Kind.IO_ERROR, name, "fsync failed; the dirty pages were dropped") : null;
    disk.complete(at, () -> {
      settle(disk.simNow());
      done.done(error);
    });
  }

  /** Makes every write durable now, without latency or faults (a clean shutdown). */
  void syncNow() {
    long now = Math.min(disk.simNow(), disk.now());
    for (int i = head; i < pending.size(); i++) {
      pending.get(i).syncAt = Math.min(pending.get(i).syncAt, now);
    }
    unstamped = pending.size();
    settle(now);
  }

  /** Every write not yet covered becomes durable (or, for a failed fsync, dropped) at {@code at}. */
  private void stamp(long at, boolean fail) {
    if (fail && head < pending.size()) {
      unmirror();
      diverged = true;
    }
    for (int i = head; i < pending.size(); i++) {
      Pending p = pending.get(i);
      if (fail) {
        p.dropAt = Math.min(p.dropAt, at);
      } else {
        p.syncAt = Math.min(p.syncAt, at);
      }
    }
    unstamped = pending.size();
    if (fail) {
      disk.faults.fsyncFailures++;
    }
  }

  /** Applies to the disk (or drops) every leading entry whose fsync has completed by {@code now}. */
  void settle(long now) {
    while (head < pending.size()) {
      Pending p = pending.get(head);
      long decided = Math.min(p.syncAt, p.dropAt);
      if (decided == Long.MAX_VALUE || decided > now) {
        break;
      }
      if (mirrored) {
        settleMirrored(p);
      } else if (p.syncAt <= p.dropAt) {
        applyDurable(p);
      }
      if (p.misFile != null || p.syncAt > p.dropAt) {
        // Settled elsewhere or dropped, yet in the cache (a reload while it was pending put it there too).
        diverged = true;
      }
      pending.set(head++, null);
      if (spareCount < spare.length) {
        // A frame shared with other files is not kept alive by a spare entry; a small copy of its own is kept.
        p.reusable = p.owned && p.bytes.length <= REUSABLE_MAX ? p.bytes : null;
        p.bytes = null;
        p.misFile = null;
        spare[spareCount++] = p;
      }
    }
    if (head == pending.size()) {
      pending.clear();
      head = 0;
      unstamped = 0;
      if (!mirrored && mayMirror && !diverged && durableLength == length && appendsSinceUnmirror >= 16) {
        // The image is the cache again: every write since the last rebuild reached the disk where it was meant to.
        mirrored = true;
        durable = null;
      }
    } else if (head > 64 && head * 2 > pending.size()) {
      pending.subList(0, head).clear();
      unstamped -= head;
      head = 0;
    }
  }

  /** Settles {@code p} while mirrored: an append in order only moves the image's end; anything else ends the mirror. */
  private void settleMirrored(Pending p) {
    if (p.bytes != null && p.misFile == null && p.pos == durableLength && p.syncAt <= p.dropAt) {
      durableLength += p.bytes.length;
    } else if (p.bytes != null || p.truncateTo < durableLength) {
      unmirror();
      if (p.syncAt <= p.dropAt) {
        applyDurable(p);
      }
    }
    // A truncation at or past the image's end leaves the image as it is.
  }

  /** True while the disk's image is the cache's first {@link #durableSize()} bytes (for tests). */
  boolean mirrored() {
    return mirrored;
  }

  /** Keeps this file's image in an array of its own from now on, as every file did before mirroring (for tests). */
  void neverMirror() {
    unmirror();
    mayMirror = false;
  }

  /** Gives the disk's image an array of its own (the cache's first {@link #durableLength} bytes), if it has none. */
  private void unmirror() {
    unmirror(false);
  }

  /**
   * As {@link #unmirror()}; with {@code inPlace}, the cache itself becomes the image instead of a copy of it (a crash,
   * which rebuilds the cache from the image: copying every file of a node at every crash was 250 MB of the 5.4 GB that
   * the simulated hour's simulation allocated).
   */
  private void unmirror(boolean inPlace) {
    if (!mirrored) {
      return;
    }
    durable = inPlace ? cache : Arrays.copyOf(cache, Math.max(256, cache.length));
    Arrays.fill(durable, durableLength, Math.max(durableLength, length), (byte) 0);
    mirrored = false;
    appendsSinceUnmirror = 0;
  }

  /** Puts one write or truncation on the disk: where it was meant to go, or where a misdirection sends it. */
  private void applyDurable(Pending p) {
    if (p.bytes == null) {
      durableLength = truncated(durable, durableLength, p.truncateTo);
    } else if (p.misFile != null) {
      p.misFile.overwriteDurable(p.misPos, p.bytes, 0, p.bytes.length);
    } else {
      int end = (int) p.pos + p.bytes.length;
      durable = ensure(durable, end);
      System.arraycopy(p.bytes, 0, durable, (int) p.pos, p.bytes.length);
      durableLength = Math.max(durableLength, end);
    }
  }

  private static int truncated(byte[] image, int len, long to) {
    if (to < len) {
      Arrays.fill(image, (int) to, len, (byte) 0);
      return (int) to;
    }
    return len;
  }

  /**
   * Reads up to {@code n} bytes at {@code pos}; returns how many were read (0 at or past the end).
   *
   * @throws DiskException {@code EIO} when the range touches a sector with a latent error
   */
  public int read(long pos, byte[] dst, int off, int n) {
    DiskFaults faults = disk.faults;
    disk.spend(faults.readDelay());
    if (pos >= length) {
      return 0;
    }
    int k = (int) Math.min(n, length - pos);
    checkReadable(pos, k, faults);
    System.arraycopy(cache, (int) pos, dst, off, k);
    flipOnRead(pos, dst, off, k, faults);
    return k;
  }

  /**
   * A copy of the whole file as reads see it.
   *
   * @throws DiskException {@code EIO} when the file has a sector with a latent error
   */
  public byte[] readAll() {
    byte[] read = readAllShared();
    return read == cache ? Arrays.copyOf(cache, length) : read;
  }

  /**
   * What {@link #readAll()} reads (same latency, same faults), as the first {@link #size()} bytes of an array that the
   * caller must not change and may read only until its next call on this file: the page cache itself, unless a bit
   * flips on this read (then a copy). A node's log is read whole at every restart: copying it was 245 MB of the
   * 5.4 GB that the simulated hour's simulation allocated.
   */
  byte[] readAllShared() {
    DiskFaults faults = disk.faults;
    disk.spend(faults.readDelay());
    checkReadable(0, length, faults);
    int flip = drawFlip(0, length, faults);
    if (flip < 0) {
      return cache;
    }
    byte[] out = Arrays.copyOf(cache, length);
    out[flip >>> 3] ^= (byte) (1 << (flip & 7));
    return out;
  }

  private void checkReadable(long pos, int k, DiskFaults faults) {
    if (k <= 0) {
      return;
    }
    if (faults.readError > 0 && faults.roll(faults.readError) && faults.allows(name, pos)) {
      int s = (int) ((pos + faults.faultRng.nextInt(k)) / SimDisk.SECTOR);
      markBad(s);
      faults.readErrors++;
    }
    if (badSectors != null && !badSectors.isEmpty()) {
      Integer s = badSectors.ceiling((int) (pos / SimDisk.SECTOR));
      if (s != null && (long) s * SimDisk.SECTOR < pos + k) {
        throw new DiskException(DiskException.Kind.IO_ERROR, name, "latent sector error at sector " + s);
      }
    }
  }

  private void flipOnRead(long pos, byte[] dst, int off, int k, DiskFaults faults) {
    int flip = drawFlip(pos, k, faults);
    if (flip >= 0) {
      dst[off + (flip >>> 3)] ^= (byte) (1 << (flip & 7));
    }
  }

  /** Whether a read of {@code k} bytes at {@code pos} flips a bit: -1 if not, else its byte (times 8) and bit. */
  private int drawFlip(long pos, int k, DiskFaults faults) {
    if (k > 0 && faults.readFlip > 0 && faults.roll(faults.readFlip) && faults.allows(name, pos)) {
      int i = faults.faultRng.nextInt(k);
      int bit = faults.faultRng.nextInt(8);
      faults.readFlips++;
      return i << 3 | bit;
    }
    return -1;
  }

  // ---- at-rest faults (DiskFaults picks the file and place) ----

  /** Sectors with a latent error, in order (for tests and metrics). */
  int latentSectors() {
    return badSectors == null ? 0 : badSectors.size();
  }

  void markBad(int sector) {
    if (badSectors == null) {
      badSectors = new TreeSet<>();
    }
    badSectors.add(sector);
  }

  /** Flips bit {@code bit} of the byte at {@code offset} on the disk; the cache forgets the file. */
  void flipDurable(int offset, int bit) {
    settle(disk.simNow());
    unmirror();
    durable[offset] ^= (byte) (1 << bit);
    reloadCache();
  }

  /** Writes {@code n} bytes over the disk's image at {@code pos} (garbage, a misdirected write); never extends. */
  void overwriteDurable(long pos, byte[] b, int off, int n) {
    unmirror();
    if (overwriteImage(pos, b, off, n, durableLength)) {
      reloadCache();
    }
  }

  /** Writes over the disk's image within its first {@code limit} bytes; true when anything changed. */
  private boolean overwriteImage(long pos, byte[] b, int off, int n, int limit) {
    int from = (int) Math.min(pos, limit);
    int to = (int) Math.min(pos + n, limit);
    if (to <= from) {
      return false;
    }
    System.arraycopy(b, off + (from - (int) pos), durable, from, to - from);
    return true;
  }

  /** Cuts the file on the disk (and in the cache) to {@code n} bytes, as Jepsen's truncate nemesis does. */
  void truncateDurable(long n) {
    settle(disk.simNow());
    unmirror();
    durableLength = truncated(durable, durableLength, n);
    reloadCache();
  }

  /** The disk's image length (without settling: for choosing where at-rest faults go). */
  int durableLength() {
    return durableLength;
  }

  /**
   * The cache drops this file's pages and reads them back from the disk, with the writes not yet settled on top: so
   * at-rest corruption is seen, as it is once the kernel evicts the pages. Writes dropped by a failed fsync go with
   * the pages.
   */
  private void reloadCache() {
    int oldLength = length;
    cache = Arrays.copyOf(durable, Math.max(durable.length, length));
    int len = durableLength;
    for (int i = head; i < pending.size(); i++) {
      Pending p = pending.get(i);
      if (p.dropAt != Long.MAX_VALUE && p.dropAt <= p.syncAt) {
        continue;
      }
      if (p.bytes == null) {
        len = truncated(cache, len, p.truncateTo);
      } else {
        int end = (int) p.pos + p.bytes.length;
        cache = ensure(cache, end);
        System.arraycopy(p.bytes, 0, cache, (int) p.pos, p.bytes.length);
        len = Math.max(len, end);
      }
    }
    length = len;
    disk.used += length - oldLength;
    diverged = false;
  }

  // ---- crashes ----

  /**
   * Loses what a power failure would lose: see the class comment. Writes issued after the crash's moment (by a
   * handler that had run ahead on slow I/O) never happened. Returns {lost, torn, kept} counts of the writes that were
   * not durable.
   */
  int[] crash(SplittableRandom rng) {
    long now = disk.simNow();
    settle(now);
    // The cache is rebuilt from the image below: a mirrored cache becomes the image where it is.
    unmirror(true);
    int lost = 0;
    int torn = 0;
    int kept = 0;
    int len = durableLength;
    for (int i = head; i < pending.size(); i++) {
      Pending p = pending.get(i);
      if (p.issuedAt > now) {
        continue;
      }
      if (p.bytes == null) {
        if (rng.nextBoolean()) {
          len = truncated(durable, len, p.truncateTo);
        }
        continue;
      }
      int fate = rng.nextInt(3);
      if (fate == 0) {
        lost++;
        continue;
      }
      if (p.misFile != null) {
        // The write went astray: whatever of it survives lands at the wrong place.
        if (fate == 1) {
          kept++;
          if (p.misFile != this) {
            p.misFile.overwriteDurable(p.misPos, p.bytes, 0, p.bytes.length);
          } else {
            overwriteImage(p.misPos, p.bytes, 0, p.bytes.length, len);
          }
        } else {
          lost++;
        }
        continue;
      }
      if (fate == 1) {
        kept++;
        int end = (int) p.pos + p.bytes.length;
        durable = ensure(durable, end);
        System.arraycopy(p.bytes, 0, durable, (int) p.pos, p.bytes.length);
        len = Math.max(len, end);
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
    head = 0;
    unstamped = 0;
    durableLength = len;
    disk.used += len - length;
    length = len;
    diverged = false;
    if (!mayMirror) {
      cache = Arrays.copyOf(durable, durable.length);
      return new int[] {lost, torn, kept};
    }
    // The cache is the image now, and the image its mirror: the array changes hands instead of being copied.
    cache = durable;
    durable = null;
    mirrored = true;
    return new int[] {lost, torn, kept};
  }

  private static byte[] ensure(byte[] a, int n) {
    if (n <= a.length) {
      return a;
    }
    // Doubling: a log that grows from nothing after each compaction is copied once over on the way, not twice.
    return Arrays.copyOf(a, (int) Math.min(Integer.MAX_VALUE - 8, Math.max(n, 2L * a.length)));
  }
}
