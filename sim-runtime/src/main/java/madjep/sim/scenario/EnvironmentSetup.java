package madjep.sim.scenario;

import java.util.LinkedHashMap;
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

  /** What the storage and resource faults did, summed over the servers, in a fixed order. */
  static Map<String, Long> faultCounts(Simulation sim) {
    Map<String, Long> out = new LinkedHashMap<>();
    for (int i = 0; i < sim.servers(); i++) {
      for (Map.Entry<String, Long> e : sim.storage(i).counts().entrySet()) {
        out.merge(e.getKey(), e.getValue(), Long::sum);
      }
    }
    long dropped = 0;
    for (int i = 0; i < sim.servers(); i++) {
      NodeMetrics m = sim.metrics(i);
      dropped += m.inboxDropped();
    }
    out.put("inbox-dropped", dropped);
    return out;
  }
}
