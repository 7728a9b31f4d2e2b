package madjep.sim.workload;

import java.util.List;

/**
 * Whether the system served every client again once faults healed ({@link LivenessSettings}).
 *
 * @param healedAt virtual nanoseconds when every fault was healed and the window opened
 * @param window the window's length
 * @param minOps the ops each client had to complete
 * @param clients how many clients were watched
 * @param stuck the clients that completed fewer, in client order
 */
public record LivenessReport(long healedAt, long window, int minOps, int clients, List<Stuck> stuck) {
  public LivenessReport {
    stuck = List.copyOf(stuck);
  }

  /**
   * A client that did not complete enough ops in the window.
   *
   * @param client the client's name ({@code c3})
   * @param process its process when the window closed
   * @param completed ops it completed in the window
   * @param invoked ops it invoked in the window (0: the rate never gave it one, so nothing is known)
   * @param lastCompleted the last op it ever completed, in words ({@code ok :write [3 1] at 18200000000 ns on n2}),
   *     or {@code none}
   */
  public record Stuck(String client, long process, long completed, long invoked, String lastCompleted) {}

  /** True when every client completed enough. */
  public boolean ok() {
    return stuck.isEmpty();
  }

  /** True when some client invoked ops in the window and still completed too few: the system did not recover. */
  public boolean failed() {
    for (Stuck s : stuck) {
      if (s.invoked() > 0) {
        return true;
      }
    }
    return false;
  }

  /** One sentence naming the clients that never completed and the last op each did complete. */
  public String describe() {
    if (stuck.isEmpty()) {
      return "every one of " + clients + " clients completed at least " + minOps + " op" + (minOps == 1 ? "" : "s")
          + " within " + (window / 1_000_000) + " ms of healing";
    }
    StringBuilder sb = new StringBuilder();
    sb.append(stuck.size()).append(" of ").append(clients).append(" clients completed fewer than ").append(minOps)
        .append(" op").append(minOps == 1 ? "" : "s").append(" within ").append(window / 1_000_000)
        .append(" ms after every fault healed at ").append(healedAt).append(" ns: ");
    for (int i = 0; i < stuck.size(); i++) {
      Stuck s = stuck.get(i);
      sb.append(i == 0 ? "" : "; ").append(s.client()).append(" (process ").append(s.process()).append(") ")
          .append(s.invoked() == 0 ? "was never given an op (rate too low for the window)"
              : "completed " + s.completed() + " of " + s.invoked() + " invoked")
          .append(", last completed: ").append(s.lastCompleted());
      if (i == 9 && stuck.size() > 10) {
        sb.append("; and ").append(stuck.size() - 10).append(" more");
        break;
      }
    }
    return sb.toString();
  }
}
