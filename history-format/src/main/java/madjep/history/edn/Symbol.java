package madjep.history.edn;

/** An EDN symbol such as {@code foo} or {@code jepsen.history.Op}: kept so that values round-trip. */
public record Symbol(String name) implements Comparable<Symbol> {
  @Override
  public int compareTo(Symbol o) {
    return name.compareTo(o.name);
  }

  @Override
  public String toString() {
    return name;
  }
}
