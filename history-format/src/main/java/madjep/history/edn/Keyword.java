package madjep.history.edn;

import java.util.concurrent.ConcurrentHashMap;

/**
 * An EDN keyword such as {@code :read} or {@code :jepsen.history/op}. Keywords are interned: two keywords with the
 * same name are the same object, so they compare with {@code ==} and hash by identity cheaply.
 */
public final class Keyword implements Comparable<Keyword> {
  private static final ConcurrentHashMap<String, Keyword> TABLE = new ConcurrentHashMap<>();

  private final String name;
  private final int hash;

  private Keyword(String name) {
    this.name = name;
    // A content hash, not the identity hash: HashMap iteration order must not change from run to run.
    this.hash = name.hashCode() * 0x9E3779B1 + 0x3C6EF372;
  }

  /** The keyword named {@code name} (without the leading colon), creating it on first use. */
  public static Keyword of(String name) {
    Keyword k = TABLE.get(name);
    if (k != null) {
      return k;
    }
    if (!isValidName(name)) {
      throw new IllegalArgumentException("not a keyword name: \"" + name + "\"");
    }
    return TABLE.computeIfAbsent(name, Keyword::new);
  }

  /**
   * True when {@code name} can follow a colon in EDN text and read back as itself: not empty, and free of
   * whitespace, commas, brackets, quotes, semicolons and backslashes.
   */
  public static boolean isValidName(String name) {
    if (name.isEmpty()) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c <= ' ' || "()[]{}\",;\\".indexOf(c) >= 0) {
        return false;
      }
    }
    return true;
  }

  /** The name without the leading colon, including any namespace: {@code "jepsen.history/op"}. */
  public String name() {
    return name;
  }

  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public boolean equals(Object o) {
    return this == o;
  }

  @Override
  public int compareTo(Keyword o) {
    return name.compareTo(o.name);
  }

  /** The keyword as EDN writes it: {@code :read}. */
  @Override
  public String toString() {
    return ":" + name;
  }
}
