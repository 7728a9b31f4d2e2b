package madjep.sim;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A simulated disk refused an operation, as a real one answers with {@code EIO} or {@code ENOSPC}: a read that hit a
 * latent sector error, a write past a full disk, an fsync that failed. Unchecked, so that nodes written before the
 * disk could fail keep compiling. A node that lets it escape a handler dies of it, as an unhandled I/O error ends a
 * real process, and its supervisor restarts it (unlike any other exception, which stops the run as the system's
 * failure).
 *
 * <p>After a failed {@link SimFile#fsync()} the writes it covered are no longer dirty and will never reach the
 * disk (Linux's page-cache behaviour, "fsyncgate"): a retried fsync succeeds, and the data is gone at the next crash.
 */
public final class DiskException extends UncheckedIOException {
  private static final long serialVersionUID = 1L;

  /** What went wrong, named after the errno a real disk would return. */
  public enum Kind {
    /** {@code EIO}: a latent sector error on read, or a failed fsync. */
    IO_ERROR("EIO"),
    /** {@code ENOSPC}: the write would need more space than the disk has left. */
    NO_SPACE("ENOSPC");

    private final String errno;

    Kind(String errno) {
      this.errno = errno;
    }

    public String errno() {
      return errno;
    }
  }

  private final Kind kind;
  private final String file;

  DiskException(Kind kind, String file, String what) {
    super(new IOException(kind.errno() + ": " + file + ": " + what));
    this.kind = kind;
    this.file = file;
  }

  public Kind kind() {
    return kind;
  }

  /** The file the operation was on. */
  public String file() {
    return file;
  }
}
