package madjep.harness;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import madjep.history.History;
import madjep.history.edn.Edn;
import madjep.history.edn.Keyword;
import madjep.sim.scenario.Announcement;
import madjep.sim.scenario.SimResult;

/**
 * What was going on around one op of a simulated run, for a violation's explanation: the node that served it (the
 * op's {@code :node}), the faults in effect while it ran (from the history's nemesis ops), and the last leader
 * announcements before it completed.
 */
final class OpContext {
  private static final Keyword NODE = Keyword.of("node");
  /** How many leader announcements an explanation names. */
  static final int LEADERS = 3;

  private OpContext() {}

  /** One sentence about op {@code position} (a completion) of {@code r}'s history. */
  static String describe(SimResult r, int position) {
    History h = r.history();
    if (position < 0 || position >= h.size()) {
      return "";
    }
    int invoke = h.pair(position);
    long from = invoke >= 0 && invoke < position ? h.time(invoke) : h.time(position);
    long to = h.time(position);
    StringBuilder sb = new StringBuilder();
    Object node = h.extra(position, NODE);
    sb.append(node == null ? "no node recorded" : "served by " + node).append(" between ").append(from)
        .append(" and ").append(to).append(" ns");
    String restart = node == null ? null : lastRestart(h, String.valueOf(node), to);
    if (restart != null) {
      sb.append(" (").append(restart).append(')');
    }
    List<String> faults = faultsDuring(h, from, to);
    sb.append("; faults in effect: ").append(faults.isEmpty() ? "none" : String.join(", ", faults));
    List<String> leaders = leadersBefore(r.announcements(), to);
    sb.append("; last leader announcements: ").append(leaders.isEmpty() ? "none" : String.join(", ", leaders));
    return sb.toString();
  }

  /** The faults in effect at some moment of {@code [from, to]}, each with when it started. */
  static List<String> faultsDuring(History h, long from, long to) {
    Map<String, String> active = new LinkedHashMap<>();
    List<String> during = new ArrayList<>();
    for (int i = 0; i < h.size() && h.time(i) <= to; i++) {
      if (h.isClient(i) || h.pair(i) >= 0 && h.pair(i) < i) {
        continue; // client ops, and the second half of a nemesis op (what was done is on the first's pair)
      }
      String f = h.f(i).name();
      int done = h.pair(i) > i ? h.pair(i) : i;
      String what = f + " " + Edn.print(h.value(done)) + " at " + h.time(i) + " ns";
      String kind = kind(f);
      if (kind == null) {
        continue;
      }
      if (ends(f)) {
        String was = active.remove(kind);
        if (f.equals("start")) {
          String stopped = active.remove("stop");
          was = was != null ? was : stopped;
        }
        if (was != null && h.time(i) >= from) {
          during.add(was + " (until " + h.time(i) + " ns)");
        }
      } else {
        active.put(kind, what);
      }
    }
    during.addAll(active.values());
    return during;
  }

  /**
   * When {@code node} last went down (killed or stopped) and came back before {@code to}, or null: a node that
   * serves wrong answers after a restart usually recovered its state wrong.
   */
  static String lastRestart(History h, String node, long to) {
    String down = null;
    String last = null;
    for (int i = 0; i < h.size() && h.time(i) <= to; i++) {
      if (h.isClient(i) || h.pair(i) >= 0 && h.pair(i) < i) {
        continue;
      }
      String f = h.f(i).name();
      int done = h.pair(i) > i ? h.pair(i) : i;
      if (!(h.value(done) instanceof java.util.Collection<?> nodes) || !nodes.contains(node)) {
        continue;
      }
      if (f.equals("kill") || f.equals("stop")) {
        down = (f.equals("kill") ? "killed" : "stopped") + " at " + h.time(i) + " ns";
      } else if (f.equals("start") && down != null) {
        last = down + ", restarted at " + h.time(i) + " ns";
        down = null;
      }
    }
    return last;
  }

  /** Which fault a nemesis {@code :f} starts or ends, or null. */
  private static String kind(String f) {
    return switch (f) {
      case "start-partition", "stop-partition" -> "partition";
      case "kill", "start" -> "kill";
      case "stop" -> "stop";
      case "pause", "resume" -> "pause";
      case "bump-clock", "drift-clock", "reset-clock" -> "clock";
      case "start-packet", "stop-packet" -> "packet";
      case "start-clog", "stop-clog" -> "clog";
      default -> null;
    };
  }

  private static boolean ends(String f) {
    return f.startsWith("stop-") || f.equals("start") || f.equals("resume") || f.equals("reset-clock");
  }

  private static List<String> leadersBefore(List<Announcement> all, long time) {
    List<String> out = new ArrayList<>();
    for (int i = all.size() - 1; i >= 0 && out.size() < LEADERS; i--) {
      Announcement a = all.get(i);
      if (a.time() <= time && a.event().equals("leader")) {
        out.add(a.node() + " (" + a.event() + " " + a.value() + ") at " + a.time() + " ns");
      }
    }
    return out;
  }
}
