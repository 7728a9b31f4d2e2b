package madjep.harness;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UncachedFileOutputTest {
  @TempDir Path dir;

  /** Lengths around the block and the chunk, written in random pieces with flushes between: the file reads back whole. */
  @ParameterizedTest
  @ValueSource(ints = {0, 1, 511, 4095, 4096, 4097, 65_536, (1 << 20) - 1, 1 << 20, (1 << 20) + 1, 3 * (1 << 20) + 17})
  void theFileHoldsExactlyWhatWasWritten(int length) throws Exception {
    SplittableRandom rnd = new SplittableRandom(length);
    byte[] bytes = new byte[length];
    for (int i = 0; i < length; i++) {
      bytes[i] = (byte) (1 + rnd.nextInt(255)); // never zero, so padding left in the file would show
    }
    Path file = dir.resolve("h-" + length);
    try (OutputStream out = UncachedFileOutput.create(file)) {
      int at = 0;
      while (at < length) {
        int n = Math.min(length - at, rnd.nextInt(4) == 0 ? 1 + rnd.nextInt(10) : 1 + rnd.nextInt(300_000));
        if (n == 1 && rnd.nextBoolean()) {
          out.write(bytes[at]);
        } else {
          out.write(bytes, at, n);
        }
        at += n;
        if (rnd.nextInt(5) == 0) {
          out.flush();
        }
      }
    }
    assertArrayEquals(bytes, Files.readAllBytes(file));
  }

  @Test
  void writesAroundThePageCacheOnFileSystemsThatAllowIt() throws Exception {
    // ext4, xfs and btrfs take direct I/O: there the stream must use it, which is the point of the class. Elsewhere
    // (tmpfs, overlay file systems) it may fall back to an ordinary file, which the test above checks as well.
    String type = Files.getFileStore(dir).type();
    Path file = dir.resolve("probe");
    try (OutputStream out = UncachedFileOutput.create(file)) {
      out.write(new byte[10_000]);
      if (type.matches("ext[234]|xfs|btrfs")) {
        assertTrue(out instanceof UncachedFileOutput u && u.direct(), "direct I/O not used on " + type);
      }
    }
    assertEquals(10_000, Files.size(file));
  }

  @Test
  void refusesAFileThatExists() throws Exception {
    Path file = dir.resolve("there");
    Files.writeString(file, "keep me");
    assertThrows(FileAlreadyExistsException.class, () -> UncachedFileOutput.create(file).close());
    assertArrayEquals("keep me".getBytes(), Files.readAllBytes(file));
  }

  @Test
  void writingAfterCloseFails() throws Exception {
    OutputStream out = UncachedFileOutput.create(dir.resolve("closed"));
    out.write(1);
    out.close();
    out.close();
    assertThrows(java.io.IOException.class, () -> out.write(2));
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    expected.write(1);
    assertArrayEquals(expected.toByteArray(), Files.readAllBytes(dir.resolve("closed")));
  }
}
