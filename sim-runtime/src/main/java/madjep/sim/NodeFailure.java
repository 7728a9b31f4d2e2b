package madjep.sim;

/**
 * A node of the system under test threw: the run stops there, and the failure is the system's, never the
 * simulator's. It names where and when, so that the seed replays straight to it.
 *
 * @param time virtual nanoseconds when it threw
 * @param node the endpoint's name ({@code n2}, or {@code c0} for a client whose handler met a reply it could not
 *     read)
 * @param incarnation which boot of the node (1 is the first; each restart adds one)
 * @param during what the node was doing: {@code start}, {@code receive}, {@code timer} or {@code stop}
 * @param error what it threw
 */
public record NodeFailure(long time, String node, int incarnation, String during, Throwable error) {
  /** One sentence: {@code n2 (incarnation 3) threw java.lang.IllegalStateException: boom in receive at 1234 ns}. */
  public String describe() {
    return node + " (incarnation " + incarnation + ") threw " + error + " in " + during + " at " + time + " ns";
  }

  /** The first lines of the stack trace that are the node's, not the simulator's. */
  public String where() {
    StringBuilder sb = new StringBuilder();
    int shown = 0;
    for (StackTraceElement e : error.getStackTrace()) {
      if (e.getClassName().startsWith("madjep.sim.") && !e.getClassName().startsWith("madjep.sim.testing.")) {
        break;
      }
      sb.append("  at ").append(e).append('\n');
      if (++shown == 8) {
        break;
      }
    }
    return sb.toString();
  }
}
