package madjep.sim.nemesis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import madjep.sim.Durations;
import madjep.sim.Latency;

/**
 * Every fault family with the scenario keys that tune it and their defaults, for {@code madjep sim list} and the
 * README (a test holds both to this list).
 */
public final class FaultCatalog {
  private FaultCatalog() {}

  /** A scenario key ({@code table.key}), its default as a scenario file writes it, and what it does. */
  public record Param(String key, String dflt, String meaning) {}

  /** A family and its parameters. */
  public record Family(FaultKind kind, List<Param> params) {}

  /** Every family in {@link FaultKind} order. */
  public static List<Family> families() {
    FaultSettings f = FaultSettings.standard();
    Environment e = Environment.defaults();
    StorageSettings s = e.storage();
    ResourceSettings r = e.resources();
    RegionSettings g = e.regions();
    Param atlas = new Param("storage.atlas", s.atlas() + ", f " + (s.atlasF() < 0 ? "minority" : s.atlasF())
        + ", region " + s.atlasRegion(), "where corruption may go: node (a seed-chosen minority of nodes), region "
        + "(a minority per region of each file), off (anywhere); keys atlas, atlas-f, atlas-region");
    List<Family> out = new ArrayList<>();
    for (FaultKind k : FaultKind.values()) {
      List<Param> p = new ArrayList<>();
      switch (k) {
        case PARTITION -> p.add(new Param("faults.partitions", String.join(", ", f.partitions()),
            "shapes a start picks from; also random-minority, or groups such as 'n1 n2 | n3 n4 n5'"));
        case KILL, STOP, PAUSE, CLOG -> {}
        case CLOCK -> {
          p.add(new Param("faults.max-bump", Durations.format(f.maxBump()), "largest clock jump either way"));
          p.add(new Param("faults.max-drift-ppm", Long.toString(f.maxDriftPpm()), "largest drift either way"));
        }
        case PACKET -> {
          p.add(new Param("faults.loss", num(f.loss()), "loss rate on the targets' links"));
          p.add(new Param("faults.duplicate", num(f.duplicate()), "duplication rate"));
          p.add(new Param("faults.reorder", num(f.reorder()), "reordering rate"));
          p.add(new Param("faults.reorder-bound", Durations.format(f.reorderBound()), "how late a reordered message"
              + " may come"));
          p.add(new Param("faults.delay", describe(f.delay()), "extra latency while on"));
        }
        case CORRUPT -> {
          p.add(atlas);
        }
        case DISK_ERRORS -> {
          p.add(new Param("storage.read-flip", num(s.readFlip()), "chance a read returns a flipped bit"));
          p.add(new Param("storage.read-error", num(s.readError()), "chance a read hits a latent sector error "
              + "(EIO until the sector is rewritten)"));
          p.add(new Param("storage.misdirect", num(s.misdirect()), "chance a write lands at the wrong place"));
          p.add(atlas);
        }
        case FSYNC -> {
          p.add(new Param("storage.fsync-failure", num(s.fsyncFailure()), "chance an fsync fails (EIO; its dirty "
              + "pages are dropped, a retry succeeds, a crash loses them)"));
        }
        case DISK_FULL -> {
          p.add(new Param("storage.capacity", s.capacity() == Long.MAX_VALUE ? "unlimited" : Long.toString(
              s.capacity()), "bytes a disk holds when not full"));
        }
        case SLOW_DISK -> {
          p.add(new Param("storage.slow-factor", num(s.slowFactor()), "how many times longer I/O takes"));
          p.add(new Param("storage.slow-unit", Durations.format(s.slowUnit()), "what the factor multiplies when "
              + "the disk has no latency of its own"));
        }
        case SLOW -> {
          p.add(new Param("resources.slow-factor", num(r.slowFactor()), "how many times more CPU each event costs"));
          p.add(new Param("resources.slow-unit", Durations.format(r.slowUnit()), "what the factor multiplies when "
              + "CPU is not modelled (resources.event-cost none)"));
        }
        case MEMORY -> {
          p.add(new Param("resources.memory-pressure", num(r.memoryPressure()), "a target's budget becomes this "
              + "share of what its node declares (ctx.memory); outgrowing it means an OOM kill"));
          p.add(new Param("resources.restart-delay", Durations.format(r.restartDelay()), "when the supervisor "
              + "restarts a killed node"));
        }
        case REGION -> {
          p.add(new Param("regions.degrade-loss", num(g.degradeLoss()), "extra loss on a degraded region link"));
          p.add(new Param("regions.degrade-delay", g.degradeDelay().describe(), "extra one-way delay on it"));
        }
        case BUGGIFY -> {
          p.add(new Param("checks.buggify-activation", num(e.checks().buggifyActivation()), "chance a fault point "
              + "is active in a run"));
          p.add(new Param("checks.buggify-fire", num(e.checks().buggifyFire()), "chance an active point fires"));
        }
        default -> throw new IllegalStateException(k.label());
      }
      out.add(new Family(k, List.copyOf(p)));
    }
    return out;
  }

  /** The node specs every family with targets picks from (all but region and buggify). */
  public static Param targets() {
    return new Param("faults.targets", String.join(", ", FaultSettings.standard().targets()),
        "node specs a fault's start picks from: one, minority, majority, minority-third, all, primaries (the last "
            + "leader), or names such as n1,n3");
  }

  /** The model's own settings (not fault intensities): disks, CPU, inboxes, memory, regions, checks. */
  public static List<Param> environment() {
    Environment e = Environment.defaults();
    StorageSettings s = e.storage();
    ResourceSettings r = e.resources();
    CheckSettings c = e.checks();
    return List.of(
        new Param("storage.read-latency", describe(s.readLatency()), "how long a read blocks the handler"),
        new Param("storage.write-latency", describe(s.writeLatency()), "how long a write blocks it"),
        new Param("storage.fsync-latency", describe(s.fsyncLatency()), "how long an fsync takes (a crash meanwhile "
            + "finds its writes not durable)"),
        new Param("resources.event-cost", describe(r.eventCost()), "each server event's CPU time"),
        new Param("resources.inbox-limit", Integer.toString(r.inboxLimit()), "most messages waiting for a busy node "
            + "(more are dropped; 0: unbounded)"),
        new Param("resources.memory-budget", Long.toString(r.memoryBudget()), "bytes a node may declare (0: none)"),
        new Param("regions.names", "[]", "regions; with rtt (\"A B 81ms\" per pair), nodes and clients (lists or "
            + "spread), jitter; clients start at their region's nodes"),
        new Param("checks.metrics-interval", Durations.format(c.metricsInterval()), "per-node metrics sampling "
            + "(metrics.jsonl; 0ns: off)"),
        new Param("checks.invariant-interval", Durations.format(c.invariantInterval()), "how often the system's "
            + "invariants are checked (0ns: after every event)"));
  }

  private static String describe(Latency l) {
    return l == null ? "none" : l.describe();
  }

  private static String num(double d) {
    return d == Math.rint(d) ? String.format(Locale.ROOT, "%.0f", d) : Double.toString(d);
  }
}
