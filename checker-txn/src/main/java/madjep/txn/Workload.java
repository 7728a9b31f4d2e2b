package madjep.txn;

/** The transactional workloads the checker understands. */
public enum Workload {
  /** Micro-ops {@code [:append k v]} and {@code [:r k [v ...]]}. */
  LIST_APPEND("list-append"),
  /** Micro-ops {@code [:w k v]} and {@code [:r k v]}. */
  RW_REGISTER("rw-register");

  private final String cliName;

  Workload(String cliName) {
    this.cliName = cliName;
  }

  /** The name on the command line: {@code list-append} or {@code rw-register}. */
  public String cliName() {
    return cliName;
  }

  /** The workload named {@code name}, or null. */
  public static Workload byName(String name) {
    for (Workload w : values()) {
      if (w.cliName.equals(name)) {
        return w;
      }
    }
    return null;
  }
}
