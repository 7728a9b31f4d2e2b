package madjep.sim;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import madjep.history.edn.EdnParser;
import madjep.history.edn.Keyword;

/**
 * The faults and timing of one node's {@link SimDisk}, set by the nemesis or a scenario ({@link
 * Simulation#storage}): I/O latencies (and a slow-disk factor), capacity (a full disk), error rates that apply to
 * each operation while they are non-zero (bit flips on read, latent sector errors, misdirected writes, failed
 * fsyncs), and one-shot corruption at rest (a flipped bit, a garbled sector, a truncated file, a latent sector
 * error). Corruption goes only where the {@link StorageAtlas} allows. Draws come from the disk's own streams: one for
 * latencies, one for faults, so turning faults on shifts no latency.
 */
public final class DiskFaults {
  private final SimDisk disk;
  private final int node;
  final SplittableRandom faultRng;
  private final SplittableRandom ioRng;
  private StorageAtlas atlas = StorageAtlas.off();

  double readFlip;
  double readError;
  double misdirect;
  double fsyncFail;
  private Latency readLatency;
  private Latency writeLatency;
  private Latency fsyncLatency;
  private double slowFactor = 1;
  private long slowUnit = Durations.MS;
  long capacity = Long.MAX_VALUE;

  long bitFlips;
  long sectorCorruptions;
  long truncations;
  long latentSectors;
  long readErrors;
  long readFlips;
  long misdirected;
  long fsyncFailures;
  long noSpace;

  DiskFaults(SimDisk disk, int node, SplittableRandom faultRng, SplittableRandom ioRng) {
    this.disk = disk;
    this.node = node;
    this.faultRng = faultRng;
    this.ioRng = ioRng;
  }

  // ---- settings ----

  /** Which corruption the atlas allows on this node. */
  public void setAtlas(StorageAtlas a) {
    atlas = a;
  }

  /**
   * Per-operation error rates: a read returns one flipped bit with {@code flip}, a read marks a sector it touches
   * with a latent error (and fails) with {@code error}, a write lands at the wrong place with {@code misdirectRate}.
   * Zero turns each off.
   */
  public void setErrorRates(double flip, double error, double misdirectRate) {
    readFlip = check(flip);
    readError = check(error);
    misdirect = check(misdirectRate);
  }

  /** Each fsync fails with probability {@code p} (zero: never). */
  public void setFsyncFailure(double p) {
    fsyncFail = check(p);
  }

  private static double check(double p) {
    if (!(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException("expected a probability between 0 and 1, found " + p);
    }
    return p;
  }

  /** How long synchronous reads, writes and fsyncs block (null: instant). */
  public void setLatencies(Latency read, Latency write, Latency fsync) {
    readLatency = read;
    writeLatency = write;
    fsyncLatency = fsync;
  }

  /** Multiplies every I/O latency (a slow or stalling disk); 1 is normal. */
  public void setSlowFactor(double f) {
    if (!(f >= 1)) {
      throw new IllegalArgumentException("expected a slow-disk factor of at least 1, found " + f);
    }
    slowFactor = f;
  }

  /** What a slowed operation's factor multiplies when the disk has no latency of its own (default 1 ms). */
  public void setSlowUnit(long nanos) {
    slowUnit = nanos;
  }

  public double slowFactor() {
    return slowFactor;
  }

  /** The most bytes the files may hold ({@link Long#MAX_VALUE}: unlimited). */
  public void setCapacity(long bytes) {
    capacity = bytes;
  }

  /** Leaves no free space: every write that grows a file fails with {@code ENOSPC} until the capacity is raised. */
  public void fill() {
    capacity = disk.used;
  }

  // ---- draws, for the files ----

  boolean roll(double p) {
    return faultRng.nextDouble() < p;
  }

  boolean allows(String file, long offset) {
    return atlas.allows(node, file, offset);
  }

  long readDelay() {
    return readLatency == null && slowFactor == 1 ? 0 : delay(readLatency);
  }

  long writeDelay() {
    return writeLatency == null && slowFactor == 1 ? 0 : delay(writeLatency);
  }

  long fsyncDelay() {
    return fsyncLatency == null && slowFactor == 1 ? 0 : delay(fsyncLatency);
  }

  private long delay(Latency l) {
    if (l == null) {
      return slowFactor == 1 ? 0 : Math.round(slowUnit * slowFactor);
    }
    long d = l.sample(ioRng);
    return slowFactor == 1 ? d : Math.round(d * slowFactor);
  }

  // ---- corruption at rest: each returns what it did (for the history), or null when nothing could be hit ----

  private static final Keyword FILE = Keyword.of("file");
  private static final Keyword OFFSET = Keyword.of("offset");
  private static final Keyword BIT = Keyword.of("bit");
  private static final Keyword SECTOR = Keyword.of("sector");
  private static final Keyword FROM = Keyword.of("from");
  private static final Keyword TO = Keyword.of("to");

  /** A random place on the disk the atlas allows: {file, offset}, or null. A few tries, then gives up. */
  private Object[] place() {
    List<SimFile> files = disk.nonEmpty();
    if (files.isEmpty()) {
      return null;
    }
    for (int attempt = 0; attempt < 8; attempt++) {
      SimFile f = files.get(faultRng.nextInt(files.size()));
      int offset = faultRng.nextInt(f.durableLength());
      if (allows(f.name(), offset)) {
        return new Object[] {f, offset};
      }
    }
    return null;
  }

  /** Flips one bit of a file on the disk (Jepsen's bitflip). */
  public Map<Object, Object> flipBit() {
    Object[] at = place();
    if (at == null) {
      return null;
    }
    SimFile f = (SimFile) at[0];
    int offset = (Integer) at[1];
    int bit = faultRng.nextInt(8);
    f.flipDurable(offset, bit);
    bitFlips++;
    return describe(FILE, f.name(), OFFSET, EdnParser.box(offset), BIT, EdnParser.box(bit));
  }

  /** Fills one whole sector of a file on the disk with garbage (a corrupted sector). */
  public Map<Object, Object> corruptSector() {
    Object[] at = place();
    if (at == null) {
      return null;
    }
    SimFile f = (SimFile) at[0];
    int sector = (Integer) at[1] / SimDisk.SECTOR;
    byte[] garbage = new byte[SimDisk.SECTOR];
    for (int i = 0; i < garbage.length; i++) {
      garbage[i] = (byte) faultRng.nextInt(256);
    }
    f.settle(disk.simNow());
    f.overwriteDurable((long) sector * SimDisk.SECTOR, garbage, 0, garbage.length);
    sectorCorruptions++;
    return describe(FILE, f.name(), SECTOR, EdnParser.box(sector));
  }

  /** Cuts a file on the disk at a random point (Jepsen's truncate: the tail is gone). */
  public Map<Object, Object> truncate() {
    Object[] at = place();
    if (at == null) {
      return null;
    }
    SimFile f = (SimFile) at[0];
    int from = f.durableLength();
    int to = (Integer) at[1];
    f.truncateDurable(to);
    truncations++;
    return describe(FILE, f.name(), FROM, EdnParser.box(from), TO, EdnParser.box(to));
  }

  /** Marks a random sector with a latent error: reads touching it fail until a write covers it whole. */
  public Map<Object, Object> latentSector() {
    Object[] at = place();
    if (at == null) {
      return null;
    }
    SimFile f = (SimFile) at[0];
    int sector = (Integer) at[1] / SimDisk.SECTOR;
    f.markBad(sector);
    latentSectors++;
    return describe(FILE, f.name(), SECTOR, EdnParser.box(sector));
  }

  private static Map<Object, Object> describe(Object... kv) {
    Map<Object, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return Collections.unmodifiableMap(m);
  }

  /** Every fault counter, in a fixed order: what was injected on this disk so far. */
  public Map<String, Long> counts() {
    Map<String, Long> m = new LinkedHashMap<>();
    m.put("bit-flips", bitFlips);
    m.put("sector-corruptions", sectorCorruptions);
    m.put("truncations", truncations);
    m.put("latent-sectors", latentSectors);
    m.put("read-errors", readErrors);
    m.put("read-flips", readFlips);
    m.put("misdirected-writes", misdirected);
    m.put("fsync-failures", fsyncFailures);
    m.put("no-space-errors", noSpace);
    return m;
  }
}
