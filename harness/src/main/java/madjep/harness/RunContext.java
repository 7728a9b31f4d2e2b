package madjep.harness;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import madjep.history.History;
import madjep.history.Verdict;
import madjep.history.edn.Keyword;
import madjep.sim.scenario.SimResult;

/**
 * Where a violation happened, in the run's own terms: the first op the checker's result names, the node that
 * answered it (its {@code :node}, when the system's clients record one), that node's crashes and restarts before
 * it, and the faults of the seconds before. Systems differ in what their bugs need (a restart, a partition, a clock
 * jump); this puts what was going on beside the anomaly, so that a reader sees the phenomenon without opening the
 * trace.
 */
final class RunContext {
  /** How far back faults are listed before the op. */
  private static final long WINDOW = 5_000_000_000L;
  private static final int MAX_FAULTS = 8;
  private static final Keyword INDEX = Keyword.of("index");
  private static final Keyword OPS = Keyword.of("ops");
  private static final Keyword NODE = Keyword.of("node");
  private static final Keyword PATH = Keyword.of("path");
  private static final Pattern LINE = Pattern.compile("^\\[\\s*(-?\\d+)\\.(\\d{9})\\] (\\S+): (.*)$");

  private RunContext() {}

  /** {@code c} with the context of its first named op appended to its summary, when it is invalid and names one. */
  static CheckResult annotate(SimResult r, CheckResult c) {
    if (c.verdict() != Verdict.INVALID) {
      return c;
    }
    long index = firstOp(c.data());
    String context = index < 0 ? null : describe(r, index);
    if (context == null) {
      return c;
    }
    Map<Keyword, Object> data = new java.util.LinkedHashMap<>(c.data());
    data.put(Keyword.of("context"), context);
    return new CheckResult(c.verdict(), c.summary() + "\n  context: " + context, data);
  }

  /** The {@code :index} of the first op map in the data, depth first, or the first of an {@code :ops} list. */
  static long firstOp(Object data) {
    if (data instanceof Map<?, ?> m) {
      if (m.get(INDEX) instanceof Long i && m.containsKey(Keyword.of("process"))) {
        return i;
      }
      if (m.get(OPS) instanceof List<?> l && !l.isEmpty() && l.get(l.size() - 1) instanceof Long i) {
        return i;
      }
      for (Object v : m.values()) {
        long i = firstOp(v);
        if (i >= 0) {
          return i;
        }
      }
    } else if (data instanceof List<?> l) {
      for (Object v : l) {
        long i = firstOp(v);
        if (i >= 0) {
          return i;
        }
      }
    }
    return -1;
  }

  /** The op of {@code index}, its node, and what happened before it. */
  static String describe(SimResult r, long index) {
    History h = r.history();
    int at = -1;
    for (int i = 0; i < h.size() && at < 0; i++) {
      at = h.index(i) == index ? i : -1;
    }
    if (at < 0 || !h.isClient(at)) {
      return null;
    }
    int done = h.isInvoke(at) ? h.pair(at) : at;
    int inv = h.isInvoke(at) ? at : h.pair(at);
    long t = h.time(done >= 0 ? done : at);
    StringBuilder sb = new StringBuilder();
    sb.append("op ").append(h.index(done >= 0 ? done : at)).append(" (process ").append(h.processValue(at))
        .append(", ").append(h.f(at)).append(", invoked ").append(secs(inv >= 0 ? h.time(inv) : t));
    Object node = done >= 0 ? h.extra(done, NODE) : null;
    if (done >= 0) {
      sb.append(", ").append(h.type(done).name().toLowerCase(Locale.ROOT)).append(' ').append(secs(t));
    }
    if (node != null) {
      sb.append(", answered by ").append(node);
      Object path = h.extra(done, PATH);
      if (path != null) {
        sb.append(" on the ").append(path instanceof Keyword k ? k.name() : path).append(" path");
      }
    }
    sb.append(')');
    List<String> nodeEvents = new ArrayList<>();
    List<String> faults = new ArrayList<>();
    for (String line : r.trace().split("\n")) {
      Matcher m = LINE.matcher(line);
      if (!m.matches()) {
        continue;
      }
      long when = Long.parseLong(m.group(1)) * 1_000_000_000L + Long.parseLong(m.group(2));
      if (when > t) {
        break;
      }
      String who = m.group(3);
      String what = m.group(4);
      if (who.equals(String.valueOf(node)) && what.matches("(crashed|restarted|stopped|paused|resumed).*")) {
        nodeEvents.add(what.replaceFirst(" \\(.*", "") + " at " + secs(when));
      } else if (who.equals("nemesis") && when >= t - WINDOW) {
        faults.add(secs(when) + " " + what);
      }
    }
    if (!nodeEvents.isEmpty()) {
      sb.append("; ").append(node).append(' ').append(String.join(", ", last(nodeEvents, MAX_FAULTS)));
    }
    sb.append(faults.isEmpty() ? "; no faults in the 5 s before" : "; faults in the 5 s before: "
        + String.join("; ", last(faults, MAX_FAULTS)));
    return sb.toString();
  }

  private static List<String> last(List<String> xs, int n) {
    return xs.size() <= n ? xs : xs.subList(xs.size() - n, xs.size());
  }

  private static String secs(long ns) {
    return String.format(Locale.ROOT, "%.3f s", ns / 1e9);
  }
}
