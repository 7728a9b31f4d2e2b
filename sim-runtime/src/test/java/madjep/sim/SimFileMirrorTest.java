package madjep.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A file whose disk image mirrors its cache (settling an append only moves the image's end) behaves byte for byte as
 * one that copies every write into an image of its own: the same random writes, truncations, fsyncs that fail,
 * misdirected writes, crashes and at-rest faults, on two disks with the same seeds, leave the same files.
 */
class SimFileMirrorTest {
  private static final String[] NAMES = {"log", "meta", "snap"};

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2, 3})
  void mirroredImage_behavesAsACopiedOne(int block) {
    int crashes = 0;
    int failedSyncs = 0;
    int remirrored = 0;
    for (long seed = block * 250L; seed < (block + 1) * 250L; seed++) {
      SimDisk mirrored = disk(seed);
      SimDisk copied = disk(seed);
      for (String n : NAMES) {
        mirrored.open(n);
        copied.open(n).neverMirror();
      }
      SplittableRandom script = new SplittableRandom(seed ^ 0x5EED);
      boolean faulty = seed % 3 != 0;
      if (faulty) {
        for (SimDisk d : new SimDisk[] {mirrored, copied}) {
          d.faults.setFsyncFailure(0.15);
          d.faults.setErrorRates(0, 0, 0.1);
        }
      }
      boolean[] wasMirrored = {true, true, true};
      for (int step = 0; step < 200; step++) {
        String name = NAMES[script.nextInt(NAMES.length)];
        int action = script.nextInt(100);
        if (seed % 2 == 0 && (action >= 45 && action < 52 || action >= 80 && script.nextInt(6) != 0)) {
          // Half the seeds write only at the end, as a log does, and crash and corrupt less: long enough runs of
          // appends for images to become mirrors again.
          action = action < 52 ? 0 : 60;
        }
        long salt = script.nextLong();
        String a = apply(mirrored, name, action, salt);
        String b = apply(copied, name, action, salt);
        assertEquals(b, a, "seed " + seed + " step " + step + ": what " + name + " answered");
        if (a.startsWith("crash")) {
          crashes++;
        }
        if (a.contains("EIO")) {
          failedSyncs++;
        }
        for (int i = 0; i < NAMES.length; i++) {
          String n = NAMES[i];
          SimFile x = mirrored.open(n);
          if (x.mirrored() && !wasMirrored[i] && !a.startsWith("crash")) {
            remirrored++;
          }
          wasMirrored[i] = x.mirrored();
          SimFile y = copied.open(n);
          String at = "seed " + seed + " step " + step + ": ";
          assertEquals(y.size(), x.size(), at + "size of " + n);
          assertEquals(y.durableSize(), x.durableSize(), at + "size on disk of " + n);
          assertArrayEquals(read(y), read(x), at + "bytes of " + n);
        }
      }
    }
    assertTrue(crashes > 500, "the script crashes the disks: " + crashes);
    assertTrue(failedSyncs > 100, "fsyncs fail: " + failedSyncs);
    assertTrue(remirrored > 50, "files become mirrors again after a write elsewhere, a truncation or a fault: "
        + remirrored);
  }

  private static SimDisk disk(long seed) {
    return new SimDisk(null, 0, new SplittableRandom(seed), new SplittableRandom(~seed));
  }

  /** One step of the script on {@code d}; the answer names what happened, so both disks can be compared. */
  private static String apply(SimDisk d, String name, int action, long salt) {
    SimFile f = d.open(name);
    SplittableRandom r = new SplittableRandom(salt);
    try {
      if (action < 45) {
        byte[] b = bytes(r, 1 + r.nextInt(300));
        f.append(b, 0, b.length);
        return "append";
      } else if (action < 52) {
        byte[] b = bytes(r, 1 + r.nextInt(100));
        long pos = f.size() == 0 ? 0 : r.nextLong(f.size() + 50);
        f.write(pos, b, 0, b.length);
        return "write " + pos;
      } else if (action < 56) {
        long to = f.size() == 0 ? 0 : r.nextLong(f.size() + 10);
        f.truncate(to);
        return "truncate " + to;
      } else if (action < 80) {
        f.fsync();
        return "fsync";
      } else if (action < 88) {
        int[] lost = d.crash(r);
        return "crash " + lost[0] + " " + lost[1];
      } else if (action < 92) {
        return "flip " + d.faults.flipBit();
      } else if (action < 95) {
        return "corrupt " + d.faults.corruptSector();
      } else if (action < 98) {
        return "cut " + d.faults.truncate();
      } else {
        f.reserve(r.nextInt(1 << 12));
        return "reserve";
      }
    } catch (DiskException e) {
      return "error " + e.getMessage();
    }
  }

  /** The file as reads see it, or null when a latent sector error stops the read. */
  private static byte[] read(SimFile f) {
    try {
      return f.readAll();
    } catch (DiskException e) {
      return null;
    }
  }

  private static byte[] bytes(SplittableRandom r, int n) {
    byte[] b = new byte[n];
    r.nextBytes(b);
    return b;
  }
}
