package madjep.sim;

import java.util.SplittableRandom;

/**
 * Which replicas' storage faults may touch (TigerBeetle's fault atlas): corruption that a correct replicated system
 * can always repair leaves, for every piece of data, a majority of replicas with an intact copy. {@code node}: at most
 * {@code f} nodes, chosen by the seed for the whole run, ever get corrupted storage, whatever the file layout (the
 * right choice when replicas lay data out differently, as Raft logs do). {@code region}: for each {@code regionBytes}
 * region of each file name, its own seed-chosen {@code f} nodes (for systems whose replicas lay files out alike).
 * {@code off}: any node, anywhere (unrestricted: a system may lose data for good).
 */
public final class StorageAtlas {
  /** The modes scenario files name. */
  public enum Mode {
    OFF, NODE, REGION
  }

  private final Mode mode;
  private final int nodes;
  private final int f;
  private final boolean[] faulty;
  private final long seed;
  private final int regionBytes;

  private StorageAtlas(Mode mode, int nodes, int f, boolean[] faulty, long seed, int regionBytes) {
    this.mode = mode;
    this.nodes = nodes;
    this.f = f;
    this.faulty = faulty;
    this.seed = seed;
    this.regionBytes = regionBytes;
  }

  /** Any node may be corrupted anywhere. */
  public static StorageAtlas off() {
    return new StorageAtlas(Mode.OFF, 0, 0, null, 0, 0);
  }

  /** At most {@code f} of {@code nodes} nodes, drawn from {@code rng}, may be corrupted at all. */
  public static StorageAtlas node(int nodes, int f, SplittableRandom rng) {
    boolean[] faulty = new boolean[nodes];
    int[] order = Streams.shuffled(nodes, rng);
    for (int i = 0; i < Math.min(f, nodes); i++) {
      faulty[order[i]] = true;
    }
    return new StorageAtlas(Mode.NODE, nodes, f, faulty, 0, 0);
  }

  /** For each region of each file, at most {@code f} nodes (drawn from {@code seed} and the region) may be hit. */
  public static StorageAtlas region(int nodes, int f, long seed, int regionBytes) {
    if (regionBytes <= 0) {
      throw new IllegalArgumentException("expected an atlas region size above 0, found " + regionBytes);
    }
    return new StorageAtlas(Mode.REGION, nodes, f, null, seed, regionBytes);
  }

  public Mode mode() {
    return mode;
  }

  /** The most replicas of any region that may be corrupted. */
  public int f() {
    return f;
  }

  /** True when a fault may corrupt {@code file} at {@code offset} on {@code node}. */
  public boolean allows(int node, String file, long offset) {
    switch (mode) {
      case OFF:
        return true;
      case NODE:
        return node >= 0 && node < nodes && faulty[node];
      default:
        long region = offset / regionBytes;
        SplittableRandom r = new SplittableRandom(seed ^ file.hashCode() * 0x9E3779B97F4A7C15L ^ region * 0xC2B2AE3D27D4EB4FL);
        int[] order = Streams.shuffled(nodes, r);
        for (int i = 0; i < Math.min(f, nodes); i++) {
          if (order[i] == node) {
            return true;
          }
        }
        return false;
    }
  }

  /** The nodes the node mode lets faults touch (for the trace), or an empty array. */
  public int[] faultyNodes() {
    if (mode != Mode.NODE) {
      return new int[0];
    }
    int k = 0;
    for (boolean b : faulty) {
      k += b ? 1 : 0;
    }
    int[] out = new int[k];
    for (int i = 0, j = 0; i < faulty.length; i++) {
      if (faulty[i]) {
        out[j++] = i;
      }
    }
    return out;
  }
}
