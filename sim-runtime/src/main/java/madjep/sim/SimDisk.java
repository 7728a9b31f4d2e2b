package madjep.sim;

import java.util.Collections;
import java.util.SortedSet;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * A node's disk: named {@link SimFile}s that survive crashes as far as they were fsynced. Files are kept in name
 * order so that nothing about a crash depends on hash order.
 */
public final class SimDisk {
  /** The unit of torn writes. */
  public static final int SECTOR = 512;

  private final TreeMap<String, SimFile> files = new TreeMap<>();
  private long lostWrites;
  private long tornWrites;

  /** The file called {@code name}, created empty when missing. */
  public SimFile open(String name) {
    return files.computeIfAbsent(name, SimFile::new);
  }

  public boolean exists(String name) {
    return files.containsKey(name);
  }

  /** Removes a file at once (a metadata operation: durable immediately, unlike writes). */
  public void delete(String name) {
    files.remove(name);
  }

  /** The names of the files, sorted. */
  public SortedSet<String> names() {
    return Collections.unmodifiableSortedSet(new java.util.TreeSet<>(files.keySet()));
  }

  /** Makes every file durable, as a clean shutdown does. */
  public void syncAll() {
    for (SimFile f : files.values()) {
      f.fsync();
    }
  }

  /** Unsynced writes lost (whole or in part) by crashes so far. */
  public long lostWrites() {
    return lostWrites;
  }

  /** Unsynced writes torn by crashes so far. */
  public long tornWrites() {
    return tornWrites;
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
