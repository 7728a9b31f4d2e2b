package madjep.sim;

/**
 * A node's clocks over the sim's one virtual time. The oscillator ({@link #monotonic}) runs at the sim's rate plus a
 * drift in parts per million; the wall clock ({@link #read}) is the oscillator plus an offset, which jumps move.
 * Timers run on the oscillator, so a node whose clock runs fast fires its timers early, and a jump of the wall
 * clock moves no timer.
 */
public final class NodeClock {
  private long offset;
  private long base;
  private long driftPpm;
  private long driftSince;

  /** The oscillator's reading at virtual time {@code now}: never jumps, drifts. */
  public long monotonic(long now) {
    return now + base + (driftPpm == 0 ? 0 : (now - driftSince) * driftPpm / 1_000_000L);
  }

  /** The node's wall-clock reading at virtual time {@code now}. */
  public long read(long now) {
    return monotonic(now) + offset;
  }

  /** Jumps the wall clock by {@code delta} nanoseconds (negative: backwards). */
  public void bump(long delta) {
    offset += delta;
  }

  /** Makes the oscillator drift by {@code ppm} parts per million from {@code now} on, continuously. */
  public void drift(long now, long ppm) {
    base = monotonic(now) - now;
    driftSince = now;
    driftPpm = ppm;
  }

  /** Stops the drift and sets the wall clock back to the sim's time (the oscillator stays continuous). */
  public void reset(long now) {
    drift(now, 0);
    offset = -base;
  }

  /** How far the wall clock is ahead of the sim's time at {@code now}. */
  public long skew(long now) {
    return read(now) - now;
  }

  public long driftPpm() {
    return driftPpm;
  }

  /** The virtual time that passes while this clock's oscillator counts {@code nanos}. */
  long realDelay(long nanos) {
    if (driftPpm == 0) {
      return nanos;
    }
    if (nanos <= 0) {
      return 0;
    }
    long rate = 1_000_000L + driftPpm;
    if (nanos > 1_000_000_000_000L) {
      return (long) Math.ceil(nanos * 1e6 / rate);
    }
    // Rounded up: a timer never fires before its node's oscillator has counted its whole delay.
    return (nanos * 1_000_000L + rate - 1) / rate;
  }
}
