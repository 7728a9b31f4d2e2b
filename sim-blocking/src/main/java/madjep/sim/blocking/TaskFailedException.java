package madjep.sim.blocking;

/** A task's code threw: a failure of the system under test, reported with its node, task and call site. */
public final class TaskFailedException extends SimTaskException {
  private static final long serialVersionUID = 1L;

  TaskFailedException(SimTask t, Throwable cause) {
    super(t, "task " + t.name() + " of " + t.scheduler.nodeName() + " threw " + cause
        + at(cause.getStackTrace()), cause);
  }

  private static String at(StackTraceElement[] stack) {
    StackTraceElement site = callSite(stack);
    return site == null ? "" : " at " + site;
  }
}
