package madjep.txn.graph;

/**
 * Relationship bits on an edge. The lowest set bit is the edge's label: the relationship Elle's combined explainer
 * would use to explain the step (ww before wr before rw before process/realtime).
 */
public final class Rels {
  public static final int WW = 1;
  public static final int WR = 2;
  public static final int RW = 4;
  public static final int PROCESS = 8;
  public static final int REALTIME = 16;
  /** Data dependencies that are not anti-dependencies. */
  public static final int A = WW | WR;
  public static final int ORDER = PROCESS | REALTIME;

  private Rels() {}

  /** The label of an edge with these relationships. */
  public static int label(int rels) {
    return rels & -rels;
  }

  /** Elle's name of a single relationship bit. */
  public static String name(int bit) {
    return switch (bit) {
      case WW -> "ww";
      case WR -> "wr";
      case RW -> "rw";
      case PROCESS -> "process";
      case REALTIME -> "realtime";
      default -> throw new IllegalArgumentException("not one relationship: " + bit);
    };
  }
}
