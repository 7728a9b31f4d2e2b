package madjep.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RecordFileTest {
  @Test
  void recover_afterCrash_keepsSyncedPrefixAndDropsTornTail() {
    int sawShorter = 0;
    for (long seed = 0; seed < 50; seed++) {
      SimDisk disk = new SimDisk();
      RecordFile rf = new RecordFile(disk.open("log"));
      for (int i = 0; i < 5; i++) {
        rf.append(new byte[] {(byte) i, 1, 2}, 3);
      }
      rf.fsync();
      for (int i = 5; i < 40; i++) {
        byte[] big = new byte[300];
        big[0] = (byte) i;
        rf.append(big, big.length);
      }
      disk.crash(new SplittableRandom(seed));
      RecordFile again = new RecordFile(disk.open("log"));
      List<byte[]> recs = again.recover();
      assertTrue(recs.size() >= 5, "synced records survive");
      for (int i = 0; i < recs.size(); i++) {
        assertEquals((byte) i, recs.get(i)[0], "records come back in order, none garbled");
      }
      if (recs.size() < 40) {
        sawShorter++;
      }
      // After recovery the file ends at the last good record, so new appends are readable.
      again.append(new byte[] {99}, 1);
      again.fsync();
      List<byte[]> more = new RecordFile(disk.open("log")).recover();
      assertEquals(recs.size() + 1, more.size());
      assertEquals(99, more.get(more.size() - 1)[0]);
    }
    assertTrue(sawShorter > 40, "crashes lose unsynced records: " + sawShorter);
  }

  @Test
  void recover_lengthNearTwoToThe31_endsTheRecordsInsteadOfWrapping() {
    // A damaged length field whose sum with the record's position wraps past 2^31 must end the valid records, checked
    // or not, as any other length that runs past the file does.
    for (boolean verify : new boolean[] {true, false}) {
      SimDisk disk = new SimDisk();
      RecordFile rf = new RecordFile(disk.open("log"));
      for (int i = 0; i < 3; i++) {
        rf.append(new byte[] {(byte) i, 1, 2}, 3);
      }
      byte[] damaged = new byte[16];
      RecordFile.putInt(damaged, 0, Integer.MAX_VALUE - 20);
      rf.file().append(damaged, 0, damaged.length);
      rf.fsync();
      RecordFile again = new RecordFile(disk.open("log"));
      List<byte[]> recs = verify ? again.recover() : again.recoverUnchecked();
      assertEquals(3, recs.size(), "verify=" + verify);
      assertEquals(3 * 11, again.file().size(), "cut after the last good record");
    }
  }

  @Test
  void recoveryReadsInPlace_yetABitFlippedOnReadIsFlippedOnlyInWhatItReads() {
    int flipped = 0;
    for (long seed = 0; seed < 40; seed++) {
      // Three disks with the same records and the same faults: one read as a copy, one read in place, one recovered.
      SimDisk[] disks = new SimDisk[3];
      int records = 2 + new SplittableRandom(seed).nextInt(20);
      boolean flips = seed % 4 != 0;
      for (int d = 0; d < 3; d++) {
        disks[d] = new SimDisk(null, 0, new SplittableRandom(seed), new SplittableRandom(~seed));
        RecordFile rf = new RecordFile(disks[d].open("log"));
        SplittableRandom same = new SplittableRandom(seed);
        same.nextInt(20);
        for (int i = 0; i < records; i++) {
          byte[] b = new byte[1 + same.nextInt(200)];
          same.nextBytes(b);
          rf.append(b, b.length);
        }
        rf.fsync();
        disks[d].faults.setErrorRates(flips ? 1 : 0, 0, 0);
      }
      SimFile copied = disks[0].open("log");
      SimFile shared = disks[1].open("log");
      byte[] copy = copied.readAll();
      byte[] inPlace = java.util.Arrays.copyOf(shared.readAllShared(), (int) shared.size());
      assertArrayEquals(copy, inPlace, "seed " + seed + ": the same read, the same flip");
      assertEquals(disks[0].faults.readFlips, disks[1].faults.readFlips);
      // The flip is in what was read, never in the file.
      disks[0].faults.setErrorRates(0, 0, 0);
      disks[1].faults.setErrorRates(0, 0, 0);
      byte[] original = copied.readAll();
      assertArrayEquals(original, shared.readAll(), "seed " + seed + ": the file after a read in place");
      int bits = 0;
      for (int i = 0; i < original.length; i++) {
        bits += Integer.bitCount((original[i] ^ copy[i]) & 0xff);
      }
      assertEquals(flips ? 1 : 0, bits, "seed " + seed + ": bits flipped by the read");
      // Recovery reads what the read returned: a flipped record fails its checksum and ends the valid ones.
      List<byte[]> recs = new RecordFile(disks[2].open("log")).recover();
      if (flips) {
        assertTrue(recs.size() < records, "seed " + seed + ": " + recs.size() + " of " + records + " records");
        flipped++;
      } else {
        assertEquals(records, recs.size());
      }
    }
    assertEquals(30, flipped);
  }

  @Test
  void reserve_isOnlyAHint_theSameBytesAfterWritesTruncationsAndCrashes() {
    // Two disks, one file each, the same writes, syncs, truncation and crash: one file reserved up front.
    for (long seed = 0; seed < 40; seed++) {
      byte[][] images = new byte[2][];
      for (int reserved = 0; reserved < 2; reserved++) {
        SimDisk disk = new SimDisk();
        SimFile f = disk.open("log");
        if (reserved == 1) {
          f.reserve(1 << 16);
        }
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = 0; i < 60; i++) {
          byte[] b = new byte[1 + r.nextInt(700)];
          r.nextBytes(b);
          f.write(r.nextInt(3) == 0 ? r.nextInt((int) f.size() + 1) : f.size(), b, 0, b.length);
          if (r.nextInt(5) == 0) {
            f.fsync();
          }
          if (r.nextInt(20) == 0) {
            f.truncate(r.nextInt((int) f.size() + 1));
          }
        }
        disk.crash(new SplittableRandom(seed + 1000));
        images[reserved] = disk.open("log").readAll();
      }
      org.junit.jupiter.api.Assertions.assertArrayEquals(images[0], images[1], "seed " + seed);
    }
  }

  @Test
  void aFrameWrittenToAnotherFileIsTheSameBytesAsAppendingThePayload() {
    for (long seed = 0; seed < 40; seed++) {
      SplittableRandom r = new SplittableRandom(seed);
      SimDisk disk = new SimDisk();
      RecordFile appended = new RecordFile(disk.open("a"));
      RecordFile framed = new RecordFile(disk.open("b"));
      RecordFile framer = new RecordFile(disk.open("c"));
      for (int i = 0; i < 30; i++) {
        byte[] payload = new byte[1 + r.nextInt(400)];
        r.nextBytes(payload);
        int n = 1 + r.nextInt(payload.length);
        appended.append(payload, n);
        framed.appendFrame(framer.frame(payload, n));
      }
      org.junit.jupiter.api.Assertions.assertArrayEquals(appended.file().readAll(), framed.file().readAll(),
          "seed " + seed);
      assertEquals(30, framed.recover().size());
      assertEquals(0, framer.file().size(), "framing writes nothing");
    }
  }

  @Test
  void aFrameWhoseLengthFieldDisagreesIsRefused() {
    RecordFile rf = new RecordFile(new SimDisk().open("log"));
    byte[] frame = rf.frame(new byte[] {1, 2, 3}, 3);
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> rf.appendFrame(java.util.Arrays.copyOf(frame, frame.length + 1)));
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> rf.appendFrame(new byte[3]));
    assertEquals(0, rf.file().size());
  }
}
