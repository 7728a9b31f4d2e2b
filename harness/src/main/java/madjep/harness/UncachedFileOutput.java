package madjep.harness;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A new file written around the page cache (Linux's {@code O_DIRECT}) where the file system allows it, else written
 * as usual.
 *
 * <p>Why: a simulated hour writes over a gigabyte of history. Through the page cache every 4 KB of it takes a page
 * the kernel has to find and clear, and on the virtual machines this project is measured on, where a page freed a
 * while ago is costly to touch again, that took the writer threads 0.2–9.8 s of system time per run, on the core
 * the collector and the compiler share, so that the simulation's own thread was preempted (benchmarks/RESULTS.md,
 * "The simulated hour, twelfth pass"). Written directly, the same bytes cost 0.1–0.3 s of system time. The bytes on
 * disk are the same either way; only the cache is left out, so reading the file back later reads the disk.
 *
 * <p>Direct writes need buffers and lengths aligned to the file system's block: whole blocks are written from an
 * aligned buffer, and {@link #close} pads the last block with zeros and cuts the file back to its length. A file
 * system that refuses direct I/O (tmpfs, some network and FUSE file systems) at the open or at the first write gets
 * an ordinary file instead, with nothing lost.
 */
final class UncachedFileOutput extends OutputStream {
  /** Bytes per direct write: large enough that the disk, not the call, sets the pace. */
  private static final int CHUNK = 1 << 20;
  /**
   * {@code O_DIRECT}, or null where the JDK does not name it. Looked up by name: a reference to the class compiles with
   * a warning javac cannot be told to leave out ({@code jdk.unsupported} is internal API).
   */
  private static final OpenOption DIRECT = directOption();

  private final Path file;
  private FileChannel channel;
  /** The aligned buffer while writing directly; null once the file is written as usual. */
  private ByteBuffer buffer;
  private final int block;
  /** Where ordinary writes go once direct writing is off. */
  private OutputStream plain;
  private boolean closed;

  /** Writes {@code file} through {@code channel}, opened for direct I/O with blocks of {@code block} bytes. */
  UncachedFileOutput(Path file, FileChannel channel, int block) {
    this.file = file;
    this.channel = channel;
    this.block = block;
    this.buffer = ByteBuffer.allocateDirect(CHUNK + block).alignedSlice(block).limit(CHUNK);
  }

  /**
   * Creates {@code file}, which must not exist, and returns a stream writing it directly when the file system
   * allows it and through the page cache otherwise.
   */
  static OutputStream create(Path file) throws IOException {
    int block;
    try {
      block = (int) Math.max(4096, Files.getFileStore(file.toAbsolutePath().getParent()).getBlockSize());
    } catch (IOException | UnsupportedOperationException e) {
      block = -1;
    }
    if (DIRECT != null && block > 0 && block <= CHUNK && Integer.bitCount(block) == 1) {
      try {
        FileChannel c = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, DIRECT);
        return new UncachedFileOutput(file, c, block);
      } catch (java.nio.file.FileAlreadyExistsException e) {
        throw e;
      } catch (IOException | UnsupportedOperationException e) {
        // The file system refuses direct I/O (EINVAL at the open): write it as usual. The failed open may have
        // created the file, and this one must be new.
        Files.deleteIfExists(file);
      }
    }
    return Files.newOutputStream(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
  }

  /** {@code O_DIRECT} where this JDK names it (every JDK since 10 does). */
  private static OpenOption directOption() {
    try {
      Class<?> c = Class.forName("com.sun.nio.file.ExtendedOpenOption");
      for (Object o : c.getEnumConstants()) {
        if (((Enum<?>) o).name().equals("DIRECT")) {
          return (OpenOption) o;
        }
      }
    } catch (ClassNotFoundException | LinkageError e) {
      // No such option in this JDK: ordinary files.
    }
    return null;
  }

  /** True while the file is written around the page cache (for tests). */
  boolean direct() {
    return plain == null;
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    java.util.Objects.checkFromIndexSize(off, len, b.length);
    if (closed) {
      throw new IOException(file + ": closed");
    }
    while (len > 0) {
      if (plain != null) {
        plain.write(b, off, len);
        return;
      }
      int n = Math.min(len, buffer.remaining());
      buffer.put(b, off, n);
      off += n;
      len -= n;
      if (!buffer.hasRemaining()) {
        writeBuffer(0);
      }
    }
  }

  /**
   * Writes the buffer's whole blocks directly (all of it when full), keeping the rest at its start. Its last {@code
   * padding} bytes are not data but the zeros that fill the last block at {@link #close}: should the file system
   * refuse the write, they are left out of the ordinary file.
   */
  private void writeBuffer(int padding) throws IOException {
    int whole = buffer.position() / block * block;
    if (whole == 0) {
      return;
    }
    int rest = buffer.position() - whole;
    buffer.flip().limit(whole);
    try {
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
    } catch (IOException e) {
      if (channel.position() != 0) {
        throw e;
      }
      // The file system opened the file for direct I/O but refuses its writes: nothing is written yet, so the file
      // is written as usual from its start.
      buffer.position(0).limit(whole + rest - padding);
      writeAsUsual();
      return;
    }
    buffer.limit(whole + rest).position(whole);
    buffer.compact().limit(CHUNK);
  }

  /** Switches to an ordinary stream on the same (still empty) file and hands it what the buffer holds. */
  private void writeAsUsual() throws IOException {
    channel.close();
    channel = null;
    plain = Files.newOutputStream(file, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
    byte[] held = new byte[buffer.remaining()];
    buffer.get(held);
    buffer = null;
    plain.write(held);
  }

  /** Writes the whole blocks buffered so far; a last partial block waits for more bytes or for {@link #close}. */
  @Override
  public void flush() throws IOException {
    if (plain != null) {
      plain.flush();
    } else if (!closed) {
      writeBuffer(0);
    }
  }

  /** Writes what is buffered, the last block padded with zeros, then cuts the file to the bytes written. */
  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    if (plain != null) {
      plain.close();
      return;
    }
    try {
      writeBuffer(0);
      if (plain == null && buffer.position() > 0) {
        long length = channel.position() + buffer.position();
        int padding = (buffer.position() + block - 1) / block * block - buffer.position();
        for (int i = 0; i < padding; i++) {
          buffer.put((byte) 0);
        }
        writeBuffer(padding);
        if (plain == null) {
          channel.truncate(length);
        }
      }
    } finally {
      if (plain != null) {
        plain.close();
      } else {
        channel.close();
      }
    }
  }
}
