package madjep.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import madjep.history.edn.Keyword;
import madjep.sim.testing.Cluster;
import org.junit.jupiter.api.Test;

/** One test per storage fault, each with a fixed seed, showing the fault's effect as a node sees it. */
class StorageFaultTest {
  private static final long MS = Durations.MS;

  private static byte[] bytes(int n, int fill) {
    byte[] b = new byte[n];
    Arrays.fill(b, (byte) fill);
    return b;
  }

  /** A one-node cluster whose disk holds {@code n} synced bytes of {@code fill} in file "data". */
  private static Cluster withData(long seed, int n, int fill) {
    Cluster c = new Cluster(seed, 1);
    SimFile f = c.sim.disk(0).open("data");
    f.append(bytes(n, fill), 0, n);
    f.fsync();
    return c;
  }

  private static int differingBits(byte[] a, byte[] b) {
    int bits = 0;
    for (int i = 0; i < a.length; i++) {
      bits += Integer.bitCount((a[i] ^ b[i]) & 0xff);
    }
    return bits;
  }

  @Test
  void bitflipAtRest_flippedBitIsReadBackFlipped_andSurvivesCrash() {
    Cluster c = withData(1, 4096, 0x55);
    Map<Object, Object> done = c.sim.storage(0).flipBit();
    assertNotNull(done);
    SimFile f = c.sim.disk(0).open("data");
    int offset = ((Long) done.get(Keyword.of("offset"))).intValue();
    int bit = ((Long) done.get(Keyword.of("bit"))).intValue();
    byte[] read = f.readAll();
    assertEquals(1, differingBits(bytes(4096, 0x55), read), "exactly one bit differs");
    assertEquals((byte) (0x55 ^ (1 << bit)), read[offset], "the flipped bit is where the history says");
    c.sim.crash(0);
    assertEquals(1, differingBits(bytes(4096, 0x55), c.sim.disk(0).open("data").readAll()), "it is on the disk");
    assertEquals(1, c.sim.storage(0).counts().get("bit-flips"));
  }

  @Test
  void bitflipOnRead_readReturnsAFlippedBit_diskKeepsTheRightData() {
    Cluster c = withData(2, 2048, 0x0f);
    c.sim.storage(0).setErrorRates(1.0, 0, 0);
    SimFile f = c.sim.disk(0).open("data");
    assertEquals(1, differingBits(bytes(2048, 0x0f), f.readAll()));
    c.sim.storage(0).setErrorRates(0, 0, 0);
    assertArrayEquals(bytes(2048, 0x0f), f.readAll(), "the flip was in the read, not on the disk");
    assertEquals(1, c.sim.storage(0).counts().get("read-flips"));
  }

  @Test
  void corruptSector_wholeSectorIsGarbage_othersIntact() {
    Cluster c = withData(3, 4 * SimDisk.SECTOR, 0x11);
    Map<Object, Object> done = c.sim.storage(0).corruptSector();
    int sector = ((Long) done.get(Keyword.of("sector"))).intValue();
    byte[] read = c.sim.disk(0).open("data").readAll();
    for (int s = 0; s < 4; s++) {
      byte[] part = Arrays.copyOfRange(read, s * SimDisk.SECTOR, (s + 1) * SimDisk.SECTOR);
      if (s == sector) {
        assertFalse(Arrays.equals(bytes(SimDisk.SECTOR, 0x11), part), "the chosen sector is garbage");
      } else {
        assertArrayEquals(bytes(SimDisk.SECTOR, 0x11), part, "sector " + s + " untouched");
      }
    }
  }

  @Test
  void latentSectorError_readFailsWithEio_untilTheSectorIsRewritten() {
    Cluster c = withData(4, 4 * SimDisk.SECTOR, 0x22);
    Map<Object, Object> done = c.sim.storage(0).latentSector();
    int sector = ((Long) done.get(Keyword.of("sector"))).intValue();
    SimFile f = c.sim.disk(0).open("data");
    DiskException e = assertThrows(DiskException.class, f::readAll);
    assertEquals(DiskException.Kind.IO_ERROR, e.kind());
    assertEquals("data", e.file());
    int other = (sector + 1) % 4;
    byte[] buf = new byte[SimDisk.SECTOR];
    assertEquals(SimDisk.SECTOR, f.read((long) other * SimDisk.SECTOR, buf, 0, SimDisk.SECTOR), "other sectors read");
    f.write((long) sector * SimDisk.SECTOR, bytes(SimDisk.SECTOR, 0x33), 0, SimDisk.SECTOR);
    assertEquals(4 * SimDisk.SECTOR, f.readAll().length, "a write over the whole sector remaps it");
  }

  @Test
  void readErrorRate_marksTheSectorBad_laterReadsFailToo() {
    Cluster c = withData(5, 2 * SimDisk.SECTOR, 0x01);
    c.sim.storage(0).setErrorRates(0, 1.0, 0);
    SimFile f = c.sim.disk(0).open("data");
    assertThrows(DiskException.class, f::readAll);
    c.sim.storage(0).setErrorRates(0, 0, 0);
    assertThrows(DiskException.class, f::readAll, "a latent error stays until rewritten");
    assertEquals(1, c.sim.storage(0).counts().get("read-errors"));
  }

  @Test
  void misdirectedWrite_landsElsewhereOnDisk_intendedPlaceKeepsOldData() {
    Cluster c = withData(6, 8 * SimDisk.SECTOR, 0x44);
    c.sim.storage(0).setErrorRates(0, 0, 1.0);
    SimFile f = c.sim.disk(0).open("data");
    f.write(0, bytes(SimDisk.SECTOR, 0x77), 0, SimDisk.SECTOR);
    assertEquals(0x77, f.readAll()[0], "the page cache shows the write where it was meant to go");
    f.fsync();
    c.sim.crash(0);
    byte[] after = c.sim.disk(0).open("data").readAll();
    assertEquals(0x44, after[0], "the intended sector never got it");
    int landed = -1;
    for (int s = 1; s < 8; s++) {
      if (after[s * SimDisk.SECTOR] == 0x77) {
        landed = s;
      }
    }
    assertTrue(landed > 0, "the write landed on another sector");
    assertEquals(1, c.sim.storage(0).counts().get("misdirected-writes"));
  }

  @Test
  void truncateAtRest_fileIsCutShorter() {
    Cluster c = withData(7, 3000, 0x09);
    Map<Object, Object> done = c.sim.storage(0).truncate();
    long to = (Long) done.get(Keyword.of("to"));
    assertTrue(to < 3000);
    assertEquals(to, c.sim.disk(0).open("data").size());
    assertEquals(to, c.sim.disk(0).open("data").durableSize());
  }

  @Test
  void fsyncFailure_nodeSeesEio_dirtyDataIsDropped_retrySucceeds_crashLosesIt() {
    Cluster c = withData(8, 100, 0x01);
    SimFile f = c.sim.disk(0).open("data");
    f.append(bytes(100, 0x02), 0, 100);
    c.sim.storage(0).setFsyncFailure(1.0);
    DiskException e = assertThrows(DiskException.class, f::fsync);
    assertEquals(DiskException.Kind.IO_ERROR, e.kind());
    assertFalse(f.dirty(), "the failed fsync dropped the dirty pages: nothing is dirty any more");
    f.fsync();
    assertEquals(200, f.readAll().length, "reads still see the dropped write (the page cache kept it)");
    assertEquals(100, f.durableSize(), "but it never reached the disk");
    c.sim.crash(0);
    assertArrayEquals(bytes(100, 0x01), c.sim.disk(0).open("data").readAll(), "a crash shows it gone");
    assertEquals(1, c.sim.storage(0).counts().get("fsync-failures"));
  }

  @Test
  void fullDisk_growingWriteFailsWithEnospc_overwriteStillWorks_untilFreed() {
    Cluster c = withData(9, 1000, 0x01);
    c.sim.storage(0).fill();
    SimFile f = c.sim.disk(0).open("data");
    DiskException e = assertThrows(DiskException.class, () -> f.append(bytes(10, 2), 0, 10));
    assertEquals(DiskException.Kind.NO_SPACE, e.kind());
    assertEquals(1000, f.size(), "nothing was written");
    f.write(0, bytes(10, 3), 0, 10);
    assertEquals(3, f.readAll()[0]);
    c.sim.storage(0).setCapacity(Long.MAX_VALUE);
    f.append(bytes(10, 2), 0, 10);
    assertEquals(1010, f.size());
  }

  /** Writes a record, fsyncs it synchronously, then tells node 1: all in one handler. */
  private static final class SyncWriter implements Node {
    @Override
    public void start(NodeContext ctx) {}

    @Override
    public void receive(NodeContext ctx, int from, Object message) {
      if (message.equals("go")) {
        SimFile f = ctx.disk().open("log");
        f.append(bytes(600, 5), 0, 600);
        f.fsync();
        ctx.send(1, "synced at " + ctx.now() / MS);
      }
    }
  }

  private static List<Object> fsyncRun(long crashAt) {
    List<Object> got = new ArrayList<>();
    Simulation sim = new Simulation(new Streams(10), 2, id -> id == 0 ? new SyncWriter() : new Node() {
      @Override
      public void start(NodeContext ctx) {}

      @Override
      public void receive(NodeContext ctx, int from, Object message) {
        got.add(message);
      }
    }, new Trace(true));
    sim.start();
    sim.network().setLatency(new Latency.Fixed(MS));
    sim.storage(0).setLatencies(null, null, new Latency.Fixed(10 * MS));
    sim.after(0, () -> sim.network().send(1, 0, "go"));
    if (crashAt >= 0) {
      sim.at(crashAt, () -> sim.crash(0));
    }
    sim.runUntil(100 * MS);
    got.add(sim.disk(0).open("log").durableSize());
    return got;
  }

  @Test
  void slowFsync_crashWhileInFlight_dataNotDurableAndLaterSendNeverLeaves() {
    assertEquals(List.of("synced at 11", 600L), fsyncRun(-1), "without a crash: durable, sent after the fsync");
    assertEquals(List.of(0L), fsyncRun(6 * MS), "crash mid-fsync: nothing durable, nothing sent");
    assertEquals(List.of("synced at 11", 600L), fsyncRun(12 * MS), "crash after it: both happened");
  }

  @Test
  void asyncFsync_completesAfterItsLatency_neverAfterACrash() {
    List<String> events = new ArrayList<>();
    Simulation sim = new Simulation(new Streams(11), 1, id -> new Node() {
      @Override
      public void start(NodeContext ctx) {
        SimFile f = ctx.disk().open("log");
        f.append(bytes(10, 1), 0, 10);
        f.fsync(error -> events.add("done at " + ctx.now() / MS + (error == null ? "" : " " + error.kind())));
        events.add("returned at " + ctx.now() / MS);
      }

      @Override
      public void receive(NodeContext ctx, int from, Object message) {}
    }, new Trace(false));
    sim.storage(0).setLatencies(null, null, new Latency.Fixed(5 * MS));
    sim.start();
    sim.runUntil(20 * MS);
    assertEquals(List.of("returned at 0", "done at 5"), events);
    assertEquals(10, sim.disk(0).open("log").durableSize());
    events.clear();
    sim.crash(0);
    sim.restart(0);
    sim.at(sim.now() + 2 * MS, () -> sim.crash(0));
    sim.runUntil(40 * MS);
    assertEquals(List.of("returned at 20"), events, "the completion of a crashed incarnation never runs");
  }

  @Test
  void atlasNodeMode_onlyTheChosenMinorityIsEverCorrupted() {
    Cluster c = new Cluster(12, 5);
    c.sim.setStorageAtlas(StorageAtlas.node(5, 2, new SplittableRandom(12)));
    int[] faulty = c.sim.storageAtlas().faultyNodes();
    assertEquals(2, faulty.length);
    for (int n = 0; n < 5; n++) {
      SimFile f = c.sim.disk(n).open("data");
      f.append(bytes(1000, 1), 0, 1000);
      f.fsync();
    }
    for (int n = 0; n < 5; n++) {
      boolean allowed = n == faulty[0] || n == faulty[1];
      Map<Object, Object> done = c.sim.storage(n).flipBit();
      assertEquals(allowed, done != null, "node " + n);
      c.sim.storage(n).setErrorRates(1, 0, 0);
      byte[] read = c.sim.disk(n).open("data").readAll();
      assertEquals(allowed ? 2 : 0, differingBits(bytes(1000, 1), read), "node " + n);
    }
  }

  @Test
  void atlasRegionMode_eachRegionHasAtMostFFaultyReplicas() {
    StorageAtlas a = StorageAtlas.region(5, 2, 99, 4096);
    for (int region = 0; region < 50; region++) {
      int allowed = 0;
      for (int n = 0; n < 5; n++) {
        allowed += a.allows(n, "wal", region * 4096L + 7) ? 1 : 0;
      }
      assertEquals(2, allowed, "region " + region);
    }
    assertTrue(StorageAtlas.off().allows(3, "x", 0));
  }

  @Test
  void faults_sameSeed_sameCorruption() {
    String[] out = new String[2];
    for (int run = 0; run < 2; run++) {
      Cluster c = withData(13, 5000, 0x5a);
      out[run] = String.valueOf(c.sim.storage(0).flipBit()) + c.sim.storage(0).corruptSector()
          + c.sim.storage(0).truncate() + Arrays.hashCode(c.sim.disk(0).open("data").readAll());
    }
    assertEquals(out[0], out[1]);
  }

  @Test
  void atRestFault_emptyDisk_nothingToHit() {
    Cluster c = new Cluster(14, 1);
    assertNull(c.sim.storage(0).flipBit());
  }
}
