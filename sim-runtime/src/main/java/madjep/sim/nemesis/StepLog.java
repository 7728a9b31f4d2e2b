package madjep.sim.nemesis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import madjep.history.edn.EdnVector;
import madjep.history.edn.Keyword;
import madjep.sim.Durations;
import madjep.sim.NodeNames;
import madjep.sim.Simulation;

/**
 * A run's fault schedule made explicit: every fault the nemesis applies inside the window {@code [0, end)} becomes a
 * {@link Step} at the same simulated time that replays it <em>without a random draw</em>. Random choices are written
 * down resolved: node specs ({@code one}, {@code majority}, {@code primaries}) as the nodes they picked, partition
 * shapes as their groups ({@code n1 n2 | n3 n4 n5}) or, when the cut is not a clean split, as a grudge ({@code
 * grudge n1:n3,n4 n2:n4,n5}: n1 drops what n3 and n4 send, ...), clock bumps and drifts as per-node amounts ({@code
 * n2:+1500ms n4:-3s}, {@code n1:+340ppm}). So replaying the steps draws nothing from the nemesis's stream, and
 * removing one step never changes what another does: the property shrinking relies on. Steps applied in reaction to
 * an event of the same instant (a trigger's) are {@linkplain Step#late() late}, so that they run after that event,
 * as they did.
 *
 * <p>A fault family's action joins this form by naming its nodes through {@link Nemesis#targets} and recording its
 * {@code :f} as its step action; one with other random choices must write them into its step's argument (region
 * faults: the regions they picked). A recorded {@code :f} that is no step action is a consequence the replay brings
 * back by itself (an OOM kill after memory pressure) and is not written; a step action whose argument cannot be
 * written is listed in {@link #unexplained()}.
 *
 * <p>The fault model's families replay exactly (same draws, same run), but not all of them independently: what they
 * decide at use time from the simulation's own streams (where a corruption lands, each per-operation disk-error or
 * fsync roll, a degraded link's delays, buggify's firings) is redrawn on replay, so removing an earlier step that
 * moved such a stream can change what a later step of that family hits. Those families shrink as whole steps.
 */
public final class StepLog {
  /** The first word of an explicit grudge. */
  static final String GRUDGE = "grudge";

  private final long end;
  private final List<Step> steps = new ArrayList<>();
  private final List<String> unexplained = new ArrayList<>();
  // The action in progress: what it resolved before recording itself.
  private int[] targets;
  private final StringBuilder clock = new StringBuilder();

  /** Writes down the faults applied before {@code end} (the end of the main phase: later ones are the heal). */
  public StepLog(long end) {
    this.end = end;
  }

  /** The steps so far, in the order they were applied. */
  public List<Step> steps() {
    return List.copyOf(steps);
  }

  /** The faults applied that have no step form, as {@code :f} names with their times (empty when replay is exact). */
  public List<String> unexplained() {
    return List.copyOf(unexplained);
  }

  void targets(int[] nodes) {
    targets = nodes.clone();
  }

  void clock(int node, long delta) {
    clock.append(clock.length() == 0 ? "" : " ").append('n').append(node + 1).append(':')
        .append(delta < 0 ? "-" : "+").append(Durations.readable(Math.abs(delta)));
  }

  /** The nemesis applied fault {@code f} with result {@code done}. */
  void applied(Simulation sim, String f, Object done, boolean late) {
    try {
      long now = sim.now();
      if (now >= end) {
        return;
      }
      String arg = switch (f) {
        case "start-partition" -> partitionArg(done, sim.servers());
        case "bump-clock" -> clock.toString();
        case "drift-clock" -> driftArg(done);
        // Region faults record the regions they picked.
        case "start-region-partition" -> String.valueOf(((Map<?, ?>) done).get(Keyword.of("region")));
        case "start-wan-degrade" -> String.join(" ", ((List<?>) ((Map<?, ?>) done).get(Keyword.of("regions")))
            .stream().map(String::valueOf).toList());
        default -> targets == null ? "" : names(targets);
      };
      Step s;
      try {
        s = Step.parse(Durations.readable(now) + (late ? "+" : "") + " " + f + (arg.isEmpty() ? "" : " " + arg));
      } catch (IllegalArgumentException e) {
        // An :f that is no step action is a consequence the run brings back by itself (an OOM kill after memory
        // pressure); a step action whose argument cannot be written is a fault the replay would miss.
        if (!e.getMessage().startsWith("unknown fault step action")) {
          unexplained.add(Durations.readable(now) + " " + f);
        }
        return;
      }
      steps.add(s);
    } finally {
      targets = null;
      clock.setLength(0);
    }
  }

  private static String names(int[] nodes) {
    StringBuilder sb = new StringBuilder();
    for (int x : nodes) {
      sb.append(sb.length() == 0 ? "" : ",").append('n').append(x + 1);
    }
    return sb.toString();
  }

  private static String driftArg(Object done) {
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<?, ?> e : ((Map<?, ?>) done).entrySet()) {
      long ppm = ((Number) e.getValue()).longValue();
      sb.append(sb.length() == 0 ? "" : " ").append(e.getKey()).append(':').append(ppm < 0 ? "-" : "+")
          .append(Math.abs(ppm)).append("ppm");
    }
    return sb.toString();
  }

  /** A partition's resolved form from what it did ({@code [:isolated {"n1" ["n3" "n4"] ...}]}). */
  private static String partitionArg(Object done, int n) {
    boolean[][] g = new boolean[n][n];
    Map<?, ?> isolated = (Map<?, ?>) ((EdnVector) done).get(1);
    for (Map.Entry<?, ?> e : isolated.entrySet()) {
      int a = NodeNames.parse(String.valueOf(e.getKey()), n);
      for (Object b : (List<?>) e.getValue()) {
        g[a][NodeNames.parse(String.valueOf(b), n)] = true;
      }
    }
    String groups = groups(g);
    return groups != null ? groups : grudge(g);
  }

  /** {@code n1 n2 | n3 n4 n5} when {@code g} cuts the nodes into two or more groups both ways, else null. */
  static String groups(boolean[][] g) {
    int n = g.length;
    int[] groupOf = new int[n];
    Arrays.fill(groupOf, -1);
    int count = 0;
    for (int a = 0; a < n; a++) {
      if (groupOf[a] < 0) {
        for (int b = a; b < n; b++) {
          if (groupOf[b] < 0 && (b == a || !g[a][b])) {
            groupOf[b] = count;
          }
        }
        count++;
      }
    }
    for (int a = 0; a < n; a++) {
      for (int b = 0; b < n; b++) {
        if (a != b && g[a][b] != (groupOf[a] != groupOf[b])) {
          return null;
        }
      }
    }
    if (count < 2) {
      return null;
    }
    StringBuilder sb = new StringBuilder();
    for (int k = 0; k < count; k++) {
      sb.append(k == 0 ? "" : " | ");
      boolean first = true;
      for (int a = 0; a < n; a++) {
        if (groupOf[a] == k) {
          sb.append(first ? "" : " ").append('n').append(a + 1);
          first = false;
        }
      }
    }
    return sb.toString();
  }

  /** {@code grudge n1:n3,n4 n2:n4,n5}: each node with the nodes it drops messages from. */
  static String grudge(boolean[][] g) {
    StringBuilder sb = new StringBuilder(GRUDGE);
    for (int a = 0; a < g.length; a++) {
      StringBuilder from = new StringBuilder();
      for (int b = 0; b < g.length; b++) {
        if (g[a][b]) {
          from.append(from.length() == 0 ? "" : ",").append('n').append(b + 1);
        }
      }
      if (from.length() > 0) {
        sb.append(' ').append('n').append(a + 1).append(':').append(from);
      }
    }
    return sb.toString();
  }

  /**
   * True when {@code step}'s argument is one of the resolved forms this writes that node specs and shapes are not: a
   * grudge, or per-node clock amounts.
   */
  public static boolean resolvedForm(Step step) {
    return switch (step.action()) {
      case "start-partition" -> step.arg().startsWith(GRUDGE);
      case "bump-clock", "drift-clock" -> step.arg().indexOf(':') >= 0;
      default -> false;
    };
  }

  /** For a {@linkplain #resolvedForm resolved} step: null when it fits a cluster of {@code nodes}, else what is wrong. */
  public static String problem(Step step, int nodes) {
    try {
      switch (step.action()) {
        case "start-partition" -> parseGrudge(step.arg(), nodes);
        case "bump-clock" -> perNode(step.arg(), nodes, "", (x, d) -> {});
        case "drift-clock" -> perNode(step.arg(), nodes, "ppm", (x, d) -> {});
        default -> {}
      }
      return null;
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    }
  }

  /** Reads {@link #grudge}'s form back: {@code g[a][b]} means a drops what b sends. */
  static boolean[][] parseGrudge(String text, int n) {
    boolean[][] g = new boolean[n][n];
    perEntry(text.substring(GRUDGE.length()), (node, list) -> {
      int a = NodeNames.parse(node, n);
      for (String b : list.split(",")) {
        int x = NodeNames.parse(b, n);
        g[a][x] = a != x;
      }
    }, "a grudge such as 'grudge n1:n3,n4 n2:n5'");
    return g;
  }

  /** What a per-node amount does. */
  interface NodeAmount {
    void apply(int node, long amount);
  }

  /**
   * Reads per-node amounts such as {@code n1:+1500ms n3:-2s} (durations) or {@code n1:+340ppm} ({@code unit} ppm)
   * and applies each in order.
   */
  static void perNode(String text, int n, String unit, NodeAmount action) {
    String expected = unit.isEmpty() ? "per-node clock jumps such as 'n1:+1500ms n3:-2s'"
        : "per-node drifts such as 'n1:+340ppm n2:-20ppm'";
    perEntry(text, (node, amount) -> {
      int x = NodeNames.parse(node, n);
      if (amount.length() < 2 || (amount.charAt(0) != '+' && amount.charAt(0) != '-')) {
        throw new IllegalArgumentException("expected " + expected + ", found '" + text.trim() + "'");
      }
      long sign = amount.charAt(0) == '-' ? -1 : 1;
      String body = amount.substring(1);
      long v;
      if (unit.isEmpty()) {
        v = Durations.parse(body);
      } else if (body.endsWith(unit)) {
        try {
          v = Long.parseLong(body.substring(0, body.length() - unit.length()));
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("expected " + expected + ", found '" + text.trim() + "'");
        }
      } else {
        throw new IllegalArgumentException("expected " + expected + ", found '" + text.trim() + "'");
      }
      action.apply(x, sign * v);
    }, expected);
  }

  private interface Entry {
    void accept(String node, String value);
  }

  private static void perEntry(String text, Entry entry, String expected) {
    for (String w : text.trim().split("\\s+")) {
      if (w.isEmpty()) {
        continue;
      }
      int colon = w.indexOf(':');
      if (colon <= 0 || colon == w.length() - 1) {
        throw new IllegalArgumentException("expected " + expected + ", found '" + text.trim() + "'");
      }
      entry.accept(w.substring(0, colon), w.substring(colon + 1));
    }
  }
}
