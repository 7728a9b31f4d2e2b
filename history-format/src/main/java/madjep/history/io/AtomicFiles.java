package madjep.history.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writing a file so that it is never seen half-written: the content goes to a temporary file beside the target,
 * which is then renamed into place (atomically where the file system can). A failure leaves the old file, or none.
 *
 * <p>The file gets the permissions of any file the user creates ({@code 0666} less the umask, so usually
 * {@code 0644}), not a temporary file's {@code 0600}; a file it replaces keeps its own permissions. The temporary file is named {@code .NAME.PID.N.tmp}; one that a
 * killed process left behind (its PID no longer runs) is deleted by the next write of the same target.
 */
public final class AtomicFiles {
  private static final AtomicLong COUNTER = new AtomicLong();

  /** Writes the content to a stream; may throw what writing throws. */
  @FunctionalInterface
  public interface Content {
    void writeTo(OutputStream out) throws IOException;
  }

  private AtomicFiles() {}

  /** Writes {@code content} to {@code target} through a temporary file and a rename. */
  public static void write(Path target, Content content) throws IOException {
    Path abs = target.toAbsolutePath();
    Path dir = abs.getParent();
    Files.createDirectories(dir);
    String name = abs.getFileName().toString();
    deleteLeftovers(dir, name);
    Path tmp = dir.resolve("." + name + "." + ProcessHandle.current().pid() + "." + COUNTER.incrementAndGet() + ".tmp");
    try {
      try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        content.writeTo(out);
      }
      if (Files.exists(abs) && abs.getFileSystem().supportedFileAttributeViews().contains("posix")) {
        Files.setPosixFilePermissions(tmp, Files.getPosixFilePermissions(abs));
      }
      try {
        Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** Writes {@code text} as UTF-8 to {@code target} through a temporary file and a rename. */
  public static void writeString(Path target, String text) throws IOException {
    write(target, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
  }

  /** Deletes temporary files of {@code name} that processes no longer running left behind (kill -9, power loss). */
  static void deleteLeftovers(Path dir, String name) throws IOException {
    String prefix = "." + name + ".";
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, p -> {
      String n = p.getFileName().toString();
      return n.startsWith(prefix) && n.endsWith(".tmp");
    })) {
      for (Path p : files) {
        String n = p.getFileName().toString();
        String[] parts = n.substring(prefix.length(), n.length() - ".tmp".length()).split("\\.");
        if (parts.length == 2 && isNumber(parts[0]) && isNumber(parts[1]) && !running(Long.parseLong(parts[0]))) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  private static boolean running(long pid) {
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }

  private static boolean isNumber(String s) {
    if (s.isEmpty() || s.length() > 18) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }
}
