package madjep.sim;

/**
 * Request/response on top of messages: {@link NodeContext#request} sends a {@link Request} and calls its {@link
 * Handler} with the {@link Response} or, when none arrives in time, with a timeout; the receiver answers with
 * {@link NodeContext#reply}.
 */
public final class Rpc {
  private Rpc() {}

  /** A request as delivered to the receiving node's {@link Node#receive}. */
  public record Request(long id, Object body) {}

  /** A response, routed by the sim to the handler of the request with the same id. */
  public record Response(long id, Object body) {}

  /** What to do with a response, or with its absence. */
  public interface Handler {
    void response(Object body);

    void timeout();
  }
}
