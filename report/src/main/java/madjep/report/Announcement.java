package madjep.report;

/**
 * Something a node said about itself during a run, such as {@code n3: leader 7} (the report draws leaders as
 * markers).
 *
 * @param time nanoseconds on the history's clock
 * @param node the node's name, such as {@code n3}
 * @param event what happened, such as {@code leader}
 * @param value its detail, such as the term; may be null
 */
public record Announcement(long time, String node, String event, Object value) {
  public Announcement {
    java.util.Objects.requireNonNull(node, "node");
    java.util.Objects.requireNonNull(event, "event");
  }

  /** True for a leader announcement. */
  public boolean isLeader() {
    return event.equals("leader");
  }
}
