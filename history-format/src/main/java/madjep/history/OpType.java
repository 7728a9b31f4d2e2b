package madjep.history;

import madjep.history.edn.Keyword;

/** Jepsen's op types. The ordinal is what {@link History} stores, so the order is fixed. */
public enum OpType {
  /** The op began. */
  INVOKE("invoke"),
  /** The op definitely happened. */
  OK("ok"),
  /** The op definitely did not happen. */
  FAIL("fail"),
  /** The op may or may not have happened (a timeout, a crash); nemesis ops use it for both ends. */
  INFO("info");

  private static final OpType[] VALUES = values();

  private final Keyword keyword;

  OpType(String name) {
    this.keyword = Keyword.of(name);
  }

  /** {@code :invoke}, {@code :ok}, {@code :fail} or {@code :info}. */
  public Keyword keyword() {
    return keyword;
  }

  /** True for {@code :ok}, {@code :fail} and {@code :info}. */
  public boolean isCompletion() {
    return this != INVOKE;
  }

  /** The type named by {@code k}, or null when it names none. */
  public static OpType of(Keyword k) {
    for (OpType t : VALUES) {
      if (t.keyword == k) {
        return t;
      }
    }
    return null;
  }

  /** The type named by {@code name} ({@code "ok"}), or null when it names none. */
  public static OpType of(String name) {
    for (OpType t : VALUES) {
      if (t.keyword.name().equals(name)) {
        return t;
      }
    }
    return null;
  }

  static OpType ofOrdinal(int ordinal) {
    return VALUES[ordinal];
  }
}
