package madjep.sim.scenario;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import madjep.sim.FaultPoints;
import madjep.sim.Network;
import madjep.sim.Simulation;
import madjep.sim.nemesis.FaultKind;
import madjep.sim.nemesis.FaultSettings;
import madjep.sim.nemesis.Nemesis;
import madjep.sim.nemesis.Schedule;
import madjep.sim.nemesis.Step;

/**
 * Builds a run's {@link FaultCoverage}: for every fault family, whether the scenario can start it, how often the
 * nemesis did, how many nodes it hit, and what it did (messages, writes, disk damage, kills), read from the network's,
 * the disks' and the simulation's counters.
 */
final class Coverage {
  private Coverage() {}

  static FaultCoverage of(Scenario s, FaultSettings faults, Simulation sim, Nemesis nemesis, long writesLost) {
    EnumSet<FaultKind> configured = EnumSet.noneOf(FaultKind.class);
    if (!s.faultMode().equals("none")) {
      configured.addAll(faults.kinds());
    }
    configuredBy(s.schedule(), configured);
    if (s.liveness().enabled()) {
      for (String k : s.liveness().degraded()) {
        configured.add(FaultKind.of(k));
      }
    }
    // A family with nothing to act on here (region faults in one region) is not one the mix can start.
    configured.removeIf(k -> !nemesis.applicable(k));
    Map<String, Long> disk = diskCounts(sim);
    Network net = sim.network();
    List<FaultCoverage.Kind> kinds = new ArrayList<>();
    for (FaultKind k : FaultKind.values()) {
      Map<String, Long> effects = new LinkedHashMap<>();
      switch (k) {
        case PARTITION -> effects.put("messages dropped", net.droppedByPartitions());
        case KILL -> effects.put("unsynced writes lost", writesLost);
        case PACKET -> {
          effects.put("messages lost", net.dropped() - net.droppedByPartitions() - net.droppedByRegions()
              - net.droppedAtCrash());
          effects.put("duplicated", net.duplicated());
          effects.put("reordered", net.reordered());
        }
        case CLOG -> effects.put("messages held", net.held());
        case CORRUPT -> {
          effects.put("bits flipped", disk.get("bit-flips"));
          effects.put("sectors corrupted", disk.get("sector-corruptions"));
          effects.put("files truncated", disk.get("truncations"));
          effects.put("sectors made unreadable", disk.get("latent-sectors"));
        }
        case DISK_ERRORS -> {
          effects.put("reads flipped", disk.get("read-flips"));
          effects.put("reads failed", disk.get("read-errors"));
          effects.put("writes misdirected", disk.get("misdirected-writes"));
        }
        case FSYNC -> effects.put("fsyncs failed", disk.get("fsync-failures"));
        case DISK_FULL -> effects.put("writes refused", disk.get("no-space-errors"));
        case MEMORY -> effects.put("nodes killed", sim.oomKills());
        case REGION -> effects.put("messages dropped", net.droppedByRegions());
        case BUGGIFY -> effects.put("fault points fired", firedPoints(sim));
        default -> { }
      }
      long fired = nemesis.fired(k);
      if (configured.contains(k) || fired > 0) {
        kinds.add(new FaultCoverage.Kind(k.label(), configured.contains(k), fired, nemesis.nodesHit(k), effects));
      }
    }
    return new FaultCoverage(kinds);
  }

  /** The kinds explicit steps and triggers start, anywhere in the schedule. */
  private static void configuredBy(Schedule sch, Set<FaultKind> out) {
    if (sch instanceof Schedule.All all) {
      for (Schedule x : all.schedules()) {
        configuredBy(x, out);
      }
    } else if (sch instanceof Schedule.Steps st) {
      for (Step step : st.steps()) {
        FaultKind k = step.kind();
        if (k != null) {
          out.add(k);
        }
      }
    } else if (sch instanceof Schedule.Trigger t) {
      out.add(switch (t.action()) {
        case "kill" -> FaultKind.KILL;
        case "stop" -> FaultKind.STOP;
        case "pause" -> FaultKind.PAUSE;
        default -> FaultKind.PARTITION;
      });
    }
  }

  /** The storage faults' counters, summed over the servers. */
  private static Map<String, Long> diskCounts(Simulation sim) {
    Map<String, Long> out = new LinkedHashMap<>();
    for (int i = 0; i < sim.servers(); i++) {
      sim.storage(i).counts().forEach((key, v) -> out.merge(key, v, Long::sum));
    }
    return out;
  }

  private static long firedPoints(Simulation sim) {
    long n = 0;
    for (FaultPoints.Count c : sim.faultPoints().counts()) {
      n += c.fired();
    }
    return n;
  }
}
