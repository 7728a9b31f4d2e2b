package madjep.sim.workload;

/** A system's answer to a {@link ClientOp}. */
public sealed interface ClientReply {
  /** The op took effect; {@code value} is the completed op's value (reads filled in). */
  record Ok(Object value) implements ClientReply {}

  /** The op definitely did not take effect (a failed cas, a transfer without funds). */
  record Fail(Object value, Object error) implements ClientReply {}

  /** This node cannot serve the op; it did not take effect. {@code leader} is a hint, or -1. */
  record NotLeader(int leader) implements ClientReply {}
}
