package madjep.txn;

import java.time.Duration;

/** When the checker must stop searching; the only way it reads the clock. */
public final class Deadline {
  private static final Deadline NONE = new Deadline(Long.MAX_VALUE, false);

  private final long at;
  private final boolean bounded;

  private Deadline(long at, boolean bounded) {
    this.at = at;
    this.bounded = bounded;
  }

  /** No deadline. */
  public static Deadline none() {
    return NONE;
  }

  /** A deadline {@code d} from now. */
  public static Deadline after(Duration d) {
    return new Deadline(System.nanoTime() + d.toNanos(), true);
  }

  /** True once the deadline has passed. */
  public boolean expired() {
    return bounded && System.nanoTime() - at >= 0;
  }
}
