package madjep.sim;

/** Server names as scenarios, fault steps and histories write them: {@code n1} is server 0, as in Jepsen. */
public final class NodeNames {
  private NodeNames() {}

  /** The id of server {@code name} in a cluster of {@code servers}; an error names what was expected. */
  public static int parse(String name, int servers) {
    String t = name.trim();
    if (t.startsWith("n")) {
      try {
        int k = Integer.parseInt(t.substring(1));
        if (k >= 1 && k <= servers) {
          return k - 1;
        }
      } catch (NumberFormatException e) {
        // falls through to the error
      }
    }
    throw new IllegalArgumentException("expected a node n1..n" + servers + ", found '" + name + "'");
  }
}
