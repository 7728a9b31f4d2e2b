package madjep.sim.blocking;

/**
 * A blocking-style node went wrong in a way that fails the run: a task threw, blocked outside the simulator, or
 * spun without ever letting time pass. Thrown out of the simulation's event loop, so the run stops there; the
 * message names the node, the task and (where there is one) the call site, and the trace has it too.
 */
public abstract class SimTaskException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String node;
  private final String task;

  SimTaskException(SimTask t, String message, Throwable cause) {
    super(message, cause);
    this.node = t.scheduler.nodeName();
    this.task = t.name();
  }

  /** The node, such as {@code n2}. */
  public String node() {
    return node;
  }

  /** The task, such as {@code serve#7 from c2} or the name it was spawned with. */
  public String task() {
    return task;
  }

  /** The first frame of the task's stack outside the JDK and this runtime: the user's line that did it. */
  static StackTraceElement callSite(StackTraceElement[] stack) {
    for (StackTraceElement e : stack) {
      String c = e.getClassName();
      if (!(c.startsWith("java.") || c.startsWith("jdk.") || c.startsWith("sun.") || isRuntime(c))) {
        return e;
      }
    }
    return stack.length > 0 ? stack[0] : null;
  }

  private static final String PACKAGE = SimTaskException.class.getPackageName() + ".";
  private static final java.util.List<String> RUNTIME = java.util.List.of("SimTask", "TaskScheduler", "Wait",
      "DirectCarrier", "HandoffCarrier", "NodeAdapter", "BlockingContext", "SimLock", "SimCondition", "SimFuture",
      "SimQueue", "SimTaskException", "LivelockException", "TaskFailedException", "BlockedOutsideSimulationException");

  private static boolean isRuntime(String className) {
    if (!className.startsWith(PACKAGE)) {
      return false;
    }
    String simple = className.substring(PACKAGE.length());
    int nested = simple.indexOf('$');
    return RUNTIME.contains(nested < 0 ? simple : simple.substring(0, nested));
  }
}
