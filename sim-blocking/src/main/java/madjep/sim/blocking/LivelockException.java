package madjep.sim.blocking;

/**
 * A node's tasks switched millions of times at one instant of virtual time without any of them blocking: a loop
 * that polls with {@code yieldNow()} or {@code sleep(0)} for something only the passing of time (which never comes
 * while they spin) or another node could bring. Sleep for a while instead, or wait on a condition.
 */
public final class LivelockException extends SimTaskException {
  private static final long serialVersionUID = 1L;

  LivelockException(TaskScheduler s, SimTask t, long switches) {
    super(t, "node " + s.nodeName() + " spun " + switches + " times at one instant without blocking (last task "
        + t.name() + (t.thread == null ? "" : siteOf(t)) + "): poll with ctx.sleep(d > 0) or wait on a condition", null);
  }

  private static String siteOf(SimTask t) {
    StackTraceElement site = callSite(t.thread.getStackTrace());
    return site == null ? "" : " at " + site;
  }
}
