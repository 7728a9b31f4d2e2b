package madjep.sim;

/**
 * The run's timeline in words: faults, crashes, restarts, elections and whatever nodes log, one line per event,
 * stamped with virtual time. Deterministic like everything else, so two runs of a seed give the same trace.
 */
public final class Trace {
  private final StringBuilder text = new StringBuilder(1 << 12);
  private final boolean enabled;
  private int lines;

  public Trace(boolean enabled) {
    this.enabled = enabled;
  }

  public boolean enabled() {
    return enabled;
  }

  /** Appends {@code [   12.000000000] who: what}. */
  public void line(long time, String who, String what) {
    if (!enabled) {
      return;
    }
    text.append('[');
    appendTime(text, time);
    text.append("] ").append(who).append(": ").append(what).append('\n');
    lines++;
  }

  /** Seconds with nine decimals, right-aligned: the trace's time stamp. */
  static void appendTime(StringBuilder sb, long t) {
    long s = t / Durations.S;
    long ns = Math.abs(t % Durations.S);
    String secs = (t < 0 && s == 0 ? "-" : "") + s;
    for (int i = secs.length(); i < 6; i++) {
      sb.append(' ');
    }
    sb.append(secs).append('.');
    String frac = Long.toString(ns);
    for (int i = frac.length(); i < 9; i++) {
      sb.append('0');
    }
    sb.append(frac);
  }

  public int lines() {
    return lines;
  }

  public String text() {
    return text.toString();
  }
}
