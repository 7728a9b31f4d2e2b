package madjep.sim.nemesis;

import madjep.sim.Durations;
import madjep.sim.Latency;
import madjep.sim.Simulation;
import madjep.sim.StorageAtlas;
import madjep.sim.Streams;

/**
 * The disks' model and how hard storage faults hit them. Defaults keep disks instant and unlimited (as before this
 * model existed), so only the faults switched on change a run.
 *
 * @param readLatency how long a synchronous read blocks (null: instant)
 * @param writeLatency how long a write blocks (null: instant; writes go to the page cache)
 * @param fsyncLatency how long an fsync takes (null: instant)
 * @param capacity bytes each disk holds ({@link Long#MAX_VALUE}: unlimited)
 * @param atlas where corruption may go: {@code node} (a seed-chosen minority of nodes), {@code region} (per region
 *     of each file, a seed-chosen minority), {@code off} (anywhere)
 * @param atlasF the most replicas the atlas lets corruption touch; -1: a minority, (nodes - 1) / 2
 * @param atlasRegion the region size of the {@code region} atlas, in bytes
 * @param readFlip while {@code disk-errors} is on: the chance that a read returns a flipped bit
 * @param readError while {@code disk-errors} is on: the chance that a read hits a latent sector error
 * @param misdirect while {@code disk-errors} is on: the chance that a write lands at the wrong place
 * @param fsyncFailure while {@code fsync} is on: the chance that an fsync fails (fsyncgate semantics)
 * @param slowFactor while {@code slow-disk} is on: how many times longer I/O takes
 * @param slowUnit what a slowed operation's factor multiplies when the disk has no latency of its own
 */
public record StorageSettings(
    Latency readLatency,
    Latency writeLatency,
    Latency fsyncLatency,
    long capacity,
    String atlas,
    int atlasF,
    int atlasRegion,
    double readFlip,
    double readError,
    double misdirect,
    double fsyncFailure,
    double slowFactor,
    long slowUnit) {

  public StorageSettings {
    if (!java.util.List.of("node", "region", "off").contains(atlas)) {
      throw new IllegalArgumentException("expected an atlas: node, region or off, found '" + atlas + "'");
    }
    for (double p : new double[] {readFlip, readError, misdirect, fsyncFailure}) {
      if (!(p >= 0 && p <= 1)) {
        throw new IllegalArgumentException("expected a storage fault rate between 0 and 1, found " + p);
      }
    }
    if (!(slowFactor >= 1)) {
      throw new IllegalArgumentException("expected a slow-disk factor of at least 1, found " + slowFactor);
    }
    if (capacity <= 0 || atlasRegion <= 0 || slowUnit < 0 || atlasF < -1) {
      throw new IllegalArgumentException("expected a capacity, atlas region and atlas f above 0 and a slow unit of at"
          + " least 0");
    }
  }

  public static StorageSettings defaults() {
    return new StorageSettings(null, null, null, Long.MAX_VALUE, "node", -1, 4096, 0.05, 0.05, 0.01, 0.1, 10,
        Durations.ms(1));
  }

  public StorageSettings withLatencies(Latency read, Latency write, Latency fsync) {
    return new StorageSettings(read, write, fsync, capacity, atlas, atlasF, atlasRegion, readFlip, readError,
        misdirect, fsyncFailure, slowFactor, slowUnit);
  }

  public StorageSettings withAtlas(String mode, int f, int regionBytes) {
    return new StorageSettings(readLatency, writeLatency, fsyncLatency, capacity, mode, f, regionBytes, readFlip,
        readError, misdirect, fsyncFailure, slowFactor, slowUnit);
  }

  public StorageSettings withRates(double flip, double error, double misdirectRate, double fsyncRate) {
    return new StorageSettings(readLatency, writeLatency, fsyncLatency, capacity, atlas, atlasF, atlasRegion, flip,
        error, misdirectRate, fsyncRate, slowFactor, slowUnit);
  }

  public StorageSettings withCapacity(long bytes) {
    return new StorageSettings(readLatency, writeLatency, fsyncLatency, bytes, atlas, atlasF, atlasRegion, readFlip,
        readError, misdirect, fsyncFailure, slowFactor, slowUnit);
  }

  public StorageSettings withSlow(double factor, long unit) {
    return new StorageSettings(readLatency, writeLatency, fsyncLatency, capacity, atlas, atlasF, atlasRegion,
        readFlip, readError, misdirect, fsyncFailure, factor, unit);
  }

  /** The atlas's f for a cluster of {@code nodes}. */
  public int f(int nodes) {
    return atlasF >= 0 ? atlasF : (nodes - 1) / 2;
  }

  /** Sets up every server's disk: latencies, capacity, the atlas (drawn from the seed). */
  public void apply(Simulation sim) {
    int n = sim.servers();
    StorageAtlas a = switch (atlas) {
      case "off" -> StorageAtlas.off();
      case "region" -> StorageAtlas.region(n, f(n), sim.streams().seed(), atlasRegion);
      default -> StorageAtlas.node(n, f(n), sim.streams().of(Streams.Component.RESOURCES).split());
    };
    sim.setStorageAtlas(a);
    for (int i = 0; i < n; i++) {
      sim.storage(i).setLatencies(readLatency, writeLatency, fsyncLatency);
      sim.storage(i).setCapacity(capacity);
      sim.storage(i).setSlowUnit(slowUnit);
    }
  }
}
