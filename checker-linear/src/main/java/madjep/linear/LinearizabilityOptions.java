package madjep.linear;

import java.time.Duration;

/**
 * Limits and switches for {@link LinearizabilityChecker#check}. Start from {@link #defaults()} and change what you
 * need: {@code LinearizabilityOptions.defaults().withIndependent(true).withTimeout(Duration.ofSeconds(10))}.
 *
 * @param independent values are Jepsen's independent {@code [key value]} tuples: split the history by key and give
 *     the model the values. Never guessed from the data, since a cas value {@code [1 2]} looks the same.
 * @param threads partitions searched at once (at least 1)
 * @param timeout wall-clock limit for the whole check; past it the answer is unknown; null for none
 * @param memoryLimit bytes the searches' caches may use together; past it the answer is unknown
 * @param bitsets how the cache stores sets of ops; {@link Bitsets#LONGS} is the default and the faster
 * @param nilReads what a completed read of {@code nil} means; {@link NilReads#UNKNOWN} (Knossos's reading) is the
 *     default
 * @param realTime what says that one op came before another: file order (the default) or {@code :time}
 */
public record LinearizabilityOptions(
    boolean independent, int threads, Duration timeout, long memoryLimit, Bitsets bitsets, NilReads nilReads,
    RealTime realTime) {
  /** The default time limit, as in DESIGN.md's CLI. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

  /** Set representations for the search cache; ROARING exists to measure the choice (benchmarks/results). */
  public enum Bitsets {
    /** Inline {@code long[]} words (windowed for long partitions). */
    LONGS,
    /** RoaringBitmap clones. */
    ROARING
  }

  /** What a completed ({@code :ok}) read of {@code nil} means. */
  public enum NilReads {
    /**
     * Nothing: the read is always legal (Knossos and Jepsen), right for histories whose clients record {@code nil}
     * when they could not tell what they read.
     */
    UNKNOWN,
    /**
     * The register holds no value: legal only where no write has taken effect (or the initial value is nil). Right
     * for histories whose clients record exactly what the system answered, such as MadJep's simulated runs; a store
     * that drops writes cannot pass. Models with an empty state honour it (register, cas-register); the others read
     * nil as unknown.
     */
    NO_VALUE
  }

  /**
   * How real-time order is read from a history. An op precedes another when it completed before the other was
   * invoked; the two readings differ on what "before" is.
   */
  public enum RealTime {
    /**
     * File order (Knossos's and Jepsen's reading): a completion written before an invocation came before it, whatever
     * their {@code :time}. Right for histories written as things happened, by one recorder.
     */
    FILE,
    /**
     * {@code :time} order with closed intervals (Porcupine's reading): a completion precedes an invocation only at a
     * strictly earlier time, so an op that returns at t overlaps one invoked at t. For producers whose file order
     * is not the order of events, or whose clocks are coarse. Every op needs a {@code :time}.
     */
    TIME
  }

  /** Knossos's reading, for a history from elsewhere. */
  public LinearizabilityOptions(boolean independent, int threads, Duration timeout, long memoryLimit, Bitsets bitsets) {
    this(independent, threads, timeout, memoryLimit, bitsets, NilReads.UNKNOWN, RealTime.FILE);
  }

  public LinearizabilityOptions {
    if (threads < 1) {
      throw new IllegalArgumentException("expected at least 1 thread, found " + threads);
    }
    if (memoryLimit <= 0) {
      throw new IllegalArgumentException("expected a positive memory limit, found " + memoryLimit);
    }
    if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
      throw new IllegalArgumentException("expected a positive timeout, found " + timeout);
    }
    if (bitsets == null) {
      bitsets = Bitsets.LONGS;
    }
    if (nilReads == null) {
      nilReads = NilReads.UNKNOWN;
    }
    if (realTime == null) {
      realTime = RealTime.FILE;
    }
  }

  /**
   * Not independent; one thread per core; {@link #DEFAULT_TIMEOUT}; half the JVM's maximum heap for the caches,
   * which leaves room for the history and keeps the JVM clear of OutOfMemoryError.
   */
  public static LinearizabilityOptions defaults() {
    return new LinearizabilityOptions(false, Runtime.getRuntime().availableProcessors(), DEFAULT_TIMEOUT,
        Runtime.getRuntime().maxMemory() / 2, Bitsets.LONGS);
  }

  public LinearizabilityOptions withIndependent(boolean on) {
    return new LinearizabilityOptions(on, threads, timeout, memoryLimit, bitsets, nilReads, realTime);
  }

  public LinearizabilityOptions withThreads(int n) {
    return new LinearizabilityOptions(independent, n, timeout, memoryLimit, bitsets, nilReads, realTime);
  }

  /** A new time limit; null for none. */
  public LinearizabilityOptions withTimeout(Duration d) {
    return new LinearizabilityOptions(independent, threads, d, memoryLimit, bitsets, nilReads, realTime);
  }

  public LinearizabilityOptions withMemoryLimit(long bytes) {
    return new LinearizabilityOptions(independent, threads, timeout, bytes, bitsets, nilReads, realTime);
  }

  public LinearizabilityOptions withBitsets(Bitsets b) {
    return new LinearizabilityOptions(independent, threads, timeout, memoryLimit, b, nilReads, realTime);
  }

  /** Reads real-time order from file order or from {@code :time} (see {@link RealTime}). */
  public LinearizabilityOptions withRealTime(RealTime r) {
    return new LinearizabilityOptions(independent, threads, timeout, memoryLimit, bitsets, nilReads, r);
  }

  /** What a completed read of nil means. */
  public LinearizabilityOptions withNilReads(NilReads r) {
    return new LinearizabilityOptions(independent, threads, timeout, memoryLimit, bitsets, r, realTime);
  }
}
