package madjep.history.edn;

/**
 * A tagged EDN element such as {@code #inst "2020-01-01T00:00:00Z"}, kept as tag plus value so it writes back
 * unchanged. Records that tag a map of op fields ({@code #jepsen.history.Op{...}}) are not kept as Tagged: readers
 * unwrap them to their map.
 */
public record Tagged(Symbol tag, Object value) {
  @Override
  public String toString() {
    return "#" + tag + " " + Edn.print(value);
  }
}
