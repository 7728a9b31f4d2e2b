package madjep.sim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SortedSet;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * A node's disk: named {@link SimFile}s that survive crashes as far as they were fsynced. Files are kept in name
 * order so that nothing about a crash depends on hash order. The disk's latencies, capacity and faults are set
 * through its {@link DiskFaults} ({@link Simulation#storage}); a disk made with {@code new SimDisk()} has none.
 */
public final class SimDisk {
  /** The unit of torn writes, latent errors and corrupted sectors. */
  public static final int SECTOR = 512;

  private final TreeMap<String, SimFile> files = new TreeMap<>();
  private final DiskHost host;
  final DiskFaults faults;
  /** Bytes in files, as reads see them: what a full disk counts. */
  long used;
  private long lostWrites;
  private long tornWrites;

  /** A disk outside any simulation: no time passes, no faults. */
  public SimDisk() {
    this(null, -1, null, null);
  }

  SimDisk(DiskHost host, int node, SplittableRandom faultRng, SplittableRandom ioRng) {
    this.host = host;
    this.faults = new DiskFaults(this, node, faultRng, ioRng);
  }

  /** The file called {@code name}, created empty when missing. */
  public SimFile open(String name) {
    return files.computeIfAbsent(name, n -> new SimFile(n, this));
  }

  public boolean exists(String name) {
    return files.containsKey(name);
  }

  /** Removes a file at once (a metadata operation: durable immediately, unlike writes). */
  public void delete(String name) {
    SimFile f = files.remove(name);
    if (f != null) {
      used -= f.size();
    }
  }

  /** The names of the files, sorted. */
  public SortedSet<String> names() {
    return Collections.unmodifiableSortedSet(new java.util.TreeSet<>(files.keySet()));
  }

  /** Makes every file durable at once and without faults, as a clean shutdown does. */
  public void syncAll() {
    for (SimFile f : files.values()) {
      f.syncNow();
    }
  }

  /** Bytes in files (as reads see them). */
  public long used() {
    return used;
  }

  /** The most bytes the files may hold: {@link Long#MAX_VALUE} unless a full-disk fault or setting limits it. */
  public long capacity() {
    return faults.capacity;
  }

  /** Bytes written and covered by no fsync yet, over every file. */
  public long dirtyBytes() {
    long n = 0;
    for (SimFile f : files.values()) {
      n += f.dirtyBytes();
    }
    return n;
  }

  /** Unsynced writes lost (whole or in part) by crashes so far. */
  public long lostWrites() {
    return lostWrites;
  }

  /** Unsynced writes torn by crashes so far. */
  public long tornWrites() {
    return tornWrites;
  }

  // ---- time, for the files ----

  long now() {
    return host == null ? 0 : host.ioNow();
  }

  long simNow() {
    return host == null ? Long.MAX_VALUE : host.simNow();
  }

  void spend(long nanos) {
    if (nanos > 0 && host != null) {
      host.ioSpend(nanos);
    }
  }

  void complete(long at, Runnable done) {
    if (host == null) {
      done.run();
    } else {
      host.ioComplete(at, done);
    }
  }

  // ---- faults ----

  /** Files with data on the disk, in name order. */
  List<SimFile> nonEmpty() {
    List<SimFile> out = new ArrayList<>();
    for (SimFile f : files.values()) {
      if (f.durableLength() > 0) {
        out.add(f);
      }
    }
    return out;
  }

  /** A random file other than {@code self} with data on the disk, or null. */
  SimFile pickOther(SimFile self, SplittableRandom rng) {
    List<SimFile> c = nonEmpty();
    c.remove(self);
    return c.isEmpty() ? null : c.get(rng.nextInt(c.size()));
  }

  /** A power failure: returns the number of unsynced writes lost whole and torn. */
  int[] crash(SplittableRandom rng) {
    int lost = 0;
    int torn = 0;
    for (SimFile f : files.values()) {
      int[] r = f.crash(rng);
      lost += r[0];
      torn += r[1];
    }
    lostWrites += lost;
    tornWrites += torn;
    return new int[] {lost, torn};
  }
}
