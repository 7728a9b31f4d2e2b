package madjep.sim.scenario;

import java.util.Map;
import madjep.sim.Durations;
import madjep.sim.NodeMetrics;
import madjep.sim.Regions;
import madjep.sim.Simulation;
import madjep.sim.Trace;
import madjep.sim.nemesis.Environment;

/** Puts a scenario's {@link Environment} into a simulation before it starts, and reads back what its faults did. */
final class EnvironmentSetup {
  private EnvironmentSetup() {}

  /** Regions (which clients need at boot), disks and resources; before {@link Simulation#start()}. */
  static void apply(Simulation sim, Scenario s) {
    Environment env = s.environment();
    sim.setRegions(env.regions().place(s.nodes(), s.clients().concurrency()));
    env.storage().apply(sim);
    env.resources().apply(sim);
  }

  /** One trace line per part of the environment that differs from a plain cluster. */
  static void describe(Simulation sim, Scenario s, Trace trace) {
    Environment env = s.environment();
    Regions r = sim.regions();
    if (r != null) {
      StringBuilder sb = new StringBuilder("regions:");
      for (int i = 0; i < sim.servers(); i++) {
        sb.append(' ').append(sim.name(i)).append('@').append(r.names().get(r.of(i)));
      }
      trace.line(0, "sim", sb.toString());
    }
    int[] faulty = sim.storageAtlas().faultyNodes();
    if (faulty.length > 0) {
      StringBuilder sb = new StringBuilder("storage atlas: corruption may touch only");
      for (int x : faulty) {
        sb.append(' ').append(sim.name(x));
      }
      trace.line(0, "sim", sb.toString());
    }
    if (env.resources().eventCost() != null) {
      trace.line(0, "sim", "cpu: each server event costs " + env.resources().eventCost().describe());
    }
    if (env.resources().memoryBudget() > 0) {
      trace.line(0, "sim", "memory budget " + env.resources().memoryBudget() + " bytes per server");
    }
    if (env.storage().fsyncLatency() != null) {
      trace.line(0, "sim", "fsync takes " + env.storage().fsyncLatency().describe());
    }
    if (env.resources().restartDelay() != Durations.s(1)) {
      trace.line(0, "sim", "supervisors restart after " + Durations.format(env.resources().restartDelay()));
    }
  }

  /**
   * The resource model's counters beside the run's others: messages dropped by full inboxes, nodes that died of a
   * disk error they did not handle, nodes killed for their memory. What each fault family did is in its coverage.
   */
  static void addStats(Simulation sim, Map<String, Long> stats) {
    long dropped = 0;
    for (int i = 0; i < sim.servers(); i++) {
      NodeMetrics m = sim.metrics(i);
      dropped += m.inboxDropped();
    }
    stats.put("inbox-dropped", dropped);
    stats.put("disk-exits", sim.diskExits());
    stats.put("oom-kills", sim.oomKills());
  }
}
