package madjep.harness;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.StandardOpenOption;
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

  /**
   * A file system that opens a file for direct I/O and then refuses its first write (EINVAL): the file is written as
   * usual instead, with exactly the bytes written, whether the refused write was a full chunk or the last, padded
   * block at close.
   */
  @ParameterizedTest
  @ValueSource(ints = {1, 100, 4095, 4096, 4097, (1 << 20) + 5})
  void aRefusedFirstDirectWriteFallsBackToAnOrdinaryFile(int length) throws Exception {
    byte[] bytes = new byte[length];
    new SplittableRandom(length).nextBytes(bytes);
    Path file = dir.resolve("refused-" + length);
    FileChannel refusing = new RefusingWrites(FileChannel.open(file, StandardOpenOption.CREATE_NEW,
        StandardOpenOption.WRITE));
    UncachedFileOutput out = new UncachedFileOutput(file, refusing, 4096);
    out.write(bytes, 0, length);
    out.close();
    assertTrue(!out.direct(), "still direct after a refused write");
    assertArrayEquals(bytes, Files.readAllBytes(file));
  }

  /** A channel whose writes fail as a direct write the file system refuses does; all else goes to the real one. */
  private static final class RefusingWrites extends FileChannel {
    private final FileChannel real;

    RefusingWrites(FileChannel real) {
      this.real = real;
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
      throw new IOException("Invalid argument");
    }

    @Override
    public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
      throw new IOException("Invalid argument");
    }

    @Override
    public int write(ByteBuffer src, long position) throws IOException {
      throw new IOException("Invalid argument");
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
      return real.read(dst);
    }

    @Override
    public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
      return real.read(dsts, offset, length);
    }

    @Override
    public int read(ByteBuffer dst, long position) throws IOException {
      return real.read(dst, position);
    }

    @Override
    public long position() throws IOException {
      return real.position();
    }

    @Override
    public FileChannel position(long newPosition) throws IOException {
      real.position(newPosition);
      return this;
    }

    @Override
    public long size() throws IOException {
      return real.size();
    }

    @Override
    public FileChannel truncate(long size) throws IOException {
      real.truncate(size);
      return this;
    }

    @Override
    public void force(boolean metaData) throws IOException {
      real.force(metaData);
    }

    @Override
    public long transferTo(long position, long count, WritableByteChannel target) throws IOException {
      return real.transferTo(position, count, target);
    }

    @Override
    public long transferFrom(ReadableByteChannel src, long position, long count) throws IOException {
      throw new IOException("Invalid argument");
    }

    @Override
    public MappedByteBuffer map(MapMode mode, long position, long size) throws IOException {
      return real.map(mode, position, size);
    }

    @Override
    public FileLock lock(long position, long size, boolean shared) throws IOException {
      return real.lock(position, size, shared);
    }

    @Override
    public FileLock tryLock(long position, long size, boolean shared) throws IOException {
      return real.tryLock(position, size, shared);
    }

    @Override
    protected void implCloseChannel() throws IOException {
      real.close();
    }
  }
}
