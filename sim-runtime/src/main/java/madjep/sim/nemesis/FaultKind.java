package madjep.sim.nemesis;

import java.util.EnumSet;
import java.util.List;

/**
 * The families of fault a schedule can switch on and off, in the order swarm mode draws them. The first seven are
 * Jepsen's (network and processes, the default); the rest attack storage, resources, regions and the system's own
 * fault points. Scenario files name them by {@link #label()}; {@code all} names every one.
 */
public enum FaultKind {
  PARTITION("partition", "start-partition/stop-partition: Jepsen's partition shapes"),
  KILL("kill", "kill/start: crash nodes (unsynced writes lost or torn), restart them"),
  STOP("stop", "stop/start: stop nodes gracefully (disks synced), restart them"),
  PAUSE("pause", "pause/resume: SIGSTOP nodes"),
  CLOCK("clock", "bump-clock, drift-clock/reset-clock: jump or skew nodes' clocks"),
  PACKET("packet", "start-packet/stop-packet: loss, duplication, reordering, delay on nodes' links"),
  CLOG("clog", "start-clog/stop-clog: hold every message to and from nodes, then release them"),
  CORRUPT("corrupt", "bitflip, corrupt-sector, truncate-file, latent-sector: damage a file at rest (atlas-bound)"),
  DISK_ERRORS("disk-errors", "start-disk-errors/stop-disk-errors: bit flips on read, latent sector errors, "
      + "misdirected writes, at rates"),
  FSYNC("fsync", "start-fsync-errors/stop-fsync-errors: fsyncs fail and drop the dirty pages (fsyncgate)"),
  DISK_FULL("disk-full", "fill-disk/free-disk: no space left; growing writes fail with ENOSPC"),
  SLOW_DISK("slow-disk", "start-slow-disk/stop-slow-disk: every read, write and fsync takes longer"),
  SLOW("slow", "start-slow-cpu/stop-slow-cpu: nodes' events cost a factor more CPU time"),
  MEMORY("memory", "start-memory-pressure/stop-memory-pressure: budgets below use; oom-kill/oom-restart follow"),
  REGION("region", "start-region-partition/stop-region-partition, start-wan-degrade/stop-wan-degrade: cut a "
      + "region off, or add loss and delay between two (needs [regions])"),
  BUGGIFY("buggify", "start-buggify/stop-buggify: the system's fault points (ctx.buggify) may fire");

  private final String label;
  private final String description;

  FaultKind(String label, String description) {
    this.label = label;
    this.description = description;
  }

  /** The name used in scenario files. */
  public String label() {
    return label;
  }

  /** What the family does, with the {@code :f} names it records. */
  public String description() {
    return description;
  }

  /** Jepsen's families: network and processes (the default mix). */
  public static EnumSet<FaultKind> classic() {
    return EnumSet.range(PARTITION, CLOG);
  }

  public static FaultKind of(String label) {
    for (FaultKind k : values()) {
      if (k.label.equals(label)) {
        return k;
      }
    }
    StringBuilder names = new StringBuilder();
    for (FaultKind k : values()) {
      names.append(k.label).append(", ");
    }
    throw new IllegalArgumentException("expected a fault: " + names + "or all, found '" + label + "'");
  }

  /** The kinds a list of labels names; {@code all} names every kind. */
  public static EnumSet<FaultKind> parse(List<String> labels) {
    EnumSet<FaultKind> out = EnumSet.noneOf(FaultKind.class);
    for (String l : labels) {
      if (l.equals("all")) {
        out.addAll(EnumSet.allOf(FaultKind.class));
      } else {
        out.add(of(l));
      }
    }
    return out;
  }
}
