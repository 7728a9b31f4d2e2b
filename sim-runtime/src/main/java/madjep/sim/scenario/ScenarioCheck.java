package madjep.sim.scenario;

import java.util.ArrayList;
import java.util.List;
import madjep.sim.Durations;
import madjep.sim.NodeNames;
import madjep.sim.nemesis.FaultKind;
import madjep.sim.nemesis.FaultSettings;
import madjep.sim.nemesis.Nemesis;
import madjep.sim.nemesis.Schedule;
import madjep.sim.nemesis.Step;
import madjep.sim.workload.ClientSettings;

/**
 * One validation pass over a scenario before anything runs: every setting that would make a run fail, hang, run out
 * of memory or silently do less than it says is a problem naming its key (as scenario files spell it). A fault step
 * naming a node the cluster lacks, or falling at or after the end of the main phase, is a problem, never a step
 * dropped without a word.
 */
public final class ScenarioCheck {
  /** The most client threads; each is an endpoint with its own state. */
  public static final int MAX_CONCURRENCY = 10_000;
  /** The most ops per second over all clients. */
  public static final double MAX_RATE = 1_000_000;
  /** The most keys register and transactional workloads use at once. */
  public static final int MAX_KEYS = 1_000_000;
  /** The most micro-ops per transaction. */
  public static final int MAX_OPS_PER_TXN = 1_000;
  /** The most bank accounts. */
  public static final int MAX_ACCOUNTS = 10_000;
  /** The longest main phase: 30 simulated days. */
  public static final long MAX_DURATION = Durations.s(30L * 24 * 3600);

  private static final List<String> SHAPES = Nemesis.PARTITION_SHAPES;
  private static final List<String> SPECS = List.of("one", "minority", "majority", "minority-third", "all",
      "primaries", "follower");

  /** A setting that cannot work. */
  public record Problem(String key, String message) {
    public String describe() {
      return key + ": " + message;
    }
  }

  private ScenarioCheck() {}

  /** Throws {@link IllegalArgumentException} with the first problem ({@code key: message}), if any. */
  public static void require(Scenario s) {
    List<Problem> p = problems(s);
    if (!p.isEmpty()) {
      throw new IllegalArgumentException(p.get(0).describe());
    }
  }

  /** Every problem, in the order of the scenario file's keys. */
  public static List<Problem> problems(Scenario s) {
    List<Problem> out = new ArrayList<>();
    if (s.duration() > MAX_DURATION) {
      out.add(new Problem("duration", "expected at most 30 days of simulated time, found "
          + Durations.format(s.duration())));
    }
    if (s.quiet() < 0) {
      out.add(new Problem("quiet", "expected 0 or more, found " + s.quiet() + "ns"));
    }
    if (s.finals() < 0) {
      out.add(new Problem("finals", "expected 0 or more, found " + s.finals() + "ns"));
    }
    workload(s, out);
    clients(s.clients(), out);
    faults(s, out);
    liveness(s, out);
    return out;
  }

  private static void liveness(Scenario s, List<Problem> out) {
    for (String k : s.liveness().degraded()) {
      boolean ok;
      try {
        ok = Nemesis.DEGRADABLE.contains(FaultKind.of(k));
      } catch (IllegalArgumentException e) {
        ok = false;
      }
      if (!ok) {
        out.add(new Problem("liveness.degraded", "expected faults a minority can keep: "
            + Nemesis.DEGRADABLE.stream().map(FaultKind::label).toList() + ", found '" + k + "'"));
      }
    }
    if (!s.liveness().degraded().isEmpty() && !s.liveness().enabled()) {
      out.add(new Problem("liveness.degraded", "expected a liveness check (min-ops above 0) for faults to outlast "
          + "the main phase"));
    }
    String targets = s.liveness().degradedTargets();
    String bad = spec(targets, s.nodes());
    if (bad != null) {
      out.add(new Problem("liveness.degraded-targets", bad));
    } else if (!minority(targets, s.nodes())) {
      for (String k : s.liveness().degraded()) {
        if (List.of("kill", "pause", "partition").contains(k)) {
          out.add(new Problem("liveness.degraded-targets", "expected a minority (one, minority, minority-third or at "
              + "most " + (s.nodes() - 1) / 2 + " names) to keep " + k + " faults: a majority must stay up to serve, "
              + "found '" + targets + "'"));
          break;
        }
      }
    }
  }

  private static void workload(Scenario s, List<Problem> out) {
    if (!Workloads.names().contains(s.workload())) {
      out.add(new Problem("workload.name", "expected one of " + Workloads.names() + ", found '" + s.workload()
          + "'"));
    }
    range(out, "workload.keys", s.keys(), 1, MAX_KEYS);
    if (!List.of("uniform", "zipfian", "zipf").contains(s.keyDistribution())) {
      out.add(new Problem("workload.key-distribution", "expected uniform or zipfian, found '" + s.keyDistribution()
          + "'"));
    }
    range(out, "workload.ops-per-key", s.opsPerKey(), 0, Integer.MAX_VALUE);
    range(out, "workload.ops-per-txn", s.opsPerTxn(), 1, MAX_OPS_PER_TXN);
    range(out, "workload.accounts", s.accounts(), 2, MAX_ACCOUNTS);
    range(out, "workload.total", s.total(), 0, Long.MAX_VALUE / 2);
  }

  private static void clients(ClientSettings c, List<Problem> out) {
    range(out, "clients.concurrency", c.concurrency(), 1, MAX_CONCURRENCY);
    if (!(c.rate() > 0) || c.rate() > MAX_RATE) {
      out.add(new Problem("clients.rate", "expected ops per second above 0 and at most " + (long) MAX_RATE
          + ", found " + c.rate()));
    }
    if (c.timeout() <= 0) {
      out.add(new Problem("clients.timeout", "expected a duration above 0, found " + c.timeout() + "ns"));
    }
    if (c.retry() <= 0) {
      out.add(new Problem("clients.retry", "expected a duration above 0, found " + c.retry() + "ns"));
    }
  }

  private static void faults(Scenario s, List<Problem> out) {
    FaultSettings f = s.faults();
    int n = s.nodes();
    probability(out, "faults.loss", f.loss());
    probability(out, "faults.duplicate", f.duplicate());
    probability(out, "faults.reorder", f.reorder());
    if (f.reorderBound() < 0) {
      out.add(new Problem("faults.reorder-bound", "expected 0 or more, found " + f.reorderBound() + "ns"));
    }
    if (f.maxBump() < 0) {
      out.add(new Problem("faults.max-bump", "expected 0 or more, found " + f.maxBump() + "ns"));
    }
    range(out, "faults.max-drift-ppm", f.maxDriftPpm(), 0, 999_999);
    if (f.partitions().isEmpty()) {
      out.add(new Problem("faults.partitions", "expected at least one partition shape"));
    }
    for (String p : f.partitions()) {
      String bad = shape(p, n);
      if (bad != null) {
        out.add(new Problem("faults.partitions", bad));
      }
    }
    if (f.targets().isEmpty()) {
      out.add(new Problem("faults.targets", "expected at least one node spec"));
    }
    for (String t : f.targets()) {
      String bad = spec(t, n);
      if (bad != null) {
        out.add(new Problem("faults.targets", bad));
      }
    }
    schedule(s.schedule(), s, out);
  }

  private static void schedule(Schedule sch, Scenario s, List<Problem> out) {
    if (sch instanceof Schedule.All all) {
      for (Schedule x : all.schedules()) {
        schedule(x, s, out);
      }
    } else if (sch instanceof Schedule.Steps st) {
      for (Step step : st.steps()) {
        if (step.at() < 0 || step.at() >= s.duration()) {
          out.add(new Problem("faults.steps", "step '" + step.describe() + "' falls at or after the end of the main "
              + "phase (" + Durations.format(s.duration()) + "): it would never run"));
        }
        String bad = madjep.sim.nemesis.StepLog.resolvedForm(step)
            ? madjep.sim.nemesis.StepLog.problem(step, s.nodes()) : switch (step.action()) {
          case "start-partition" -> shape(step.arg(), s.nodes());
          case "kill", "stop", "pause", "bump-clock", "drift-clock", "start-packet", "start-clog", "bitflip",
              "corrupt-sector", "truncate-file", "latent-sector", "start-disk-errors", "start-fsync-errors",
              "fill-disk", "start-slow-disk", "start-slow-cpu", "start-memory-pressure" -> spec(step.arg(), s.nodes());
          case "start-region-partition", "start-wan-degrade" -> regions(step.arg(), s);
          default -> null;
        };
        if (bad != null) {
          out.add(new Problem("faults.steps", "step '" + step.describe() + "': " + bad));
        }
      }
    } else if (sch instanceof Schedule.Trigger t) {
      if (t.undoAfter() <= 0) {
        out.add(new Problem("faults.triggers", "expected an undo delay above 0, found '" + t.describe() + "'"));
      }
    } else if (sch instanceof Schedule.Phases p) {
      for (Schedule.Phase ph : p.phases()) {
        if (ph.duration() <= 0) {
          out.add(new Problem("faults.phases", "expected phases longer than 0, found "
              + Durations.format(ph.duration())));
        }
      }
    }
  }

  /** Null when {@code arg} names regions of the scenario's {@code [regions]} (two different ones for a link). */
  private static String regions(String arg, Scenario s) {
    List<String> names = s.environment().regions().names();
    String[] w = arg.trim().split("\\s+");
    for (String r : w) {
      if (!names.contains(r)) {
        return "expected a region of " + names + " ([regions] names), found '" + r + "'";
      }
    }
    if (w.length == 2 && w[0].equals(w[1])) {
      return "expected two different regions, found '" + arg.trim() + "'";
    }
    return null;
  }

  /** True when {@code spec} never names more than a minority of {@code n} nodes. */
  private static boolean minority(String spec, int n) {
    if (List.of("one", "minority", "minority-third", "primaries").contains(spec)) {
      return n >= 3;
    }
    if (SPECS.contains(spec)) {
      return false;
    }
    return spec.trim().split("[,\\s]+").length <= (n - 1) / 2;
  }

  /** Null when {@code shape} is a partition the cluster can have, else what is wrong. */
  private static String shape(String shape, int n) {
    if (SHAPES.contains(shape)) {
      return null;
    }
    if (!shape.contains("|")) {
      return "expected a partition: " + String.join(", ", SHAPES) + " or groups such as 'n1 n2 | n3 n4 n5', found '"
          + shape + "'";
    }
    for (String group : shape.split("\\|")) {
      String bad = names(group, n);
      if (bad != null) {
        return bad;
      }
    }
    return null;
  }

  /** Null when {@code spec} names nodes of the cluster, else what is wrong. */
  private static String spec(String spec, int n) {
    return SPECS.contains(spec) ? null : names(spec, n);
  }

  private static String names(String list, int n) {
    String t = list.trim();
    if (t.isEmpty()) {
      return "expected node names n1..n" + n + ", found none";
    }
    for (String name : t.split("[,\\s]+")) {
      try {
        NodeNames.parse(name, n);
      } catch (IllegalArgumentException e) {
        return "expected a node spec (" + String.join(", ", SPECS) + ") or node names n1..n" + n + ", found '"
            + name + "'";
      }
    }
    return null;
  }

  private static void probability(List<Problem> out, String key, double p) {
    if (!(p >= 0 && p <= 1)) {
      out.add(new Problem(key, "expected a probability between 0 and 1, found " + p));
    }
  }

  private static void range(List<Problem> out, String key, long v, long min, long max) {
    if (v < min || v > max) {
      out.add(new Problem(key, "expected " + (max == Integer.MAX_VALUE || max == Long.MAX_VALUE / 2
          ? "at least " + min : "from " + min + " to " + max) + ", found " + v));
    }
  }
}
