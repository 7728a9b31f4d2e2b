package madjep.sim.nemesis;

import madjep.sim.Durations;

/**
 * One explicit fault step: at {@code at} (after the fault window opens) do {@code action} with {@code arg}. A {@code
 * late} step (written {@code 5s+ kill n1}) runs after every event already due at that instant, as a trigger's
 * reaction does; an ordinary one runs before them.
 * Actions: {@code start-partition SHAPE}, {@code stop-partition}, {@code kill SPEC}, {@code stop SPEC}, {@code
 * start}, {@code pause SPEC}, {@code resume}, {@code bump-clock SPEC}, {@code drift-clock SPEC}, {@code
 * reset-clock}, {@code start-packet}, {@code stop-packet}, {@code start-clog SPEC}, {@code stop-clog}, {@code heal};
 * storage: {@code bitflip SPEC}, {@code corrupt-sector SPEC}, {@code truncate-file SPEC}, {@code latent-sector SPEC},
 * {@code start-disk-errors SPEC}, {@code stop-disk-errors}, {@code start-fsync-errors SPEC}, {@code
 * stop-fsync-errors}, {@code fill-disk SPEC}, {@code free-disk}, {@code start-slow-disk SPEC}, {@code stop-slow-disk};
 * resources: {@code start-slow-cpu SPEC}, {@code stop-slow-cpu}, {@code start-memory-pressure SPEC}, {@code
 * stop-memory-pressure}; regions: {@code start-region-partition REGION}, {@code stop-region-partition}, {@code
 * start-wan-degrade REGION REGION}, {@code stop-wan-degrade}; fault points: {@code start-buggify}, {@code
 * stop-buggify}.
 */
public record Step(long at, String action, String arg, boolean late) {
  /** A step that runs before the other events due at {@code at}. */
  public Step(long at, String action, String arg) {
    this(at, action, arg, false);
  }

  /** Reads {@code "5s kill n1"}, {@code "12s stop-partition"} or {@code "7s+ pause n2"}. */
  public static Step parse(String text) {
    String[] w = text.trim().split("\\s+", 3);
    if (w.length < 2) {
      throw new IllegalArgumentException("expected a step such as '5s kill n1', found '" + text + "'");
    }
    boolean late = w[0].endsWith("+");
    Step s = new Step(Durations.parse(late ? w[0].substring(0, w[0].length() - 1) : w[0]), w[1],
        w.length > 2 ? w[2] : "", late);
    s.check();
    return s;
  }

  private void check() {
    switch (action) {
      case "start-partition", "kill", "stop", "pause", "bump-clock", "drift-clock", "start-clog", "start-packet",
          "bitflip", "corrupt-sector", "truncate-file", "latent-sector", "start-disk-errors", "start-fsync-errors",
          "fill-disk", "start-slow-disk", "start-slow-cpu", "start-memory-pressure", "start-region-partition" -> {
        if (arg.isEmpty()) {
          throw new IllegalArgumentException("step '" + describe() + "' needs a target or shape");
        }
      }
      case "start-wan-degrade" -> {
        if (arg.trim().split("\\s+").length != 2) {
          throw new IllegalArgumentException("step '" + describe() + "' needs two regions, such as 'start-wan-degrade"
              + " us-east eu-west'");
        }
      }
      case "stop-partition", "start", "resume", "reset-clock", "stop-packet", "stop-clog", "heal",
          "stop-disk-errors", "stop-fsync-errors", "free-disk", "stop-slow-disk", "stop-slow-cpu",
          "stop-memory-pressure", "stop-region-partition", "stop-wan-degrade", "start-buggify", "stop-buggify" -> {}
      default -> throw new IllegalArgumentException("unknown fault step action '" + action + "'");
    }
  }

  void apply(Nemesis n) {
    switch (action) {
      case "start-partition" -> n.startPartition(arg);
      case "stop-partition" -> n.stopPartition();
      case "kill" -> n.kill(arg);
      case "stop" -> n.stop(arg);
      case "start" -> n.restart();
      case "pause" -> n.pause(arg);
      case "resume" -> n.resume();
      case "bump-clock" -> n.bumpClock(arg);
      case "drift-clock" -> n.driftClock(arg);
      case "reset-clock" -> n.resetClock();
      case "start-packet" -> n.startPacket(arg);
      case "stop-packet" -> n.stopPacket();
      case "start-clog" -> n.startClog(arg);
      case "stop-clog" -> n.stopClog();
      case "heal" -> n.healAll();
      default -> applyEnvironment(n.environment());
    }
  }

  private void applyEnvironment(EnvironmentFaults e) {
    switch (action) {
      case "bitflip" -> e.corrupt(EnvironmentFaults.BITFLIP, arg);
      case "corrupt-sector" -> e.corrupt(EnvironmentFaults.CORRUPT_SECTOR, arg);
      case "truncate-file" -> e.corrupt(EnvironmentFaults.TRUNCATE_FILE, arg);
      case "latent-sector" -> e.corrupt(EnvironmentFaults.LATENT_SECTOR, arg);
      case "start-disk-errors" -> e.startDiskErrors(arg);
      case "stop-disk-errors" -> e.stopDiskErrors();
      case "start-fsync-errors" -> e.startFsyncErrors(arg);
      case "stop-fsync-errors" -> e.stopFsyncErrors();
      case "fill-disk" -> e.fillDisk(arg);
      case "free-disk" -> e.freeDisk();
      case "start-slow-disk" -> e.startSlowDisk(arg);
      case "stop-slow-disk" -> e.stopSlowDisk();
      case "start-slow-cpu" -> e.startSlowCpu(arg);
      case "stop-slow-cpu" -> e.stopSlowCpu();
      case "start-memory-pressure" -> e.startMemoryPressure(arg);
      case "stop-memory-pressure" -> e.stopMemoryPressure();
      case "start-region-partition" -> e.startRegionPartition(arg.trim());
      case "stop-region-partition" -> e.stopRegionPartition();
      case "start-wan-degrade" -> {
        String[] r = arg.trim().split("\\s+");
        e.startWanDegrade(r[0], r[1]);
      }
      case "stop-wan-degrade" -> e.stopWanDegrade();
      case "start-buggify" -> e.startBuggify();
      case "stop-buggify" -> e.stopBuggify();
      default -> throw new IllegalStateException(action);
    }
  }

  /** The kind of fault this step starts, or null for a step that only ends faults. */
  public FaultKind kind() {
    return switch (action) {
      case "start-partition" -> FaultKind.PARTITION;
      case "kill" -> FaultKind.KILL;
      case "stop" -> FaultKind.STOP;
      case "pause" -> FaultKind.PAUSE;
      case "bump-clock", "drift-clock" -> FaultKind.CLOCK;
      case "start-packet" -> FaultKind.PACKET;
      case "start-clog" -> FaultKind.CLOG;
      case "bitflip", "corrupt-sector", "truncate-file", "latent-sector" -> FaultKind.CORRUPT;
      case "start-disk-errors" -> FaultKind.DISK_ERRORS;
      case "start-fsync-errors" -> FaultKind.FSYNC;
      case "fill-disk" -> FaultKind.DISK_FULL;
      case "start-slow-disk" -> FaultKind.SLOW_DISK;
      case "start-slow-cpu" -> FaultKind.SLOW;
      case "start-memory-pressure" -> FaultKind.MEMORY;
      case "start-region-partition", "start-wan-degrade" -> FaultKind.REGION;
      case "start-buggify" -> FaultKind.BUGGIFY;
      default -> null;
    };
  }

  public String describe() {
    return Durations.readable(at) + (late ? "+" : "") + " " + action + (arg.isEmpty() ? "" : " " + arg);
  }
}
