package madjep.harness.shrink;

import java.util.ArrayList;
import java.util.List;
import madjep.sim.nemesis.Schedule;
import madjep.sim.nemesis.Step;
import madjep.sim.scenario.LinkRule;
import madjep.sim.scenario.Scenario;

/**
 * The ways an explicit scenario (faults mode {@code none}, one list of steps) is made smaller. Each returns a new
 * scenario and never touches a stream: what stays is what it was.
 */
final class Cuts {
  private Cuts() {}

  /** The explicit steps of {@code s}. */
  static List<Step> steps(Scenario s) {
    return s.schedule() instanceof Schedule.Steps st ? st.steps() : List.of();
  }

  static Scenario withSteps(Scenario s, List<Step> steps) {
    return s.toBuilder().schedule(steps.isEmpty() ? new Schedule.None() : new Schedule.Steps(steps)).build();
  }

  /**
   * The index of the step that ends the fault step {@code i} starts (the next {@code stop-X} after a {@code start-X},
   * {@code start} after {@code kill} or {@code stop}, {@code resume} after {@code pause}, {@code reset-clock} after a
   * clock change, {@code free-disk} after {@code fill-disk}; so also {@code stop-disk-errors}, {@code
   * stop-fsync-errors}, {@code stop-slow-disk}, {@code stop-slow-cpu}, {@code stop-memory-pressure}, {@code
   * stop-region-partition}, {@code stop-wan-degrade} and {@code stop-buggify} after their starts), or -1 (a one-shot
   * fault such as {@code bitflip}, or a fault never ended).
   */
  static int end(List<Step> steps, int i) {
    String a = steps.get(i).action();
    String stop = switch (a) {
      case "kill", "stop" -> "start";
      case "pause" -> "resume";
      case "bump-clock", "drift-clock" -> "reset-clock";
      case "fill-disk" -> "free-disk";
      default -> a.startsWith("start-") ? "stop-" + a.substring("start-".length()) : null;
    };
    if (stop == null) {
      return -1;
    }
    for (int j = i + 1; j < steps.size(); j++) {
      if (steps.get(j).action().equals(stop)) {
        return j;
      }
    }
    return -1;
  }

  /** A shorter main phase; steps at or past its end are dropped (they would never run). */
  static Scenario withDuration(Scenario s, long duration) {
    List<Step> kept = new ArrayList<>();
    for (Step st : steps(s)) {
      if (st.at() < duration) {
        kept.add(st);
      }
    }
    return withSteps(s.toBuilder().duration(duration).build(), kept);
  }

  /** Every step {@code shift} earlier (steps are sorted, so the first decides), and the main phase as much shorter. */
  static Scenario earlier(Scenario s, long shift) {
    List<Step> moved = new ArrayList<>();
    for (Step st : steps(s)) {
      moved.add(new Step(Math.max(0, st.at() - shift), st.action(), st.arg(), st.late()));
    }
    return withSteps(s.toBuilder().duration(Math.max(1, s.duration() - shift)).build(), moved);
  }

  /** Only the client threads {@code running} take ops; the others stay idle. */
  static Scenario withRunning(Scenario s, List<Integer> running) {
    List<Integer> idle = new ArrayList<>();
    for (int i = 0; i < s.clients().concurrency(); i++) {
      if (!running.contains(i)) {
        idle.add(i);
      }
    }
    return s.toBuilder().clients(s.clients().withIdle(idle)).build();
  }

  /** The client threads that take ops. */
  static List<Integer> running(Scenario s) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < s.clients().concurrency(); i++) {
      if (s.clients().runs(i)) {
        out.add(i);
      }
    }
    return out;
  }

  /**
   * A cluster of {@code nodes}: the servers past it are gone, and so are they from every step (a step left with no
   * node, or a partition left with one side, is dropped) and every link rule.
   */
  static Scenario withNodes(Scenario s, int nodes) {
    List<Step> kept = new ArrayList<>();
    for (Step st : steps(s)) {
      String arg = withoutNodes(st.arg(), nodes);
      if (arg != null) {
        kept.add(new Step(st.at(), st.action(), arg, st.late()));
      }
    }
    List<String> links = new ArrayList<>();
    for (String l : s.links()) {
      try {
        LinkRule.parse(l, nodes);
        links.add(l);
      } catch (IllegalArgumentException gone) {
        // The rule names a server that is gone.
      }
    }
    return withSteps(s.toBuilder().nodes(nodes).links(links).build(), kept);
  }

  /**
   * A step's argument without servers past {@code nodes}, or null when nothing is left for it to act on. The forms
   * {@link madjep.sim.nemesis.StepLog} writes: node lists ({@code n1,n3}), groups ({@code n1 n2 | n3 n4}), grudges
   * ({@code grudge n1:n3,n4}), per-node amounts ({@code n2:+3s}); anything else is kept as it is.
   */
  static String withoutNodes(String arg, int nodes) {
    if (arg.isEmpty()) {
      return arg;
    }
    if (arg.contains("|")) {
      List<String> groups = new ArrayList<>();
      for (String g : arg.split("\\|")) {
        String kept = keep(g.trim().split("\\s+"), nodes, " ");
        if (!kept.isEmpty()) {
          groups.add(kept);
        }
      }
      return groups.size() < 2 ? null : String.join(" | ", groups);
    }
    String[] words = arg.trim().split("\\s+");
    boolean grudge = words[0].equals("grudge");
    List<String> entries = new ArrayList<>();
    for (int i = grudge ? 1 : 0; i < words.length; i++) {
      String w = words[i];
      int colon = w.indexOf(':');
      if (colon < 0) {
        if (!isNodeList(w)) {
          return arg;
        }
        String kept = keep(w.split(","), nodes, ",");
        if (!kept.isEmpty()) {
          entries.add(kept);
        }
      } else if (present(w.substring(0, colon), nodes)) {
        String rest = w.substring(colon + 1);
        if (!grudge) {
          entries.add(w);
        } else {
          String kept = keep(rest.split(","), nodes, ",");
          if (!kept.isEmpty()) {
            entries.add(w.substring(0, colon) + ":" + kept);
          }
        }
      }
    }
    if (entries.isEmpty()) {
      return null;
    }
    return (grudge ? "grudge " : "") + String.join(" ", entries);
  }

  private static boolean isNodeList(String w) {
    for (String x : w.split(",")) {
      if (!x.matches("n[0-9]+")) {
        return false;
      }
    }
    return true;
  }

  private static boolean present(String name, int nodes) {
    return name.matches("n[0-9]+") && Integer.parseInt(name.substring(1)) <= nodes;
  }

  private static String keep(String[] names, int nodes, String sep) {
    StringBuilder sb = new StringBuilder();
    for (String x : names) {
      if (present(x, nodes)) {
        sb.append(sb.length() == 0 ? "" : sep).append(x);
      }
    }
    return sb.toString();
  }
}
