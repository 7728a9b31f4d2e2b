package madjep.sim.nemesis;

import madjep.sim.Durations;
import madjep.sim.Latency;
import madjep.sim.Simulation;

/**
 * The servers' CPU, inboxes and memory, and how hard resource faults hit them. By default CPU is not modelled
 * (events are free), so runs are as fast as without this model; a slowed node then pays {@code slowUnit} times its
 * factor per event.
 *
 * @param eventCost each server event's CPU time (null: not modelled)
 * @param slowUnit what a slowed node's factor multiplies when CPU is not modelled
 * @param slowFactor while {@code slow} is on: how many times longer a slowed node's events take
 * @param inboxLimit the most messages waiting for a busy server; more are dropped (0: unbounded)
 * @param memoryBudget each server's memory budget in bytes, against what its node declares (0: none)
 * @param memoryPressure while {@code memory} is on: a target's budget becomes this share of the memory its node
 *     declares (so its next growth is killed by the OOM killer)
 * @param restartDelay how long a supervisor waits to restart a node killed for memory or that crashed itself
 */
public record ResourceSettings(
    Latency eventCost,
    long slowUnit,
    double slowFactor,
    int inboxLimit,
    long memoryBudget,
    double memoryPressure,
    long restartDelay) {

  public ResourceSettings {
    if (!(slowFactor >= 1)) {
      throw new IllegalArgumentException("expected a slow factor of at least 1, found " + slowFactor);
    }
    if (!(memoryPressure > 0 && memoryPressure <= 1)) {
      throw new IllegalArgumentException("expected a memory pressure above 0 and at most 1, found " + memoryPressure);
    }
    if (slowUnit < 0 || inboxLimit < 0 || memoryBudget < 0 || restartDelay < 0) {
      throw new IllegalArgumentException("expected a slow unit, inbox limit, memory budget and restart delay of at "
          + "least 0");
    }
  }

  public static ResourceSettings defaults() {
    return new ResourceSettings(null, Durations.US * 50, 10, 1000, 0, 0.8, Durations.s(1));
  }

  public ResourceSettings withEventCost(Latency cost) {
    return new ResourceSettings(cost, slowUnit, slowFactor, inboxLimit, memoryBudget, memoryPressure, restartDelay);
  }

  public ResourceSettings withSlow(double factor, long unit) {
    return new ResourceSettings(eventCost, unit, factor, inboxLimit, memoryBudget, memoryPressure, restartDelay);
  }

  public ResourceSettings withInboxLimit(int limit) {
    return new ResourceSettings(eventCost, slowUnit, slowFactor, limit, memoryBudget, memoryPressure, restartDelay);
  }

  public ResourceSettings withMemory(long budget, double pressure) {
    return new ResourceSettings(eventCost, slowUnit, slowFactor, inboxLimit, budget, pressure, restartDelay);
  }

  public ResourceSettings withRestartDelay(long delay) {
    return new ResourceSettings(eventCost, slowUnit, slowFactor, inboxLimit, memoryBudget, memoryPressure, delay);
  }

  /** Sets up the servers' CPU, inboxes, memory budgets and supervisor. */
  public void apply(Simulation sim) {
    sim.setEventCost(eventCost);
    sim.setSlowUnit(slowUnit);
    sim.setInboxLimit(inboxLimit);
    sim.setRestartDelay(restartDelay);
    for (int i = 0; i < sim.servers(); i++) {
      sim.setMemoryBudget(i, memoryBudget);
    }
  }
}
