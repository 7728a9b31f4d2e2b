package madjep.sim;

/**
 * A node's wall clock over the sim's one virtual time: an offset (which jumps move), plus a drift in parts per
 * million since the drift was set. Timers run on the node's oscillator, so a node whose clock runs fast also fires
 * its timers early.
 */
public final class NodeClock {
  private long offset;
  private long driftPpm;
  private long driftSince;

  /** The node's wall-clock reading at virtual time {@code now}. */
  public long read(long now) {
    return now + offset + (driftPpm == 0 ? 0 : (now - driftSince) * driftPpm / 1_000_000L);
  }

  /** Jumps the clock by {@code delta} nanoseconds (negative: backwards). */
  public void bump(long delta) {
    offset += delta;
  }

  /** Starts drifting by {@code ppm} parts per million from {@code now} on, keeping the current reading. */
  public void drift(long now, long ppm) {
    offset = read(now) - now;
    driftSince = now;
    driftPpm = ppm;
  }

  /** Back to the sim's time, without drift. */
  public void reset() {
    offset = 0;
    driftPpm = 0;
  }

  public long offset() {
    return offset;
  }

  public long driftPpm() {
    return driftPpm;
  }

  /** The virtual time that passes while this clock's oscillator counts {@code nanos}. */
  long realDelay(long nanos) {
    if (driftPpm == 0) {
      return nanos;
    }
    return Math.max(0, nanos * 1_000_000L / (1_000_000L + driftPpm));
  }
}
