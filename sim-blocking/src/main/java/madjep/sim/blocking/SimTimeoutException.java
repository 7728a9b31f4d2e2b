package madjep.sim.blocking;

/**
 * A blocking call ran out of (virtual) time: {@link BlockingContext#call} got no reply, or {@link SimFuture#get(long)}
 * no value. Unchecked, as gRPC's deadline errors are; a task that lets it escape fails the run.
 */
public final class SimTimeoutException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public SimTimeoutException(String message) {
    super(message);
  }
}
