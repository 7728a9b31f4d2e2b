package madjep.sim.blocking;

/**
 * A task waited on something the simulator does not schedule: a real {@code Thread.sleep}, a socket, a monitor
 * another task holds, {@code Object.wait}, a {@code java.util.concurrent} lock, latch, queue or future. Left alone
 * it would hang the run or let real time decide what happens; instead the run stops and this names the node, the
 * task, what it waited on and the line that did it. The exception's stack trace is the task's.
 */
public final class BlockedOutsideSimulationException extends SimTaskException {
  private static final long serialVersionUID = 1L;
  private final String waitedOn;
  private final StackTraceElement callSite;

  private BlockedOutsideSimulationException(SimTask t, String waitedOn, StackTraceElement site,
      StackTraceElement[] stack) {
    super(t, "task " + t.name() + " of " + t.scheduler.nodeName() + " blocked outside the simulator in " + waitedOn
        + (site == null ? "" : " at " + site) + ": a task may wait only through its BlockingContext (sleep, call, "
        + "join) and the simulator's SimLock, SimCondition, SimFuture and SimQueue", null);
    this.waitedOn = waitedOn;
    this.callSite = site;
    setStackTrace(stack);
  }

  static BlockedOutsideSimulationException of(SimTask t) {
    StackTraceElement[] stack = t.thread.getStackTrace();
    return new BlockedOutsideSimulationException(t, classify(stack, t.thread.getState()), callSite(stack), stack);
  }

  /** What the task waited on, in words. */
  public String waitedOn() {
    return waitedOn;
  }

  /** The user's line that blocked, or null when the stack shows none. */
  public StackTraceElement callSite() {
    return callSite;
  }

  private static String classify(StackTraceElement[] stack, Thread.State state) {
    if (state == Thread.State.BLOCKED) {
      return "a synchronized block (a monitor held by another task)";
    }
    for (StackTraceElement e : stack) {
      String c = e.getClassName();
      String m = e.getMethodName();
      if (c.equals("java.lang.Thread") && m.startsWith("sleep")) {
        return "Thread.sleep (real time)";
      }
      if (c.equals("java.lang.Object") && m.startsWith("wait")) {
        return "Object.wait";
      }
      if (c.startsWith("sun.nio.ch.") || c.startsWith("java.net.") || c.startsWith("java.nio.channels.")) {
        return "network or file I/O (" + c + "." + m + ")";
      }
      if (c.startsWith("java.util.concurrent.") && !c.startsWith("java.util.concurrent.locks.LockSupport")) {
        return "a java.util.concurrent wait (" + c.substring(c.lastIndexOf('.') + 1) + "." + m + ")";
      }
    }
    return (state == Thread.State.TIMED_WAITING ? "a timed " : "a ") + "park the simulator did not schedule";
  }
}
