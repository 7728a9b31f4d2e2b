package madjep.sim.nemesis;

/** The kinds of fault a schedule can switch on and off, in the order swarm mode draws them. */
public enum FaultKind {
  PARTITION("partition"),
  KILL("kill"),
  STOP("stop"),
  PAUSE("pause"),
  CLOCK("clock"),
  PACKET("packet"),
  CLOG("clog");

  private final String label;

  FaultKind(String label) {
    this.label = label;
  }

  /** The name used in scenario files. */
  public String label() {
    return label;
  }

  public static FaultKind of(String label) {
    for (FaultKind k : values()) {
      if (k.label.equals(label)) {
        return k;
      }
    }
    throw new IllegalArgumentException(
        "expected a fault: partition, kill, stop, pause, clock, packet or clog, found '" + label + "'");
  }
}
