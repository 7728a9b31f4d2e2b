package madjep.sim;

/**
 * The run's timeline in words: faults, crashes, restarts, elections and whatever nodes log, one line per event,
 * stamped with virtual time in nanoseconds, the unit of the history's {@code :time}, so that a time read in one is
 * found by searching the other. Deterministic like everything else, so two runs of a seed give the same trace.
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

  /** Appends {@code [  12000000000] who: what}: virtual nanoseconds, right-aligned to 13 digits (an hour). */
  public void line(long time, String who, String what) {
    if (!enabled) {
      return;
    }
    text.append('[');
    appendTime(text, time);
    text.append("] ").append(who).append(": ").append(what).append('\n');
    lines++;
  }

  /** Nanoseconds, right-aligned to {@value #TIME_WIDTH} characters: the trace's time stamp. */
  static void appendTime(StringBuilder sb, long t) {
    String ns = Long.toString(t);
    for (int i = ns.length(); i < TIME_WIDTH; i++) {
      sb.append(' ');
    }
    sb.append(ns);
  }

  private static final int TIME_WIDTH = 13;

  public int lines() {
    return lines;
  }

  public String text() {
    return text.toString();
  }
}
