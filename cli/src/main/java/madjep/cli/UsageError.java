package madjep.cli;

/** A command line that parses but asks for something impossible; exits 64 with the message. */
public final class UsageError extends RuntimeException {
  public UsageError(String message) {
    super(message);
  }
}
